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
import { after, before, describe, it } from 'node:test';
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
  /** Member-only reads answered 401 before anyone signed in (`GET /v1/me`): normal for a visitor. */
  signedOutReads: string[];
}

/**
 * The reads <collect-case> and <collect-status> make as the member. A visitor who has not signed in
 * gets 401 for them (and the elements say "sign in"); Chromium logs every failed fetch as a console
 * error, so those — and only those — are set aside. Any other failed request is an error.
 */
const MEMBER_READS = [/^\/v1\/me$/, /^\/v1\/cases$/];

/** Records uncaught errors, console errors and CSP violations of a page, to assert there were none. */
async function watchProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { errors: [], violations: [], signedOutReads: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const path = url ? new URL(url).pathname : '';
    if (/status of 401 \(Unauthorized\)/.test(message.text()) && MEMBER_READS.some((read) => read.test(path))) {
      problems.signedOutReads.push(path);
    } else {
      problems.errors.push(`console: ${message.text()}${url ? ` (${url})` : ''}`);
    }
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

/** A minimal, header-only PDF: the server judges a document's type from its bytes. */
const INVOICE_PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

  it('Danish page: a quote, an enrolment, then a case submitted through <collect-case> and seen in <collect-status>', async () => {
    const { context, page, problems } = await open('/demo/');
    try {
      // The server wrote the demo association's key and its own address into the elements.
      const enrol = page.locator('collect-enrol');
      assert.equal(await enrol.getAttribute('publishable-key'), credentials.publishableKey);
      assert.equal(await enrol.getAttribute('api-base'), baseUrl);
      assert.equal(await page.locator('.demo-notice').count(), 0, 'no notice: keys, origin and bundle are all fine');
      await page.waitForFunction(() => ['collect-quote', 'collect-enrol', 'collect-case', 'collect-status'].every((name) => !!customElements.get(name)));
      await page.screenshot({ path: join(SCREENSHOTS, '00-da-first-view.png') }); // what a visitor sees first

      // Not signed in yet: the case form and the status list ask the visitor to sign in (their
      // reads of /v1/me and /v1/cases were answered 401), instead of failing.
      const caseForm = page.locator('collect-case');
      const status = page.locator('collect-status');
      await caseForm.getByRole('alert').filter({ hasText: da.case.errors.signedOut }).waitFor();
      await status.getByRole('alert').filter({ hasText: da.case.errors.signedOut }).waitFor();
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

      // --- 3. the case. The page gave the case form and the status list a fresh start after the
      // enrolment (demo.js): no "sign in" any more, the member's company is known, the list is empty.
      const c = da.case;
      const optional = (label: string) => `${label} (${da.common.optional})`;
      await status.getByText(da.status.empty).waitFor();
      assert.equal(await caseForm.getByRole('alert').count(), 0, 'the case form no longer asks to sign in');
      // The debtor: a Danish company (the form's default on a Danish page).
      assert.equal(await caseForm.getByRole('radio', { name: da.quote.business, exact: true }).isChecked(), true);
      await caseForm.getByLabel(c.companyName, { exact: true }).fill('Kunde & Søn ApS');
      await caseForm.getByLabel(optional('CVR-nummer'), { exact: true }).pressSequentially('13748136'); // valid CVR (server fixtures)
      await caseForm.getByLabel(c.addressLine, { exact: true }).fill('Kundevej 3');
      await caseForm.getByLabel(c.postalCode, { exact: true }).fill('8000');
      await caseForm.getByLabel(c.city, { exact: true }).fill('Aarhus C');
      await caseForm.getByLabel(optional(c.email), { exact: true }).fill('bogholderi@kunde-og-soen.example');
      await shot(page.locator('#opret-sag'), '09-da-case-debtor');
      await caseForm.getByRole('button', { name: da.common.next }).click();

      // The invoice: 12.500,00 kr., issued 44 days ago, due 30 days ago; the estimate follows it.
      await caseForm.getByRole('heading', { name: c.stepInvoices }).waitFor();
      await caseForm.getByLabel(c.invoiceNumber, { exact: true }).fill('F-1042');
      await caseForm.getByLabel(c.issueDate, { exact: true }).fill(daysAgo(44));
      await caseForm.getByLabel(da.quote.dueDate, { exact: true }).fill(daysAgo(30));
      await caseForm.getByLabel(da.quote.amount('DKK'), { exact: true }).fill('12.500,00');
      await caseForm.locator('[data-total="principal"]').filter({ hasText: /12\.500,00/ }).waitFor();
      // The member plan again: nothing to pay now, the whole invoice expected (as the quote said).
      assert.match(await caseForm.locator('[data-total="creditor-pays"]').innerText(), /0,00/);
      assert.match(await caseForm.locator('[data-total="expected-net"]').innerText(), /12\.500,00/);
      await shot(page.locator('#opret-sag'), '10-da-case-invoices');
      await caseForm.getByRole('button', { name: da.common.next }).click();

      // A document, chosen with the file picker as a person would.
      await caseForm.getByRole('heading', { name: c.stepDocuments }).waitFor();
      const chooser = page.waitForEvent('filechooser');
      await caseForm.getByRole('button', { name: da.fileDrop.choose }).click();
      await (await chooser).setFiles({ name: 'faktura-F-1042.pdf', mimeType: 'application/pdf', buffer: INVOICE_PDF });
      await caseForm.locator('li[data-status="uploaded"]').filter({ hasText: 'faktura-F-1042.pdf' }).waitFor();
      await shot(page.locator('#opret-sag'), '11-da-case-documents');
      await caseForm.getByRole('button', { name: da.common.next }).click();

      // The review shows what will be sent, for the signed-in company.
      await caseForm.getByRole('heading', { name: c.stepReview }).waitFor();
      await caseForm.getByText(c.signedInAs('Hansens Autoværksted ApS')).waitFor();
      assert.match(await caseForm.locator('[data-review="debtor"]').innerText(), /Kunde & Søn ApS \(13748136\)/);
      assert.match(await caseForm.locator('[data-review="documents"]').innerText(), /faktura-F-1042\.pdf/);
      assert.match(await caseForm.locator('[data-total="invoices"]').innerText(), /12\.500,00/);
      await shot(page.locator('#opret-sag'), '12-da-case-review');
      await caseForm.getByRole('button', { name: c.submit }).click();

      const doneText = new RegExp(escapeRegExp(c.done('\u0000')).replace('\u0000', '(\\S+)'));
      // The confirmation (a paragraph; the live region says the same for screen readers).
      const done = caseForm.getByRole('paragraph').filter({ hasText: doneText });
      await done.waitFor();
      const caseNumber = doneText.exec(await done.innerText())?.[1] ?? '';
      assert.match(caseNumber, /^\d{4}-\d{6}$/, `a case number is shown: ${caseNumber}`);
      assert.equal(await done.getAttribute('data-case-number'), caseNumber);
      await shot(page.locator('#opret-sag'), '13-da-case-done');

      // --- 4. the status list, read again after the submission (demo.js), shows the case.
      const row = status.getByRole('row').filter({ hasText: 'Kunde & Søn ApS' });
      await row.waitFor();
      assert.match(await row.innerText(), new RegExp(escapeRegExp(caseNumber)));
      assert.match(await row.innerText(), new RegExp(escapeRegExp(da.status.stages.submitted)));
      assert.match(await row.innerText(), /12\.500,00/);
      await shot(page.locator('#mine-sager'), '14-da-status-list');
      // Opened: its timeline says it was sent, and the document is there.
      await status.getByRole('button', { name: da.status.open(caseNumber) }).click();
      await status.getByRole('heading', { name: da.status.caseHeading(caseNumber, 'Kunde & Søn ApS') }).waitFor();
      await status.locator('[data-event="case.created"]').filter({ hasText: da.status.events.created }).waitFor();
      await status.getByText('faktura-F-1042.pdf').first().waitFor();
      await shot(page.locator('#mine-sager'), '15-da-status-case');

      // The next visit: still signed in (the cookie), the case in the list from the start.
      await page.reload();
      await page.locator('collect-status').getByRole('row').filter({ hasText: caseNumber }).waitFor();
      assert.equal(await page.locator('collect-case').getByRole('alert').count(), 0);
      await shot(page, '16-da-page-after');

      assert.deepEqual(problems.violations, [], 'no CSP violation');
      assert.deepEqual(problems.errors, [], 'no error in the page');
      // Exactly the two reads made before signing in were refused, and only with 401.
      assert.deepEqual(problems.signedOutReads.sort(), ['/v1/cases', '/v1/me']);
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

      // Nobody signed in: the case form and the status list ask, in Swedish, to sign in first.
      await page.locator('collect-case').getByRole('alert').filter({ hasText: sv.case.errors.signedOut }).waitFor();
      await page.locator('collect-status').getByRole('alert').filter({ hasText: sv.case.errors.signedOut }).waitFor();
      await shot(page.locator('collect-case'), '23-sv-case-signed-out');
      await shot(page.locator('collect-status'), '24-sv-status-signed-out');

      assert.deepEqual(problems.violations, [], 'no CSP violation');
      assert.deepEqual(problems.errors, [], 'no error in the page');
      assert.deepEqual(problems.signedOutReads.sort(), ['/v1/cases', '/v1/me'], 'only the member reads were refused, with 401');
    } finally {
      await context.close();
    }
  });
});
