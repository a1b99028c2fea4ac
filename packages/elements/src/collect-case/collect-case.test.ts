// <collect-case> in real Chromium against the real Collectkit server the test run started
// (test/browser/collectkit-server.mjs): no fetch is mocked. A member signs up through the API in
// `before` and the browser keeps its session cookie, as after <collect-enrol>.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { CaseListSchema, CaseSchema, formatMoney, type Case } from '@collectkit/sdk';
import './define.js';
import { deepActive, memberSession, pressEnter, typeInto, until, type TestConfig } from '../testing/browser-helpers.js';
import type { CollectCase } from './collect-case.js';
import type { CollectFileDrop } from '../controls/file-drop.js';
import type { CollectQuoteDetail } from '../events.js';
import da from '../i18n/da.js';
import sv from '../i18n/sv.js';

let config: TestConfig;

/** A member signed up through the API; the browser keeps the session for the file. */
const session = memberSession('case', (email) => ({
  company: { name: 'Hansens Autoværksted ApS', country: 'DK', nationalId: '24256790' },
  address: { lines: ['Værkstedsvej 12'], postalCode: '8000', city: 'Aarhus C', country: 'DK' },
  contact: { name: 'Jens Hansen', email },
  payoutAccount: { kind: 'iban', iban: 'DK5000400440116243' },
  accountingSystem: 'dinero',
  consents: { terms: true, dataProcessing: true },
}));
const member = session.member;
const countCases = async () => (await member().request({ method: 'GET', path: 'v1/cases', query: { limit: 100 }, schema: CaseListSchema })).data.length;

before(() => {
  config = session.config();
});

const $ = <T extends Element = HTMLInputElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const inner = (el: CollectCase, selector: string) => $(el, selector).shadowRoot!.querySelector('input')!;
const errorOf = (el: CollectCase, id: string) => el.shadowRoot!.querySelector(`#${id}-error`)?.textContent?.trim() ?? '';

/** An ISO date `days` before today (local), and how Danish/Swedish write it. */
function daysAgo(days: number): { iso: string; da: string; sv: string } {
  const d = new Date();
  d.setDate(d.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  const [y, m, day] = [d.getFullYear(), pad(d.getMonth() + 1), pad(d.getDate())];
  return { iso: `${y}-${m}-${day}`, da: `${day}.${m}.${y}`, sv: `${y}-${m}-${day}` };
}

async function mount(lang: string): Promise<CollectCase> {
  const el = await fixture<CollectCase>(html`<collect-case lang=${lang} publishable-key=${config.publishableKey} api-base=${config.apiBase}></collect-case>`);
  await until(() => el.member !== null, 'GET /v1/me');
  return el;
}

/** Step 1, typed: a Danish business debtor. */
async function fillDebtor(el: CollectCase, name = 'Skyldner A/S'): Promise<void> {
  await typeInto($(el, '#f-debtor-name'), name);
  await typeInto(inner(el, '#f-debtor-nationalId'), '13748136');
  await typeInto($(el, '#f-debtor-address-line'), 'Kundevej 5');
  await typeInto($(el, '#f-debtor-address-postalCode'), '2100');
  await typeInto($(el, '#f-debtor-address-city'), 'København Ø');
  await typeInto($(el, '#f-debtor-email'), 'bogholderi@skyldner.dk');
}

/** One invoice row, typed in the row's fields (dates as `lang` writes them). */
async function fillInvoice(el: CollectCase, index: number, invoice: { number: string; issued: string; due: string; amount: string }): Promise<void> {
  await typeInto($(el, `#f-invoices-${index}-number`), invoice.number);
  await typeInto(inner(el, `#f-invoices-${index}-issueDate`), invoice.issued);
  await typeInto(inner(el, `#f-invoices-${index}-dueDate`), invoice.due);
  await typeInto(inner(el, `#f-invoices-${index}-amount`), invoice.amount);
  await el.updateComplete;
}

const estimate = (el: CollectCase, total: string) => el.shadowRoot!.querySelector(`.step:not([hidden]) [data-total="${total}"]`)?.textContent?.trim() ?? '';

/** A text file and a (minimal, header-only) PDF: the server judges the type from these bytes. */
const letter = () => new File(['Rykker sendt 1. marts. Ingen betaling modtaget.\n'.repeat(2000)], 'rykker.txt', { type: 'text/plain' });
const contract = () => new File(['%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'], 'kontrakt.pdf', { type: 'application/pdf' });

describe('<collect-case> against the real server', () => {
  beforeEach(() => (document.activeElement as HTMLElement | null)?.blur());

  it('submits a case end to end in Danish: debtor, two invoices with the instant quote, two documents with progress, review, case number; the server has it with the same quote', async () => {
    const el = await mount('da');
    const quotes: CollectQuoteDetail[] = [];
    el.addEventListener('collect-quote', (e) => quotes.push(e.detail));
    expect($(el, '#heading-0').textContent).to.contain(da.case.stepDebtor);
    await expect(el).to.be.accessible();

    await fillDebtor(el);
    await pressEnter(el);
    expect(el.currentStep).to.equal(1);
    expect(deepActive()).to.equal($(el, '#heading-1'));
    expect(estimate(el, 'expected-net')).to.equal('', 'no estimate before an invoice has an amount and a due date');

    const first = { number: 'F-1001', issued: daysAgo(60).da, due: daysAgo(45).da, amount: '12500' };
    await fillInvoice(el, 0, first);
    // The estimate is there as soon as the row is priceable: 12.500,00 kr. of invoices.
    expect(estimate(el, 'principal')).to.equal(formatMoney({ amount: 1_250_000, currency: 'DKK' }, 'da'));
    const afterOne = quotes.at(-1)!;
    expect(afterOne.quote).to.have.nested.property('principal.amount', 1_250_000);

    $<HTMLButtonElement>(el, '#add-invoice').click();
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '#f-invoices-1-number'), 'a new row takes focus at its first field');
    await fillInvoice(el, 1, { number: 'F-1002', issued: daysAgo(40).da, due: daysAgo(20).da, amount: '2500,50' });
    expect(estimate(el, 'principal')).to.equal(formatMoney({ amount: 1_500_050, currency: 'DKK' }, 'da'), 'the estimate follows what is typed');
    await expect(el).to.be.accessible();
    await pressEnter(el);
    expect(el.currentStep).to.equal(2);

    // Documents: one dropped, one chosen through the file input, each with its own progress bar.
    const drop = $<CollectFileDrop>(el, 'collect-file-drop');
    const zone = drop.shadowRoot!.querySelector('[part="dropzone"]')!;
    const dropped = new DataTransfer();
    dropped.items.add(letter());
    const kind = drop.shadowRoot!.querySelector('select')!;
    kind.value = 'correspondence';
    kind.dispatchEvent(new Event('change'));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
    const picked = new DataTransfer();
    picked.items.add(contract());
    kind.value = 'contract';
    kind.dispatchEvent(new Event('change'));
    const input = drop.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    input.files = picked.files;
    input.dispatchEvent(new Event('change'));
    await until(() => drop.documentIds.length === 2, 'both uploads');
    await drop.updateComplete;
    const bars = [...drop.shadowRoot!.querySelectorAll('progress')];
    expect(bars.map((b) => b.value === b.max && b.max > 0)).to.deep.equal([true, true], 'each bar full');
    expect(drop.items.map((f) => [f.name, f.kind, f.status])).to.deep.equal([
      ['rykker.txt', 'correspondence', 'uploaded'],
      ['kontrakt.pdf', 'contract', 'uploaded'],
    ]);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, 'button.primary').click();
    await el.updateComplete;
    expect(el.currentStep).to.equal(3);
    const key = el.idempotencyKey;
    expect(key).to.match(/^[0-9a-f-]{36}$/);
    expect($(el, '[data-review="debtor"]').textContent).to.contain('Skyldner A/S');
    expect($(el, '[data-total="invoices"]').textContent!.trim()).to.equal(formatMoney({ amount: 1_500_050, currency: 'DKK' }, 'da'));
    expect($(el, '[data-review="documents"]').textContent).to.contain('kontrakt.pdf');
    await expect(el).to.be.accessible();

    const submitted = oneEvent(el, 'collect-submit');
    $<HTMLButtonElement>(el, 'button.primary').click();
    const { detail } = await submitted;
    await el.updateComplete;
    expect(el.currentStep).to.equal(4);
    const shownCase = (detail as unknown as { case: { id: string; number: string } }).case;
    expect(detail.reference).to.match(/^\d{4}-\d{6}$/);
    expect($(el, '[data-case-number]').textContent!.trim()).to.equal(da.case.done(detail.reference!));
    expect(deepActive()).to.equal($(el, '#heading-4'));
    await expect(el).to.be.accessible();

    // Through the API: the case as submitted, and the server's locked quote is the one the browser showed.
    const stored = (await member().request({ method: 'GET', path: `v1/cases/${shownCase.id}`, schema: CaseSchema })) as Case;
    expect(stored.number).to.equal(detail.reference);
    expect(stored.debtor).to.deep.include({ type: 'business', name: 'Skyldner A/S', nationalId: '13748136', country: 'DK' });
    expect(stored.invoices.map((i) => [i.number, i.amount.amount])).to.deep.equal([
      ['F-1001', 1_250_000],
      ['F-1002', 250_050],
    ]);
    expect(stored.documentIds).to.have.length(2);
    const shown = quotes.at(-1)!.quote as Case['quote'];
    expect(stored.quote.planId).to.equal(shown.planId);
    for (const part of ['principal', 'creditorPays', 'commission', 'debtorOwes', 'expectedNetToCreditor'] as const) {
      const server = part === 'principal' ? stored.quote.principal : stored.quote[part].total;
      const browser = part === 'principal' ? shown.principal : shown[part].total;
      expect(browser, part).to.deep.equal(server);
    }
  });

  it('warns about old debt in the instant quote (the sdk warning codes, in the page language)', async () => {
    const el = await mount('da');
    await fillDebtor(el);
    await pressEnter(el);
    // Due more than three years ago: older than the plan's age limit, and past Danish limitation (forældelsesloven § 3: 3 years).
    await fillInvoice(el, 0, { number: 'GL-1', issued: daysAgo(1300).da, due: daysAgo(1290).da, amount: '4000' });
    const codes = [...el.shadowRoot!.querySelectorAll('.step:not([hidden]) [part="warnings"] li')].map((li) => li.getAttribute('data-code'));
    expect(codes).to.include('older_than_max_age');
    expect(codes.some((c) => c === 'limitation_passed' || c === 'limitation_near')).to.equal(true, codes.join());
    expect($(el, '.step:not([hidden]) [data-code="older_than_max_age"]').textContent!.trim()).to.equal(da.quote.warning.older_than_max_age('GL-1', 1290));
    await expect(el).to.be.accessible();
  });

  it('makes ONE case from a double click, and a retry with the same Idempotency-Key answers that same case', async () => {
    const el = await mount('da');
    await fillDebtor(el, 'Dobbeltklik ApS');
    await pressEnter(el);
    await fillInvoice(el, 0, { number: 'D-1', issued: daysAgo(50).da, due: daysAgo(30).da, amount: '999' });
    await pressEnter(el);
    $<HTMLButtonElement>(el, 'button.primary').click();
    await el.updateComplete;
    expect(el.currentStep).to.equal(3);
    const before = await countCases();

    const submitted = oneEvent(el, 'collect-submit');
    const button = $<HTMLButtonElement>(el, 'button.primary');
    button.click();
    button.click(); // the second click of a double click, while the first request is on its way
    const { detail } = await submitted;
    await new Promise((r) => setTimeout(r, 300)); // room for a second request, had one gone out
    expect(await countCases()).to.equal(before + 1);

    // The request retried with the review's key (as the client does after a lost response): the first case again, no new one.
    const replay = await member().request({ method: 'POST', path: 'v1/cases', json: detail.payload, idempotencyKey: el.idempotencyKey!, schema: CaseSchema });
    expect(replay.number).to.equal(detail.reference);
    expect(await countCases()).to.equal(before + 1);
  });

  it('puts a field the server refuses on that field, on its step, focused and announced (invoice number over 60 characters)', async () => {
    const el = await mount('da');
    // Client checks first: Enter on the empty debtor step focuses the first invalid field.
    $(el, '#f-debtor-name').focus();
    await pressEnter(el);
    expect(el.currentStep).to.equal(0);
    expect(deepActive()).to.equal($(el, '#f-debtor-name'));
    expect(errorOf(el, 'f-debtor-name')).to.equal(da.controls.required);

    await fillDebtor(el);
    await pressEnter(el);
    // The form does not limit the number's length; the contract does (max 60).
    await fillInvoice(el, 0, { number: 'N'.repeat(61), issued: daysAgo(50).da, due: daysAgo(30).da, amount: '1500' });
    await pressEnter(el);
    $<HTMLButtonElement>(el, 'button.primary').click();
    await el.updateComplete;
    const failed = oneEvent(el, 'collect-error');
    $<HTMLButtonElement>(el, 'button.primary').click();
    expect((await failed).detail).to.deep.include({ code: 'validation_failed', field: 'invoices.0.number' });
    await el.updateComplete;
    expect(el.currentStep).to.equal(1, 'back on the invoices');
    expect(deepActive()).to.equal($(el, '#f-invoices-0-number'));
    expect($(el, '#f-invoices-0-number').getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, 'f-invoices-0-number')).to.equal(da.case.errors.refused);
    await new Promise((r) => setTimeout(r, 80));
    await el.updateComplete;
    expect($(el, '[part="live-region"]').textContent!.trim()).to.equal(`${da.controls.errorCount(1)} ${da.case.errors.refused}`);
    await expect(el).to.be.accessible();
    // Fixing it clears the mark, and the case goes through.
    $(el, '#f-invoices-0-number').select();
    await sendKeys({ type: 'N-1' });
    await el.updateComplete;
    expect(errorOf(el, 'f-invoices-0-number')).to.equal('');
  });

  it('speaks Swedish: a Swedish business debtor end to end, with labels and messages from the sv catalogue', async () => {
    const el = await mount('sv');
    expect($(el, '.title').textContent!.trim()).to.equal(sv.case.title);
    expect(($(el, '#f-debtor-country') as unknown as HTMLSelectElement).value).to.equal('SE');
    $(el, '#f-debtor-name').focus();
    await pressEnter(el);
    expect(errorOf(el, 'f-debtor-name')).to.equal(sv.controls.required);
    await expect(el).to.be.accessible();

    await typeInto($(el, '#f-debtor-name'), 'Svensson Bygg AB');
    await typeInto(inner(el, '#f-debtor-nationalId'), '5560360793');
    await typeInto($(el, '#f-debtor-address-line'), 'Storgatan 1');
    await typeInto($(el, '#f-debtor-address-postalCode'), '111 22');
    await typeInto($(el, '#f-debtor-address-city'), 'Stockholm');
    await typeInto($(el, '#f-debtor-email'), 'inte-en-adress');
    await pressEnter(el);
    expect(errorOf(el, 'f-debtor-email')).to.equal(sv.case.errors.invalidEmail);
    $(el, '#f-debtor-email').select();
    await sendKeys({ type: 'ekonomi@svensson.se' });
    await pressEnter(el);
    expect(el.currentStep).to.equal(1);
    expect($(el, '#heading-1').textContent).to.contain(sv.case.stepInvoices);

    await fillInvoice(el, 0, { number: 'S-77', issued: daysAgo(70).sv, due: daysAgo(40).sv, amount: '8 000,00' });
    // The creditor is Danish: the case is in its currency, written the Swedish way.
    expect(estimate(el, 'principal')).to.equal(formatMoney({ amount: 800_000, currency: 'DKK' }, 'sv'));
    await expect(el).to.be.accessible();
    await pressEnter(el);
    expect(el.currentStep).to.equal(2);
    await expect(el).to.be.accessible();
    // From the step heading, Tab reaches the document kind, the file button, then Next.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent?.trim()).to.equal(sv.fileDrop.choose);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent?.trim()).to.equal(sv.common.next);
    await pressEnter(el);
    expect(el.currentStep).to.equal(3);
    expect($(el, '.review').textContent).to.contain(sv.case.reviewIntro);
    await expect(el).to.be.accessible();
    const submitted = oneEvent(el, 'collect-submit');
    $<HTMLButtonElement>(el, 'button.primary').click();
    const { detail } = await submitted;
    await el.updateComplete;
    expect($(el, '[data-case-number]').textContent!.trim()).to.equal(sv.case.done(detail.reference!));
    await expect(el).to.be.accessible();
  });

  it('reports a missing configuration with a stable code instead of calling anything', async () => {
    const failed = new Promise<CustomEvent>((resolve) => document.addEventListener('collect-error', (e) => resolve(e), { once: true }));
    await fixture<CollectCase>(html`<collect-case lang="en"></collect-case>`);
    expect((await failed).detail.code).to.equal('invalid_config');
  });
});
