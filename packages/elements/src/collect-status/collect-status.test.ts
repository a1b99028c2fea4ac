// <collect-status> in real Chromium against the real Collectkit server the test run started
// (test/browser/collectkit-server.mjs): no fetch is mocked. A member signs up through the API and
// submits two cases; the element reads them with the browser's session cookie.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CaseListSchema, CaseMessageSchema, CaseSchema, WithdrawalQuoteSchema, createClient, formatMoney, type Case, type CreateCaseRequest } from '@collectkit/sdk';
import './define.js';
import { deepActive, memberSession, until as waitUntil, type TestConfig } from '../testing/browser-helpers.js';
import type { CollectStatus } from './collect-status.js';
import type { CollectFileDrop } from '../controls/file-drop.js';
import da from '../i18n/da.js';
import sv from '../i18n/sv.js';

let config: TestConfig;
let first: Case;
let second: Case;

/** A member signed up through the API; the browser keeps the session for the file. */
const session = memberSession('status', (email) => ({
  company: { name: 'Status Værksted ApS', country: 'DK', nationalId: '24256790' },
  address: { lines: ['Vej 1'], postalCode: '5000', city: 'Odense C', country: 'DK' },
  contact: { name: 'Sara Status', email },
  payoutAccount: { kind: 'iban', iban: 'DK5000400440116243' },
  accountingSystem: 'billy',
  consents: { terms: true, dataProcessing: true },
}));
const member = session.member;

function isoDaysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return d.toISOString().slice(0, 10);
}

async function submitCase(debtorName: string, amount: number): Promise<Case> {
  const request: CreateCaseRequest = {
    debtor: { type: 'business', name: debtorName, country: 'DK', address: { lines: ['Gade 2'], postalCode: '8000', city: 'Aarhus C', country: 'DK' } },
    invoices: [{ number: `INV-${amount}`, issueDate: isoDaysAgo(60), dueDate: isoDaysAgo(30), amount: { amount, currency: 'DKK' } }],
  };
  return member().request({ method: 'POST', path: 'v1/cases', json: request, schema: CaseSchema });
}

before(async () => {
  config = session.config();
  first = await submitCase('Første Kunde A/S', 1_000_000);
  second = await submitCase('Anden Kunde ApS', 250_000);
});

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];

/** The live list and stream take longer than a form's round trip: ten seconds, polled every 20 ms. */
const until = (check: () => boolean, what: string, ms = 10000) => waitUntil(check, what, ms, 20);

async function mount(lang: string): Promise<CollectStatus> {
  const el = await fixture<CollectStatus>(html`<collect-status lang=${lang} publishable-key=${config.publishableKey} api-base=${config.apiBase}></collect-status>`);
  await until(() => el.items !== null, 'the list');
  await el.updateComplete;
  return el;
}

async function openCase(el: CollectStatus, id: string): Promise<void> {
  $<HTMLButtonElement>(el, `[data-open="${id}"]`).click();
  await until(() => !!el.shadowRoot!.querySelector('#case-heading') && el.live, 'the case detail');
  await el.updateComplete;
}

describe('<collect-status> against the real server', () => {
  it('lists the member’s cases with stage and amounts, totals by stage, and filters by stage', async () => {
    const el = await mount('da');
    const row = $(el, `tr[data-case="${first.id}"]`);
    expect(row.textContent).to.contain(first.number).and.contain('Første Kunde A/S').and.contain(da.status.stages.submitted);
    expect(row.textContent).to.contain(formatMoney({ amount: 1_000_000, currency: 'DKK' }, 'da'));
    // The submitted row counts and sums what the API lists as submitted (with a fresh member:
    // 2 cases, 10.000,00 + 2.500,00 = 12.500,00 kr.).
    const listed = (await member().request({ method: 'GET', path: 'v1/cases', query: { stage: 'submitted', limit: 100 }, schema: CaseListSchema })).data;
    const principal = listed.reduce((sum, c) => sum + c.totals.principal.amount, 0);
    expect(principal).to.be.at.least(1_250_000);
    const totals = $(el, '[part="totals"] tr[data-stage="submitted"]');
    expect(totals.querySelector('[data-count]')!.textContent!.trim()).to.equal(da.status.caseCount(listed.length));
    expect(totals.querySelector('[data-principal]')!.textContent!.trim()).to.equal(formatMoney({ amount: principal, currency: 'DKK' }, 'da'));
    await expect(el).to.be.accessible();

    const filter = $<HTMLSelectElement>(el, '#stage-filter');
    filter.value = 'withdrawn';
    const changed = oneEvent(el, 'collect-change');
    filter.dispatchEvent(new Event('change'));
    expect((await changed).detail).to.deep.equal({ field: 'stage', value: 'withdrawn' });
    await el.updateComplete;
    expect(all(el, 'tr[data-case]')).to.have.length(0);
    expect($(el, '.base').textContent).to.contain(da.status.empty);
    filter.value = 'submitted';
    filter.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(all(el, 'tr[data-case]').map((r) => r.getAttribute('data-case')).slice(0, 2)).to.deep.equal([second.id, first.id], 'newest first');
  });

  it('opens a case with the keyboard; a message sent appears in the messages and, through the live watch, in the timeline', async () => {
    const el = await mount('da');
    $(el, `[data-open="${first.id}"]`).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!el.shadowRoot!.querySelector('#case-heading') && el.live, 'the case detail');
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '#case-heading'));
    expect($(el, '#case-heading').textContent!.trim()).to.equal(da.status.caseHeading(first.number, 'Første Kunde A/S'));
    expect(all(el, '.timeline li').map((li) => li.getAttribute('data-event'))).to.deep.equal(['case.created']);
    expect($(el, '[part="statement"] [data-total="claim-outstanding"]').textContent!.trim()).to.equal(formatMoney({ amount: 1_000_000, currency: 'DKK' }, 'da'));
    await expect(el).to.be.accessible();

    $(el, '#message').focus();
    await sendKeys({ type: 'Skyldner har ringet og lovet at betale fredag.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => all(el, '.messages li').length === 1, 'the message in the list');
    expect($(el, '.messages li').textContent).to.contain(da.status.you).and.contain('lovet at betale fredag');
    await until(() => all(el, '.timeline li[data-event="message.posted"]').length === 1, 'the message in the timeline');
    expect($(el, '.timeline li[data-event="message.posted"]').textContent).to.contain(da.status.events.messageFromYou);
    await expect(el).to.be.accessible();
  });

  it('shows an event the server side adds while the case is open, without a reload (a message posted with the secret key)', async () => {
    const el = await mount('da');
    await openCase(el, second.id);
    const before = all(el, '.timeline li').length;
    // Give the watch time to be waiting on the server (its long-poll is open).
    await new Promise((r) => setTimeout(r, 300));
    const integration = createClient({ apiBase: config.apiBase, secretKey: config.secretKey });
    const posted = await integration.request({ method: 'POST', path: `v1/cases/${second.id}/messages`, json: { body: 'Sendt fra bogføringssystemet.' }, schema: CaseMessageSchema });
    const sentAt = performance.now();
    await until(() => all(el, '.timeline li').length === before + 1, 'the new event');
    const latencyMs = Math.round(performance.now() - sentAt);
    console.log(`live update: event shown ${latencyMs} ms after the POST answered`);
    expect(latencyMs).to.be.below(3000, 'through the long-poll, not a 25 s timeout');
    await until(() => !!el.shadowRoot!.querySelector(`.messages li[data-message-id="${posted.id}"]`), 'the message');
    expect($(el, `.messages li[data-message-id="${posted.id}"]`).textContent).to.contain('Sendt fra bogføringssystemet.');
    await expect(el).to.be.accessible();

    // Leaving the page ends the watch (its request is aborted).
    el.remove();
    expect(el.live).to.equal(false);
  });

  it('shows the withdrawal fee before anything is withdrawn, and withdraws only on confirmation', async () => {
    const victim = await submitCase('Tilbagekald ApS', 500_000);
    const el = await mount('da');
    await openCase(el, victim.id);
    const expected = await member().request({ method: 'GET', path: `v1/cases/${victim.id}/withdrawal`, schema: WithdrawalQuoteSchema });

    $<HTMLButtonElement>(el, '#withdraw').click();
    await until(() => !!el.shadowRoot!.querySelector('[data-withdrawal-fee]'), 'the fee');
    await el.updateComplete;
    const feeText = $(el, '[data-withdrawal-fee]').textContent!.trim();
    expect(feeText).to.equal(expected.fee ? da.status.withdrawalFee(formatMoney(expected.fee, 'da')) : da.status.withdrawalFree);
    expect(deepActive()).to.equal($(el, '[data-withdrawal-fee]'), 'focus on the fee, so it is read first');
    // Shown, not done: the case is still submitted.
    const still = await member().request({ method: 'GET', path: `v1/cases/${victim.id}`, schema: CaseSchema });
    expect(still.stage).to.equal('submitted');
    await expect(el).to.be.accessible();

    const submitted = oneEvent(el, 'collect-submit');
    $<HTMLButtonElement>(el, '#confirm-withdrawal').click();
    const { detail } = await submitted;
    expect(detail.reference).to.equal(victim.number);
    await until(() => $(el, 'dd[data-stage]').getAttribute('data-stage') === 'withdrawn', 'the withdrawn stage');
    const after = await member().request({ method: 'GET', path: `v1/cases/${victim.id}`, schema: CaseSchema });
    expect(after.stage).to.equal('withdrawn');
    await until(() => all(el, '.timeline li[data-event="case.withdrawn"]').length === 1, 'the withdrawal in the timeline');
    await expect(el).to.be.accessible();
  });

  it('adds a document with progress and another invoice to an open case', async () => {
    const el = await mount('da');
    await openCase(el, first.id);
    const drop = $<CollectFileDrop>(el, 'collect-file-drop');
    drop.addFiles([new File(['Indsigelse modtaget pr. e-mail.\n'], 'indsigelse.txt', { type: 'text/plain' })]);
    await until(() => all(el, '[data-documents] li').length === 1, 'the document in the list');
    expect($(el, '[data-documents] a').textContent).to.equal('indsigelse.txt');
    await until(() => all(el, '.timeline li[data-event="document.added"]').length === 1, 'the document event');

    const type = async (selector: string, text: string, inShadow = true) => {
      const target = inShadow ? $(el, selector).shadowRoot!.querySelector('input')! : $(el, selector);
      target.focus();
      await sendKeys({ type: text });
    };
    await type('#more-number', 'F-2001', false);
    await type('#more-issueDate', isoDaysAgo(40));
    await type('#more-dueDate', isoDaysAgo(25));
    await type('#more-amount', '750');
    await sendKeys({ press: 'Enter' });
    await until(() => all(el, '[data-invoice]').length === 2, 'the second invoice');
    const stored = await member().request({ method: 'GET', path: `v1/cases/${first.id}`, schema: CaseSchema });
    expect(stored.invoices.map((i) => i.number)).to.include('F-2001');
    expect(stored.totals.principal.amount).to.equal(1_000_000 + 75_000);
    await expect(el).to.be.accessible();
  });

  it('speaks Swedish: stages, headings and the withdrawal text from the sv catalogue', async () => {
    const el = await mount('sv');
    expect($(el, '.title').textContent!.trim()).to.equal(sv.status.title);
    expect($(el, `tr[data-case="${second.id}"] [data-stage]`).textContent!.trim()).to.equal(sv.status.stages.submitted);
    await openCase(el, second.id);
    expect($(el, '#timeline-title').textContent!.trim()).to.equal(sv.status.timeline);
    expect($(el, '.timeline li[data-event="case.created"]').textContent).to.contain(sv.status.events.created);
    await expect(el).to.be.accessible();
  });

  it('when not signed in, says to sign in and stops showing the loading text', async () => {
    // The API by its other name: the same server, but the browser holds no session cookie for
    // 127.0.0.1 (cookies are per host), so the list is refused with 401 as for a visitor.
    const apiBase = config.apiBase.replace('//localhost:', '//127.0.0.1:');
    expect(apiBase).to.not.equal(config.apiBase);
    const el = await fixture<CollectStatus>(html`<collect-status lang="sv" publishable-key=${config.publishableKey} api-base=${apiBase}></collect-status>`);
    await until(() => !!el.shadowRoot!.querySelector('[role="alert"]'), 'the sign-in message');
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent!.trim()).to.equal(sv.case.errors.signedOut);
    expect(el.items).to.equal(null);
    expect(el.shadowRoot!.textContent).to.not.contain(sv.status.loading);
    await expect(el).to.be.accessible();
  });
});
