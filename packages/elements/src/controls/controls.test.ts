import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { CollectDateInput } from './date-input.js';
import type { CollectMoneyInput } from './money-input.js';
import type { CollectNationalIdInput } from './national-id-input.js';

const innerInput = (el: HTMLElement) => el.shadowRoot!.querySelector('input')!;
const errorText = (el: HTMLElement) => el.shadowRoot!.querySelector('.field-error')?.textContent?.trim() ?? '';

async function typeInto(el: HTMLElement & { updateComplete: Promise<boolean> }, text: string): Promise<void> {
  el.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function leave(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  innerInput(el).blur();
  await el.updateComplete;
}

describe('<collect-money-input>', () => {
  it('parses 1.234,50 in Danish to 123450 øre and shows the amount on blur', async () => {
    const el = await fixture<CollectMoneyInput>(html`<collect-money-input lang="da" label="Beløb" currency="DKK"></collect-money-input>`);
    await typeInto(el, '1234,5');
    expect(el.value).to.deep.equal({ amount: 123450, currency: 'DKK' });
    await leave(el);
    expect(innerInput(el).value).to.equal('1.234,50');
    el.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Backspace' }); // 1.234,5 — still 1234.50
    await el.updateComplete;
    expect(el.value).to.deep.equal({ amount: 123450, currency: 'DKK' });
  });

  it('parses 1,234.50 in English', async () => {
    const el = await fixture<CollectMoneyInput>(html`<collect-money-input lang="en" label="Amount" currency="SEK"></collect-money-input>`);
    await typeInto(el, '1,234.50');
    expect(el.value).to.deep.equal({ amount: 123450, currency: 'SEK' });
    await leave(el);
    expect(innerInput(el).value).to.equal('1,234.50');
  });

  it('reads 1.234,50 as no amount in English, and reports the error after leaving the field', async () => {
    const el = await fixture<CollectMoneyInput>(html`<collect-money-input lang="en" label="Amount" currency="DKK"></collect-money-input>`);
    await typeInto(el, '1.234,50');
    expect(el.value).to.equal(null);
    expect(el.checkValidity()).to.equal(false);
    expect(errorText(el)).to.equal('', 'not shown while typing');
    await leave(el);
    expect(errorText(el)).to.equal('Write the amount as a number, for example 1,234.50.');
    const input = innerInput(el);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = input.getAttribute('aria-describedby')!;
    expect(el.shadowRoot!.getElementById(describedBy)!.textContent!.trim()).to.equal(errorText(el));
    await expect(el).to.be.accessible();
  });

  it('participates in a form: value, validity, reset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <collect-money-input name="amount" label="Beløb" lang="da" currency="DKK" required positive></collect-money-input>
    </form>`);
    const el = form.querySelector('collect-money-input')!;
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Udfyld dette felt.');
    await typeInto(el, '0');
    expect(el.validationMessage).to.equal('Beløbet skal være større end nul.');
    await typeInto(el, '99');
    expect(new FormData(form).get('amount')).to.equal('99.00');
    expect(form.checkValidity()).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(null);
    expect(innerInput(el).value).to.equal('');
  });

  it('rejects a negative amount with its own message', async () => {
    const el = await fixture<CollectMoneyInput>(html`<collect-money-input lang="sv" label="Belopp" currency="SEK"></collect-money-input>`);
    await typeInto(el, '-5');
    await leave(el);
    expect(errorText(el)).to.equal('Beloppet kan inte vara negativt.');
  });

  it('re-dispatches change from the host', async () => {
    const el = await fixture<CollectMoneyInput>(html`<collect-money-input lang="da" label="Beløb"></collect-money-input>`);
    await typeInto(el, '12');
    const changed = oneEvent(el, 'change');
    await leave(el);
    await changed;
  });
});

describe('<collect-date-input>', () => {
  it('reads a date the way each language writes it, and ISO everywhere', async () => {
    const cases: [string, string, string][] = [
      ['da', '15.03.2025', '15.03.2025'],
      ['da', '15-3-2025', '15.03.2025'],
      ['sv', '2025-03-15', '2025-03-15'],
      ['fi', '15.3.2025', '15.03.2025'],
      ['en-GB', '15/03/2025', '15/03/2025'],
      ['en', '2025-03-15', '03/15/2025'],
    ];
    for (const [lang, typed, shown] of cases) {
      const el = await fixture<CollectDateInput>(html`<collect-date-input lang=${lang} label="Date"></collect-date-input>`);
      await typeInto(el, typed);
      expect(el.value, `${lang} ${typed}`).to.equal('2025-03-15');
      await leave(el);
      expect(innerInput(el).value, lang).to.equal(shown);
    }
  });

  it('rejects a date that does not exist, with the pattern in the language', async () => {
    const el = await fixture<CollectDateInput>(html`<collect-date-input lang="fi" label="Eräpäivä"></collect-date-input>`);
    await typeInto(el, '30.2.2025');
    await leave(el);
    expect(el.value).to.equal(null);
    expect(errorText(el)).to.equal('Kirjoita oikea päivämäärä muodossa pp.kk.vvvv.');
    await expect(el).to.be.accessible();
  });

  it('enforces max with the message the element gives', async () => {
    const el = await fixture<CollectDateInput>(
      html`<collect-date-input lang="da" label="Forfaldsdato" max="2025-06-01" range-error="For sent."></collect-date-input>`,
    );
    await typeInto(el, '02.06.2025');
    await leave(el);
    expect(errorText(el)).to.equal('For sent.');
  });
});

describe('<collect-national-id-input>', () => {
  it('validates a CVR as it is typed: error only once all 8 digits are there', async () => {
    // 10150817 is the check-digit example: 1·2+0·7+1·6+5·5+0·4+8·3+1·2+7·1 = 66 = 6·11.
    const el = await fixture<CollectNationalIdInput>(html`<collect-national-id-input lang="da" country="DK"></collect-national-id-input>`);
    await typeInto(el, '1015081');
    expect(errorText(el)).to.equal('');
    await sendKeys({ type: '8' });
    await el.updateComplete;
    expect(errorText(el)).to.equal('Dette er ikke et gyldigt CVR-nummer. Kontrollér cifrene.');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '7' });
    await el.updateComplete;
    expect(errorText(el)).to.equal('');
    expect(el.value).to.equal('10150817');
    expect(el.shadowRoot!.querySelector('[part="valid"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('checks a Swedish organisationsnummer with Luhn and stores the register spelling', async () => {
    // 556036-0793: Luhn over 5560360793 — 1+5+1+6+0+3+1+0+5+9... the sdk's own tests cover the arithmetic.
    const el = await fixture<CollectNationalIdInput>(html`<collect-national-id-input lang="sv" country="SE"></collect-national-id-input>`);
    await typeInto(el, '5560360793');
    expect(el.value).to.equal('556036-0793');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Organisationsnummer');
  });
});
