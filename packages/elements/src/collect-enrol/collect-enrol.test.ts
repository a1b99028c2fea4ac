// <collect-enrol> in real Chromium against the real Collectkit server the test run started
// (test/browser/collectkit-server.mjs): no fetch is mocked. The server's API base and publishable
// key come from /__collectkit-test-config; the page's origin is among the key's allowed origins.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@collectkit/sdk';
import './define.js';
import { deepActive, enrolMember, pressEnter, readTestConfig, typeInto, until, type TestConfig } from '../testing/browser-helpers.js';
import type { CollectEnrol } from './collect-enrol.js';
import { DRAFT_STORAGE_KEY } from './collect-enrol.js';
import da from '../i18n/da.js';
import sv from '../i18n/sv.js';

let config: TestConfig;

before(async () => {
  config = await readTestConfig();
});

const $ = <T extends Element = HTMLInputElement>(el: CollectEnrol, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const errorOf = (el: CollectEnrol, id: string) => el.shadowRoot!.querySelector(`#${id}-error`)?.textContent?.trim() ?? '';
const nationalIdInput = (el: CollectEnrol) => $(el, 'collect-national-id-input').shadowRoot!.querySelector('input')!;

const uniqueEmail = (who: string) => `${who}-${crypto.randomUUID().slice(0, 8)}@example.com`;

async function mount(lang: string): Promise<CollectEnrol> {
  return fixture<CollectEnrol>(
    html`<collect-enrol lang=${lang} publishable-key=${config.publishableKey} api-base=${config.apiBase}></collect-enrol>`,
  );
}

/** Steps 1–3 for a Danish company, typed; leaves the element on the agreement step. */
async function fillToAgreement(el: CollectEnrol, email: string, options: { membershipNumber?: string; axe?: boolean } = {}): Promise<void> {
  await typeInto($(el, '#f-company-name'), 'Hansens Autoværksted ApS');
  await typeInto(nationalIdInput(el), '24256790'); // a valid CVR (sdk identifiers tests)
  if (options.membershipNumber) await typeInto($(el, '#f-membershipNumber'), options.membershipNumber);
  await pressEnter(el);
  expect(el.currentStep).to.equal(1);
  if (options.axe) await expect(el).to.be.accessible();

  await typeInto($(el, '#f-address-line'), 'Værkstedsvej 12');
  await typeInto($(el, '#f-address-postalCode'), '8000');
  await typeInto($(el, '#f-address-city'), 'Aarhus C');
  await typeInto($(el, '#f-contact-name'), 'Jens Hansen');
  await typeInto($(el, '#f-contact-email'), email);
  await typeInto($(el, '#f-contact-phone'), '+45 12 34 56 78');
  await pressEnter(el);
  expect(el.currentStep).to.equal(2);
  if (options.axe) await expect(el).to.be.accessible();

  // A Danish company defaults to a Danish bank account.
  await typeInto($(el, '#f-payoutAccount-registrationNumber'), '9570');
  await typeInto($(el, '#f-payoutAccount-accountNumber'), '12345678');
  $(el, '#f-consents-terms').focus();
  await sendKeys({ press: 'Space' });
  $(el, '#f-consents-dataProcessing').focus();
  await sendKeys({ press: 'Space' });
  await pressEnter(el);
}

describe('<collect-enrol> against the real server', () => {
  beforeEach(() => {
    sessionStorage.removeItem(DRAFT_STORAGE_KEY);
    (document.activeElement as HTMLElement | null)?.blur();
  });

  it('enrols a company end to end in Danish: agreement PDF and its SHA-256, signature, password, signed in (GET /v1/me)', async () => {
    const el = await mount('da');
    const errors: string[] = [];
    el.addEventListener('collect-error', (e) => errors.push(e.detail.code));
    expect($(el, '#heading-0').textContent).to.contain(da.enrol.stepCompany);
    await expect(el).to.be.accessible();

    const email = uniqueEmail('hansen');
    await fillToAgreement(el, email, { axe: true });
    await until(() => el.currentStep === 3 && !!el.shadowRoot!.querySelector('[data-sha256]'), 'the agreement');
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '#heading-3'), 'focus moves to the agreement heading');
    await expect(el).to.be.accessible();

    // The link opens the bytes the element hashed: a PDF whose SHA-256 is the one shown.
    const link = $<HTMLAnchorElement>(el, '[data-agreement-link]');
    expect(link.textContent!.trim()).to.equal(da.enrol.openAgreement);
    const bytes = await (await fetch(link.href)).arrayBuffer();
    expect(new TextDecoder().decode(bytes.slice(0, 5))).to.equal('%PDF-');
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect($(el, '[data-sha256]').textContent!.trim()).to.equal(digest);

    await typeInto($(el, '#f-sign-name'), 'Jens Hansen');
    $(el, '#f-sign-consent').focus();
    await sendKeys({ press: 'Space' });
    await pressEnter(el);
    await until(() => el.currentStep === 4, 'the password step');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain(da.enrol.signedBy('Jens Hansen'));
    await expect(el).to.be.accessible();

    await typeInto($(el, '#f-password'), 'korrekt hest batteri');
    await typeInto($(el, '#f-password-repeat'), 'korrekt hest batteri');
    const submitted = oneEvent(el, 'collect-submit');
    await pressEnter(el);
    const { detail } = await submitted;
    await el.updateComplete;
    expect(el.currentStep).to.equal(5);
    expect($(el, '[part~="done"]').textContent).to.contain(da.enrol.done('Hansens Autoværksted ApS'));
    await expect(el).to.be.accessible();
    expect(errors).to.deep.equal([]);

    // The server has the creditor, and the browser holds its session cookie: /v1/me answers the member.
    const client = createClient({ apiBase: config.apiBase, publishableKey: config.publishableKey, credentials: 'include' });
    const me = await client.me.get();
    expect(me.user.email).to.equal(email);
    expect(me.user.role).to.equal('member');
    expect(me.creditor).to.deep.include({ id: detail.reference, status: 'active', name: 'Hansens Autoværksted ApS', nationalId: '24256790', country: 'DK' });
    // Nothing of the enrolment stays in the tab's storage.
    expect(sessionStorage.getItem(DRAFT_STORAGE_KEY)).to.equal(null);
  });

  it('shows a field the server refuses on that field, focused and announced (membership number over 40 characters)', async () => {
    const el = await mount('da');
    // The form does not limit the membership number's length; the contract does (max 40).
    const tooLong = 'M'.repeat(41);
    const failed = oneEvent(el, 'collect-error');
    await fillToAgreement(el, uniqueEmail('refused'), { membershipNumber: tooLong });
    const { detail } = await failed;
    expect(detail).to.deep.include({ code: 'validation_failed', field: 'membershipNumber' });
    await el.updateComplete;
    expect(el.currentStep).to.equal(0, 'back on the step that asks it');
    expect(deepActive()).to.equal($(el, '#f-membershipNumber'));
    expect($(el, '#f-membershipNumber').getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, 'f-membershipNumber')).to.equal(da.enrol.errors.refused);
    await new Promise((r) => setTimeout(r, 80));
    await el.updateComplete;
    expect($(el, '[part="live-region"]').textContent!.trim()).to.equal(`${da.controls.errorCount(1)} ${da.enrol.errors.refused}`);
    await expect(el).to.be.accessible();

    // Editing the field clears the server's mark.
    await typeInto($(el, '#f-membershipNumber'), 'x');
    await el.updateComplete;
    expect(errorOf(el, 'f-membershipNumber')).to.equal('');
  });

  it('marks an e-mail address that already has an account (409 from the server) on the e-mail field', async () => {
    // An account made through the sdk client, as another tab would.
    const email = uniqueEmail('taken');
    const client = createClient({ apiBase: config.apiBase, publishableKey: config.publishableKey });
    await enrolMember(client, {
      company: { name: 'Første ApS', country: 'DK', nationalId: '13748136' },
      address: { lines: ['Vej 1'], postalCode: '1000', city: 'København K', country: 'DK' },
      contact: { name: 'Anna', email },
      payoutAccount: { kind: 'iban', iban: 'DK5000400440116243' },
      accountingSystem: 'dinero',
      consents: { terms: true, dataProcessing: true },
    });

    const el = await mount('da');
    const failed = oneEvent(el, 'collect-error');
    await fillToAgreement(el, email);
    expect((await failed).detail).to.deep.include({ code: 'conflict', field: 'contact.email' });
    await el.updateComplete;
    expect(el.currentStep).to.equal(1);
    expect(deepActive()).to.equal($(el, '#f-contact-email'));
    expect(errorOf(el, 'f-contact-email')).to.equal(da.enrol.errors.emailTaken);
  });

  it('resumes the draft after a reload, without passwords or tokens in storage', async () => {
    const first = await mount('da');
    await typeInto($(first, '#f-company-name'), 'Genoptag ApS');
    await typeInto(nationalIdInput(first), '24256790');
    await pressEnter(first);
    await typeInto($(first, '#f-address-line'), 'Gaden 3');
    await typeInto($(first, '#f-contact-email'), 'genoptag@example.com');
    first.remove(); // the reload: the element goes, sessionStorage stays

    const stored = sessionStorage.getItem(DRAFT_STORAGE_KEY)!;
    expect(stored).to.contain('Genoptag ApS');
    expect(stored).not.to.match(/password|enr_|ses_|token/i);

    const again = await mount('da');
    await again.updateComplete;
    expect(again.currentStep).to.equal(1, 'the step it was on');
    expect($(again, '#f-address-line').value).to.equal('Gaden 3');
    expect($(again, '#f-contact-email').value).to.equal('genoptag@example.com');
    await new Promise((r) => setTimeout(r, 80));
    await again.updateComplete;
    expect($(again, '[part="live-region"]').textContent!.trim()).to.equal(da.enrol.draftRestored);
    // Back to the first step: company name and CVR are there too.
    $<HTMLButtonElement>(again, '.nav button[type="button"]').click();
    await again.updateComplete;
    expect($(again, '#f-company-name').value).to.equal('Genoptag ApS');
    expect($(again, 'collect-national-id-input').value).to.equal('24256790');
  });

  it('is usable with the keyboard alone: Tab order, Space on consents, Enter to go on; an empty step focuses its first invalid field', async () => {
    const el = await mount('da');
    // Enter in the first field of an empty step: every error shows and the first field takes focus.
    $(el, '#f-company-name').focus();
    await pressEnter(el);
    expect(el.currentStep).to.equal(0);
    expect(deepActive()).to.equal($(el, '#f-company-name'));
    expect(errorOf(el, 'f-company-name')).to.equal(da.controls.required);
    await new Promise((r) => setTimeout(r, 80));
    await el.updateComplete;
    expect($(el, '[part="live-region"]').textContent!.trim()).to.equal(da.controls.errorCount(2));

    // From the name, Tab reaches every control of the step in order.
    await sendKeys({ type: 'Tastatur ApS' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#f-company-country'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(nationalIdInput(el));
    await sendKeys({ type: '24256790' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#f-membershipNumber'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#f-accountingSystem'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent?.trim()).to.equal(da.common.next);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.currentStep).to.equal(1);
    expect(deepActive()).to.equal($(el, '#heading-1'));

    // Step 2 by Tab and typing only.
    for (const text of ['Tastevej 1', '5000', 'Odense C', 'Tove Taste', uniqueEmail('tast')]) {
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: text });
    }
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.currentStep).to.equal(2);

    // Step 3: choose IBAN with the arrow keys, type it, tick the consents with Space.
    await sendKeys({ press: 'Tab' }); // the first radio (the checked one: Danish account)
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect($(el, '#f-payoutAccount-iban')).to.exist;
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#f-payoutAccount-iban'));
    await sendKeys({ type: 'DK50 0040 0440 1162 44' }); // one digit off
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(errorOf(el, 'f-payoutAccount-iban')).to.equal(da.enrol.errors.invalidIban, 'checked on leaving the field');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect($(el, '#f-consents-terms').checked && $(el, '#f-consents-dataProcessing').checked).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.currentStep).to.equal(2, 'the wrong IBAN keeps the step');
    expect(deepActive()).to.equal($(el, '#f-payoutAccount-iban'));
  });

  it('speaks Swedish: headings, labels and validation messages from the sv catalogue, Swedish defaults', async () => {
    const el = await mount('sv');
    expect($(el, '.title').textContent!.trim()).to.equal(sv.enrol.title);
    expect($(el, 'label[for="f-company-name"]').textContent!.trim()).to.equal(sv.enrol.companyName);
    expect(($(el, '#f-company-country') as unknown as HTMLSelectElement).value).to.equal('SE');
    $(el, '#f-company-name').focus();
    await pressEnter(el);
    expect(errorOf(el, 'f-company-name')).to.equal(sv.controls.required);
    await typeInto(nationalIdInput(el), '556012-5791');
    await el.updateComplete;
    const idControl = el.shadowRoot!.querySelector('collect-national-id-input')!;
    await idControl.updateComplete;
    expect(idControl.shadowRoot!.querySelector('[part="field-error"]')!.textContent!.trim()).to.equal(
      sv.controls.invalidCompanyId(sv.controls.companyIdName.SE),
    );
    await expect(el).to.be.accessible();
    // A Swedish company is paid to a bankgiro by default.
    await typeInto($(el, '#f-company-name'), 'Svensson AB');
    nationalIdInput(el).focus();
    nationalIdInput(el).select();
    await sendKeys({ type: '556012-5790' });
    await pressEnter(el);
    expect(el.currentStep).to.equal(1);
    for (const [id, text] of [
      ['#f-address-line', 'Storgatan 1'],
      ['#f-address-postalCode', '111 22'],
      ['#f-address-city', 'Stockholm'],
      ['#f-contact-name', 'Sven Svensson'],
      ['#f-contact-email', 'not-an-address'],
    ] as const) {
      await typeInto($(el, id), text);
    }
    await pressEnter(el);
    expect(errorOf(el, 'f-contact-email')).to.equal(sv.enrol.errors.invalidEmail);
    $(el, '#f-contact-email').select();
    await sendKeys({ type: uniqueEmail('sven') });
    await pressEnter(el);
    expect(el.currentStep).to.equal(2);
    expect($(el, '#f-payoutAccount-bankgiro')).to.exist;
    expect($(el, 'label[for="f-payoutAccount-bankgiro"]').textContent!.trim()).to.equal(sv.enrol.bankgiro);
    await typeInto($(el, '#f-payoutAccount-bankgiro'), '5050-1055');
    await pressEnter(el);
    expect(errorOf(el, 'f-consents-terms')).to.equal(sv.enrol.errors.consentRequired);
    await expect(el).to.be.accessible();
  });

  it('reports a missing configuration with a stable code instead of calling anything', async () => {
    const el = await fixture<CollectEnrol>(html`<collect-enrol lang="en"></collect-enrol>`);
    const draftWithAllSteps = JSON.stringify({
      values: {
        'company.name': 'X Ltd',
        'company.country': 'FI',
        'address.line': 'Katu 1',
        'address.postalCode': '00100',
        'address.city': 'Helsinki',
        'contact.name': 'X',
        'contact.email': 'x@example.com',
        'payoutAccount.kind': 'iban',
        'payoutAccount.iban': 'FI2112345600000785',
      },
      consents: { 'consents.terms': true, 'consents.dataProcessing': true },
      step: 2,
    });
    el.remove();
    sessionStorage.setItem(DRAFT_STORAGE_KEY, draftWithAllSteps);
    const fresh = await fixture<CollectEnrol>(html`<collect-enrol lang="en"></collect-enrol>`);
    expect(fresh.currentStep).to.equal(2);
    const failed = oneEvent(fresh, 'collect-error');
    $<HTMLButtonElement>(fresh, 'button.primary').click();
    expect((await failed).detail.code).to.equal('invalid_config');
  });
});
