import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { associationMemberPlan, formatMoney, quote, standardPlan, type Quote } from '@collectkit/sdk';
import './define.js';
import { deepActive } from '../testing/browser-helpers.js';
import type { CollectQuote } from './collect-quote.js';
import da from '../i18n/da.js';
import en from '../i18n/en.js';
import fi from '../i18n/fi.js';
import nb from '../i18n/nb.js';
import sv from '../i18n/sv.js';

/** Presses Tab until `matches(focused)`; fails if it takes more than `max` presses. */
async function tabTo(matches: (el: Element) => boolean, what: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active && matches(active)) return;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

const isRadio = (value: string) => (el: Element) => el instanceof HTMLInputElement && el.type === 'radio' && el.value === value;
const isButton = (text: string) => (el: Element) => el instanceof HTMLButtonElement && el.textContent!.trim() === text;
const isInputOf = (tag: string) => (el: Element) =>
  el instanceof HTMLInputElement && ((el.getRootNode() as ShadowRoot).host as Element | undefined)?.localName === tag;

const heading = (el: CollectQuote, step: number) => el.shadowRoot!.querySelector(`#heading-${step}`)!;
const total = (el: CollectQuote, name: string) => el.shadowRoot!.querySelector(`[data-total="${name}"]`)!.textContent!.trim();
const liveText = async (el: CollectQuote) => {
  await new Promise((r) => setTimeout(r, 80)); // the announcer empties the region, then fills it
  await el.updateComplete;
  return el.shadowRoot!.querySelector('[part="live-region"]')!.textContent!.trim();
};

describe('<collect-quote>', () => {
  beforeEach(async () => {
    // Start every test with focus at the top of the page, as a keyboard user would.
    (document.activeElement as HTMLElement | null)?.blur();
  });

  it('announces itself ready', async () => {
    const el = document.createElement('collect-quote');
    const ready = oneEvent(document, 'collect-ready');
    document.body.append(el);
    const event = await ready;
    expect(event.detail).to.deep.equal({ element: 'collect-quote' });
    expect(event.composed && event.bubbles).to.equal(true);
    el.remove();
  });

  it('is walked through all three steps with the keyboard alone, and shows the sdk quote (da, member plan)', async () => {
    const el = await fixture<CollectQuote>(html`<collect-quote lang="da" country="DK" plan="member" as-of="2025-06-30"></collect-quote>`);
    const changes: string[] = [];
    el.addEventListener('collect-change', (e) => changes.push(e.detail.field));
    await expect(el).to.be.accessible();

    // Step 1: your company. Country stays Danmark; choose "Ja" with Space.
    await tabTo((e) => e.id === 'creditor-country', 'the country select');
    await tabTo(isRadio('yes'), 'the "Ja" radio');
    await sendKeys({ press: 'Space' });
    await tabTo(isButton('Næste'), 'Næste');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActive()).to.equal(heading(el, 1), 'focus moves to the step heading');
    expect(heading(el, 1).textContent).to.contain('Skyldneren');
    await expect(el).to.be.accessible();

    // Step 2: the debtor. A business (Space), in Danmark (the default).
    await tabTo(isRadio('business'), 'the "Virksomhed" radio');
    await sendKeys({ press: 'Space' });
    await tabTo(isButton('Næste'), 'Næste');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(deepActive()).to.equal(heading(el, 2));
    await expect(el).to.be.accessible();

    // Step 3: one invoice of DKK 1.234,50 due 1 March 2025; Enter in the last field calculates.
    await tabTo(isInputOf('collect-money-input'), 'the amount');
    await sendKeys({ type: '1.234,50' });
    await tabTo(isInputOf('collect-date-input'), 'the due date');
    await sendKeys({ type: '01.03.2025' });
    const quoted = oneEvent(el, 'collect-quote');
    await sendKeys({ press: 'Enter' });
    const { detail } = await quoted;
    await el.updateComplete;
    expect(deepActive()).to.equal(heading(el, 3));

    expect(detail.request).to.deep.include({ creditorCountry: 'DK', member: true });
    const request = detail.request as Parameters<typeof quote>[0] & { invoices: unknown[]; debtor: { type: string; country: string } };
    expect(request.debtor.type).to.equal('business');
    expect(request.debtor.country).to.equal('DK');
    expect(request.invoices).to.deep.equal([
      { number: '1', issueDate: '2025-03-01', dueDate: '2025-03-01', amount: { amount: 123450, currency: 'DKK' } },
    ]);
    // The numbers are the sdk's, for the same input, plan and date.
    const expected = quote(detail.request, associationMemberPlan, { asOf: '2025-06-30' });
    expect(detail.quote).to.deep.equal(expected);
    const q = detail.quote as Quote;
    // Member plan (RULES.md §7, Collectia's member terms): no registration fee, no commission in the
    // amicable phase, so the creditor gets the principal in full: DKK 1.234,50.
    expect(q.expectedNetToCreditor.total).to.deep.equal({ amount: 123450, currency: 'DKK' });
    expect(total(el, 'expected-net')).to.equal('1.234,50\u00a0kr.');
    expect(total(el, 'debtor-owes')).to.equal(formatMoney(q.debtorOwes.total, 'da'));
    expect(total(el, 'you-pay')).to.equal('0,00\u00a0kr.');
    const lines = [...el.shadowRoot!.querySelectorAll('[part="result"] .line:not(.total)')].map((l) => l.getAttribute('data-code'));
    for (const line of q.debtorOwes.lines) expect(lines).to.include(line.code);
    expect(await liveText(el)).to.equal('Overslaget er klar. Du får 1.234,50\u00a0kr., hvis skyldneren betaler det hele.');
    expect(changes).to.include.members(['creditor.member', 'debtor.type', 'invoices.0.amount', 'invoices.0.dueDate']);
    await expect(el).to.be.accessible();
  });

  it('computes the standard plan for a Swedish non-member: SEK 10,000 → SEK 7,775.00 net', async () => {
    // Hand check (RULES.md §7, Atradius SE): registration SEK 730 + 25 % VAT = 912.50; commission
    // 10.5 % of 10,000 = 1,050 + 25 % VAT = 1,312.50 (60 days overdue: no +4 surcharge, that starts
    // after 180). Net if paid in full: 10,000 − 912.50 − 1,312.50 = 7,775.00.
    const el = await fixture<CollectQuote>(html`<collect-quote lang="sv" country="SE" plan="member" as-of="2025-06-30"></collect-quote>`);
    // Tab enters the radio group on its first option; the arrow key moves to "Nej" and selects it.
    await tabTo(isRadio('yes'), 'the "Ja" radio', 20);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' }); // implicit submission from a radio
    await el.updateComplete;
    await tabTo(isRadio('business'), 'the "Företag" radio');
    await sendKeys({ press: 'Space' });
    await tabTo(isButton('Nästa'), 'Nästa');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await tabTo(isInputOf('collect-money-input'), 'the amount');
    await sendKeys({ type: '10 000' });
    await tabTo(isInputOf('collect-date-input'), 'the due date');
    await sendKeys({ type: '2025-05-01' });
    const quoted = oneEvent(el, 'collect-quote');
    await tabTo(isButton('Beräkna'), 'Beräkna');
    await sendKeys({ press: 'Enter' });
    const { detail } = await quoted;
    expect(detail.quote).to.deep.equal(quote(detail.request, standardPlan, { asOf: '2025-06-30' }));
    expect((detail.quote as Quote).expectedNetToCreditor.total).to.deep.equal({ amount: 777500, currency: 'SEK' });
    await el.updateComplete;
    expect(total(el, 'expected-net')).to.equal('7\u00a0775,00\u00a0kr');
    expect(total(el, 'you-pay')).to.equal('2\u00a0225,00\u00a0kr');
    await expect(el).to.be.accessible();
  });

  for (const [lang, t] of Object.entries({ da, sv, nb, fi, en })) {
    it(`shows and announces validation messages in ${lang}, focusing the first invalid field`, async () => {
      const el = await fixture<CollectQuote>(html`<collect-quote lang=${lang} as-of="2025-06-30"></collect-quote>`);
      await tabTo(isButton(t.common.next), t.common.next, 20);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(deepActive()).to.equal(el.shadowRoot!.querySelector('input[name="member"][value="yes"]'));
      expect(el.shadowRoot!.querySelector('#member-error')!.textContent!.trim()).to.equal(t.quote.chooseOne);
      expect(await liveText(el)).to.equal(t.controls.errorCount(1));
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await tabTo(isRadio('business'), t.quote.business);
      await sendKeys({ press: 'ArrowRight' }); // moves to and selects "consumer"
      expect(deepActive()).to.satisfy(isRadio('consumer'));
      await tabTo(isButton(t.common.next), t.common.next);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;

      // Step 3 with nothing typed: both fields are required; focus goes to the amount.
      await tabTo(isButton(t.quote.calculate), t.quote.calculate, 20);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const money = el.shadowRoot!.querySelector('collect-money-input')!;
      const date = el.shadowRoot!.querySelector('collect-date-input')!;
      await money.updateComplete;
      expect(deepActive()).to.equal(money.shadowRoot!.querySelector('input'));
      expect(money.shadowRoot!.querySelector('.field-error')!.textContent!.trim()).to.equal(t.controls.required);
      expect(date.shadowRoot!.querySelector('.field-error')!.textContent!.trim()).to.equal(t.controls.required);
      expect(await liveText(el)).to.equal(t.controls.errorCount(2));
      await expect(el).to.be.accessible();

      // An amount written the wrong way, and a due date that has not passed yet.
      await sendKeys({ type: 'tolv' });
      await tabTo(isInputOf('collect-date-input'), t.quote.dueDate);
      await sendKeys({ type: '2025-07-01' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await date.updateComplete;
      const example = formatMoney({ amount: 123450, currency: money.currency }, money.currency === 'EUR' ? 'fi' : lang, {
        style: 'decimal',
        minimumFractionDigits: 2,
      });
      expect(money.shadowRoot!.querySelector('.field-error')!.textContent!.trim()).to.equal(t.controls.invalidAmount(example));
      expect(date.shadowRoot!.querySelector('.field-error')!.textContent!.trim()).to.equal(t.quote.dueDateNotPassed);
      expect(deepActive()).to.equal(money.shadowRoot!.querySelector('input'));
    });
  }

  it('adds and removes invoice rows with the keyboard, announcing each', async () => {
    const el = await fixture<CollectQuote>(html`<collect-quote lang="en" as-of="2025-06-30"></collect-quote>`);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="yes"]')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="business"]')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    await tabTo(isButton('Add another invoice'), 'Add another invoice', 20);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('collect-money-input')).to.have.length(2);
    expect(deepActive()).to.equal(el.shadowRoot!.querySelectorAll('collect-money-input')[1]!.shadowRoot!.querySelector('input'));
    expect(await liveText(el)).to.equal('Invoice 2 added.');
    await expect(el).to.be.accessible();
    await tabTo(isButton('Remove invoice 2'), 'Remove invoice 2');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('collect-money-input')).to.have.length(1);
    expect(await liveText(el)).to.equal('Invoice 2 removed.');
  });

  it('reports an unusable plan attribute as collect-error invalid_config and carries on', async () => {
    const errors: { code: string }[] = [];
    const listener = (e: GlobalEventHandlersEventMap['collect-error']) => errors.push(e.detail);
    document.addEventListener('collect-error', listener);
    await fixture(html`<collect-quote plan="gold"></collect-quote>`);
    document.removeEventListener('collect-error', listener);
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid_config']);
  });

  it('renders every button and field at least 24 px tall', async () => {
    const el = await fixture<CollectQuote>(html`<collect-quote lang="da" style="font-size: 10px"></collect-quote>`);
    for (const target of el.shadowRoot!.querySelectorAll('button:not([hidden] *), select:not([hidden] *), input:not([hidden] *)')) {
      const box = target.getBoundingClientRect();
      if (box.width === 0) continue; // in a hidden step
      expect(box.height, target.outerHTML.slice(0, 60)).to.be.at.least(24);
      expect(box.width, target.outerHTML.slice(0, 60)).to.be.at.least(24);
    }
  });
});
