/// <reference lib="dom" />
// The demo association site (/demo/, /demo/sv/) used as a person would, in Debian's Chromium driven
// by playwright-core, against the real server: buildApp on an in-memory PGlite, migrated, the demo
// association seeded as bin.ts seeds it, listening on 127.0.0.1 with its public URL set to that
// address. Nothing is mocked and nothing is built here (`npm test` builds first): the page loads
// packages/elements/dist/collect.js through /embed/collect.js.
//
// Screenshots of every step go to test-results/demo/*.png (gitignored).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp, migrate, systemClock } from '../../packages/server/src/index.js';
import { DEMO_CSP } from '../../packages/server/src/http/demo-site.js';
import { seedDemo, type DemoCredentials } from '../../packages/server/src/seed-demo.js';
import { openPgliteDatabase } from '../../packages/server/src/store/pglite-database.js';
import type { Database } from '../../packages/server/src/store/database.js';
import da from '../../packages/elements/src/i18n/da.js';
import sv from '../../packages/elements/src/i18n/sv.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const BUNDLE = join(root, 'packages/elements/dist/collect.js');
const SCREENSHOTS = join(root, 'test-results/demo');

const skip = !existsSync(CHROME_PATH)
  ? `Chromium not found at ${CHROME_PATH}: install it (apt-get install -y chromium) or set CHROME_PATH`
  : !existsSync(BUNDLE)
    ? `${BUNDLE} is missing: run \`npm run build\` first (npm test does)`
    : false;

/**
 * The case and status catalogues arrive with <collect-case> and <collect-status>; read loosely, so
 * that this test compiles before them and uses their strings once they exist.
 */
interface CaseTexts {
  companyName: string;
  addressLine: string;
  postalCode: string;
  city: string;
  email: string;
  invoiceNumber: string;
  issueDate: string;
  submit: string;
  done: (number: string) => string;
}
interface StatusTexts {
  title: string;
}
const daCase = (da as unknown as { case?: CaseTexts }).case;
const daStatus = (da as unknown as { status?: StatusTexts }).status;

/** A free port, so that the public URL can be set before the app is built (bin.ts knows it from PORT). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** An ISO date `days` before today in the browser's (and this machine's) time zone. */
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

interface PageProblems {
  errors: string[];
  violations: string[];
}

/** Records uncaught errors, console errors and CSP violations of a page, to assert there were none. */
async function watchProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { errors: [], violations: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('__reportViolation', (text: string) => problems.violations.push(text));
  // Playwright's init scripts are not subject to the page's CSP; the page's own scripts are.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return problems;
}

describe('the demo association site in Chromium', { skip, timeout: 90_000 }, () => {
  let dataDir: string;
  let db: Database;
  let app: FastifyInstance;
  let baseUrl: string;
  let credentials: DemoCredentials;
  let browser: Browser;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'collectkit-demo-e2e-'));
    // The demo pages read the keys from <data dir>/demo-keys.json, as under `npm start`.
    process.env.COLLECTKIT_DATA_DIR = dataDir;
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    db = await openPgliteDatabase('memory://');
    const clock = systemClock(); // the browser judges the session cookie's expiry by the real clock
    await migrate(db, { appliedAt: clock.now() });
    app = await buildApp({ db, clock, publicUrl: baseUrl, logLevel: 'silent', webhookDelivery: false });
    await app.listen({ host: '127.0.0.1', port });
    // As bin.ts does: the server's own origins are the demo association's allowed origins.
    const seed = await seedDemo(db, clock, {
      dataDir,
      allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`, new URL(baseUrl).origin],
    });
    assert.ok(seed.credentials, 'the demo association was seeded');
    credentials = seed.credentials;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROME_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    delete process.env.COLLECTKIT_DATA_DIR;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(path: string): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems = await watchProblems(page);
    const response = await page.goto(`${baseUrl}${path}`);
    assert.equal(response?.status(), 200, path);
    assert.equal(response?.headers()['content-security-policy'], DEMO_CSP, 'served under the strict CSP');
    return { context, page, problems };
  }

  const shot = (target: Page | Locator, name: string) =>
    'goto' in target ? target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true }) : target.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

  it('Danish page: a quote, an enrolment, then a case and the status list (when the bundle has those elements)', async (t: TestContext) => {
    const { context, page, problems } = await open('/demo/');
    try {
      // The server wrote the demo association's key and its own address into the elements.
      const enrol = page.locator('collect-enrol');
      assert.equal(await enrol.getAttribute('publishable-key'), credentials.publishableKey);
      assert.equal(await enrol.getAttribute('api-base'), baseUrl);
      assert.equal(await page.locator('.demo-notice').count(), 0, 'no notice: keys, origin and bundle are all fine');
      await page.waitForFunction(() => !!customElements.get('collect-quote') && !!customElements.get('collect-enrol'));
      await page.screenshot({ path: join(SCREENSHOTS, '00-da-first-view.png') }); // what a visitor sees first
      await shot(page, '01-da-page');

      // --- 1. the quote: a member garage, a business debtor, one invoice of 12.500,00 kr. 30 days overdue.
      const quote = page.locator('collect-quote');
      await quote.getByRole('radio', { name: da.common.yes, exact: true }).check();
      await quote.getByRole('button', { name: da.common.next }).click();
      await quote.getByRole('radio', { name: da.quote.business, exact: true }).check();
      await quote.getByRole('button', { name: da.common.next }).click();
      await quote.getByLabel(da.quote.amount('DKK'), { exact: true }).fill('12.500,00');
      await quote.getByLabel(da.quote.dueDate, { exact: true }).fill(daysAgo(30));
      await shot(page.locator('#beregn'), '02-da-quote-invoices');
      await quote.getByRole('button', { name: da.quote.calculate }).click();
      await quote.getByRole('heading', { name: da.quote.stepResult }).waitFor();
      // The member plan (sdk association-member.ts): no registration fee and no commission in the
      // extra-judicial phase, so the garage can expect the whole invoice: 12.500,00 kr.
      assert.match(await quote.locator('[data-total="expected-net"]').innerText(), /12\.500,00/);
      assert.match(await quote.locator('[data-total="you-pay"]').innerText(), /0,00/);
      await shot(page.locator('#beregn'), '03-da-quote-result');

      // --- 2. the enrolment, typed field by field into the shadow DOM (labels in the same shadow root).
      const e = da.enrol;
      await enrol.getByLabel(e.companyName, { exact: true }).fill('Hansens Autoværksted ApS');
      await enrol.getByLabel('CVR-nummer', { exact: true }).pressSequentially('24256790'); // valid CVR (sdk identifier tests)
      await shot(page.locator('#tilmeld'), '04-da-enrol-company');
      await enrol.getByRole('button', { name: da.common.next }).click();
      await enrol.getByLabel(e.addressLine, { exact: true }).fill('Værkstedsvej 12');
      await enrol.getByLabel(e.postalCode, { exact: true }).fill('8000');
      await enrol.getByLabel(e.city, { exact: true }).fill('Aarhus C');
      await enrol.getByLabel(e.contactName, { exact: true }).fill('Jens Hansen');
      await enrol.getByLabel(e.email, { exact: true }).fill('jens@hansens-autovaerksted.example');
      await shot(page.locator('#tilmeld'), '05-da-enrol-contact');
      await enrol.getByRole('button', { name: da.common.next }).click();
      // A Danish company is paid out to a Danish bank account by default.
      await enrol.getByLabel(e.registrationNumber, { exact: true }).fill('9570');
      await enrol.getByLabel(e.accountNumber, { exact: true }).fill('12345678');
      await enrol.getByLabel(e.consentTerms).check();
      await enrol.getByLabel(e.consentDataProcessing).check();
      await shot(page.locator('#tilmeld'), '06-da-enrol-payout');
      await enrol.getByRole('button', { name: e.createAgreement }).click();
      await enrol.locator('[data-sha256]').waitFor();
      assert.match(await enrol.locator('[data-sha256]').innerText(), /^[0-9a-f]{64}$/);
      await enrol.getByLabel(e.signName, { exact: true }).fill('Jens Hansen');
      await enrol.getByLabel(e.signConsent).check();
      await shot(page.locator('#tilmeld'), '07-da-enrol-agreement');
      await enrol.getByRole('button', { name: e.sign }).click();
      await enrol.getByLabel(e.password, { exact: true }).fill('korrekt hest batteri');
      await enrol.getByLabel(e.passwordRepeat, { exact: true }).fill('korrekt hest batteri');
      await enrol.getByRole('button', { name: e.setPassword }).click();
      await enrol.getByRole('paragraph').filter({ hasText: e.done('Hansens Autoværksted ApS') }).waitFor();
      await shot(page.locator('#tilmeld'), '08-da-enrol-done');

      // Signed in: the session cookie the enrolment set now makes this browser the new member.
      const me = await page.evaluate(async (key) => {
        const response = await fetch('/v1/me', { headers: { 'x-collectkit-key': key }, credentials: 'same-origin' });
        return { status: response.status, body: (await response.json()) as { user?: { email?: string; role?: string } } };
      }, credentials.publishableKey);
      assert.equal(me.status, 200);
      assert.deepEqual({ email: me.body.user?.email, role: me.body.user?.role }, { email: 'jens@hansens-autovaerksted.example', role: 'member' });

      // --- 3. and 4. the case and the status list, when the bundle has those elements.
      const defined = await page.evaluate(() => ({ case: !!customElements.get('collect-case'), status: !!customElements.get('collect-status') }));
      if (!defined.case || !daCase) {
        t.diagnostic(
          `skipped: submitting a case — <collect-case> is ${defined.case ? 'defined but its Danish catalogue (da.case) is missing' : 'not in this build of collect.js'}; the page shows its fallback text`,
        );
        assert.equal(await page.locator('collect-case .element-fallback').isVisible(), true, 'the page says the case form is not there yet');
        t.diagnostic(
          `skipped: seeing the case in the status list — there is no case to see${defined.status ? '' : ', and <collect-status> is not in this build of collect.js either'}`,
        );
      } else {
        const caseForm = page.locator('collect-case');
        await caseForm.getByLabel(daCase.companyName, { exact: true }).fill('Kunde & Søn ApS');
        await caseForm.getByLabel(daCase.addressLine, { exact: true }).fill('Kundevej 3');
        await caseForm.getByLabel(daCase.postalCode, { exact: true }).fill('8000');
        await caseForm.getByLabel(daCase.city, { exact: true }).fill('Aarhus C');
        await caseForm.getByLabel(daCase.email, { exact: true }).fill('bogholderi@kunde-og-soen.example');
        await shot(page.locator('#opret-sag'), '09-da-case-debtor');
        await caseForm.getByRole('button', { name: da.common.next }).click();
        await caseForm.getByLabel(daCase.invoiceNumber, { exact: true }).fill('F-1042');
        await caseForm.getByLabel(daCase.issueDate, { exact: true }).fill(daysAgo(44));
        await caseForm.getByLabel(da.quote.dueDate, { exact: true }).fill(daysAgo(30));
        await caseForm.getByLabel(da.quote.amount('DKK'), { exact: true }).fill('12.500,00');
        await shot(page.locator('#opret-sag'), '10-da-case-invoices');
        // On through the documents (none attached) to the review.
        while (await caseForm.getByRole('button', { name: daCase.submit }).count() === 0) {
          await caseForm.getByRole('button', { name: da.common.next }).click();
        }
        await shot(page.locator('#opret-sag'), '11-da-case-review');
        await caseForm.getByRole('button', { name: daCase.submit }).click();
        const doneText = new RegExp(daCase.done('(\\S+)').replace(/[.]/g, '\\.'));
        await caseForm.getByText(doneText).waitFor();
        const caseNumber = doneText.exec(await caseForm.getByText(doneText).innerText())?.[1] ?? '';
        assert.ok(caseNumber, 'a case number is shown');
        await shot(page.locator('#opret-sag'), '12-da-case-done');

        if (!defined.status || !daStatus) {
          t.diagnostic(`skipped: the status list — <collect-status> is ${defined.status ? 'defined but da.status is missing' : 'not in this build of collect.js'}`);
        } else {
          const status = page.locator('collect-status');
          await status.getByText('Kunde & Søn ApS').first().waitFor();
          assert.match(await status.innerText(), new RegExp(caseNumber.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
          await shot(page.locator('#mine-sager'), '13-da-status');
        }
      }
      await shot(page, '14-da-page-after');

      assert.deepEqual(problems.violations, [], 'no CSP violation');
      assert.deepEqual(problems.errors, [], 'no error in the page');
    } finally {
      await context.close();
    }
  });

  it('Swedish page: the same elements speak Swedish', async () => {
    const { context, page, problems } = await open('/demo/sv/');
    try {
      await page.waitForFunction(() => !!customElements.get('collect-quote') && !!customElements.get('collect-enrol'));
      const quote = page.locator('collect-quote');
      const enrol = page.locator('collect-enrol');
      assert.equal((await quote.getByRole('heading', { level: 2 }).innerText()).trim(), sv.quote.title);
      assert.equal((await enrol.getByRole('heading', { level: 2 }).innerText()).trim(), sv.enrol.title);
      await shot(page, '20-sv-page');

      // The quote asks in Swedish and, on a Swedish page, starts from a Swedish company.
      await quote.getByRole('group', { name: sv.quote.member }).waitFor();
      assert.equal(await quote.getByLabel(sv.quote.companyCountry).inputValue(), 'SE');
      await quote.getByRole('radio', { name: sv.common.yes, exact: true }).check();
      await quote.getByRole('button', { name: sv.common.next }).click();
      await quote.getByRole('radio', { name: sv.quote.business, exact: true }).check();
      await quote.getByRole('button', { name: sv.common.next }).click();
      await quote.getByLabel(sv.quote.amount('SEK'), { exact: true }).fill('8 000,00');
      await quote.getByLabel(sv.quote.dueDate, { exact: true }).fill(daysAgo(30));
      await quote.getByRole('button', { name: sv.quote.calculate }).click();
      await quote.getByRole('heading', { name: sv.quote.stepResult }).waitFor();
      assert.match(await quote.locator('[data-total="expected-net"]').innerText(), /8\s000,00/);
      await shot(page.locator('#berakna'), '21-sv-quote-result');

      // An empty first step of the enrolment: the errors are Swedish too.
      await enrol.getByRole('button', { name: sv.common.next }).click();
      await enrol.getByText(sv.controls.required).first().waitFor();
      await shot(page.locator('#anslut'), '22-sv-enrol-errors');

      assert.deepEqual(problems.violations, [], 'no CSP violation');
      assert.deepEqual(problems.errors, [], 'no error in the page');
    } finally {
      await context.close();
    }
  });
});
