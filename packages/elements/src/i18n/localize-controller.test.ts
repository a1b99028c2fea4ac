import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { catalogueFor, catalogueLanguage, intlLocale, isCatalogueLoaded } from './catalogue.js';
import da from './da.js';
import en, { type Messages } from './en.js';
import fi from './fi.js';
import nb from './nb.js';
import sv from './sv.js';
import { LocalizeController } from './localize-controller.js';

/** A minimal element that shows one catalogue string and one amount. */
class LocalizeProbe extends LitElement {
  @property({ reflect: true }) override lang!: string;
  readonly localize = new LocalizeController(this);
  /** The text of every render, in order. */
  readonly rendered: string[] = [];
  protected override scheduleUpdate() {
    return this.localize.whenLoaded(() => super.scheduleUpdate());
  }
  protected override updated() {
    this.rendered.push(text(this));
  }
  override render() {
    return html`<p>${this.localize.t.common.next}</p>
      <span>${this.localize.formatMoney({ amount: 123450, currency: 'DKK' })}</span>`;
  }
}
customElements.define('localize-probe', LocalizeProbe);

const text = (el: LocalizeProbe) => el.shadowRoot!.querySelector('p')!.textContent;

describe('LocalizeController', () => {
  const htmlLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = htmlLang;
  });

  it('renders first in its own language: a catalogue loads on demand, before the first render, never English first', async () => {
    expect(isCatalogueLoaded('nb')).to.equal(false, 'nb not loaded before an element needs it');
    expect(catalogueFor('nb')).to.equal(en, 'English until then');
    const el = await fixture<LocalizeProbe>(html`<localize-probe lang="nb"></localize-probe>`);
    expect(el.rendered).to.deep.equal(['Neste']);
    expect(isCatalogueLoaded('nb')).to.equal(true);
    expect(catalogueFor('nb')).to.deep.equal(nb);
    expect(isCatalogueLoaded('en')).to.equal(true, 'English is always there');
  });

  it('maps language tags to catalogues: no/nn/nb → nb, regions ignored, unknown → en', () => {
    expect(['da-DK', 'sv', 'sv-FI', 'no', 'nn-NO', 'nb', 'fi-FI', 'en-GB', 'de', '', 'xx-yy'].map(catalogueLanguage)).to.deep.equal(
      ['da', 'sv', 'sv', 'nb', 'nb', 'nb', 'fi', 'en', 'en', 'en', 'en'],
    );
    expect(intlLocale('en-GB', 'en')).to.equal('en-GB');
    expect(intlLocale('de-DE', 'en')).to.equal('en', 'labels in English, so numbers in English');
    expect(intlLocale('no', 'nb')).to.equal('nb');
  });

  it("uses the element's own lang over <html lang>", async () => {
    document.documentElement.lang = 'da';
    const el = await fixture<LocalizeProbe>(html`<localize-probe lang="sv"></localize-probe>`);
    expect(text(el)).to.equal('Nästa');
  });

  it('inherits the closest ancestor lang, else <html lang>', async () => {
    document.documentElement.lang = 'fi';
    const wrapper = await fixture(html`<div><section lang="nb"><localize-probe></localize-probe></section><localize-probe></localize-probe></div>`);
    const [inner, outer] = [...wrapper.querySelectorAll('localize-probe')] as LocalizeProbe[];
    // fixture() waited for the <div> only; each probe renders once its language file has loaded.
    await Promise.all([inner!.updateComplete, outer!.updateComplete]);
    expect(text(inner!)).to.equal('Neste');
    expect(text(outer!)).to.equal('Seuraava');
  });

  it('re-renders when <html lang> changes', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<LocalizeProbe>(html`<localize-probe></localize-probe>`);
    expect(text(el)).to.equal('Next');
    expect(el.shadowRoot!.querySelector('span')!.textContent).to.equal('DKK\u00a01,234.50');
    document.documentElement.lang = 'da';
    await nextFrame(); // the MutationObserver callback runs as a microtask, the render after it
    await el.updateComplete;
    expect(text(el)).to.equal('Næste');
    expect(el.shadowRoot!.querySelector('span')!.textContent).to.equal('1.234,50\u00a0kr.');
  });

  it('re-renders when its own lang changes', async () => {
    const el = await fixture<LocalizeProbe>(html`<localize-probe lang="da"></localize-probe>`);
    el.lang = 'fi';
    await el.updateComplete;
    expect(text(el)).to.equal('Seuraava');
  });

  it('formats dates in the calendar day given, in every time zone', async () => {
    const el = await fixture<LocalizeProbe>(html`<localize-probe lang="da"></localize-probe>`);
    expect(el.localize.formatDate('2025-03-01')).to.equal('1. marts 2025');
    el.lang = 'en-GB';
    await el.updateComplete;
    expect(el.localize.formatDate('2025-03-01')).to.equal('1 March 2025');
    expect(el.localize.formatPercent('10.5')).to.equal('10.5%');
    el.lang = 'sv';
    await el.updateComplete;
    expect(el.localize.formatPercent('4')).to.equal('4\u00a0%');
  });
});

/** Every key of a catalogue, with functions called on sample arguments, flattened to text. */
function flatten(messages: Messages): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'function') out[path] = String((value as (...a: unknown[]) => unknown)(2, 3));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    else out[path] = String(value);
  };
  walk(messages, '');
  return out;
}

describe('message catalogues', () => {
  const english = flatten(en);
  for (const [name, catalogue] of Object.entries({ da, sv, nb, fi })) {
    it(`${name} has every key of en, each non-empty`, () => {
      const translated = flatten(catalogue);
      expect(Object.keys(translated).sort()).to.deep.equal(Object.keys(english).sort());
      for (const [key, value] of Object.entries(translated)) expect(value.trim(), key).not.to.equal('');
    });

    it(`${name} is a translation, not an English copy`, () => {
      const translated = flatten(catalogue);
      // Only words that really are the same in both languages may equal the English.
      const sameInBoth = new Set([
        'common.countries.FI',
        'controls.datePatternLetters.day',
        'controls.datePatternLetters.month',
        'controls.dateFormatHint',
        'quote.planNames.standard',
        // Product names and the IBAN are written the same everywhere; Danish says "e-mail" too.
        'enrol.accountingSystems.e-conomic',
        'enrol.accountingSystems.dinero',
        'enrol.accountingSystems.billy',
        'enrol.accountingSystems.visma-net',
        'enrol.accountingSystems.fortnox',
        'enrol.payoutKinds.iban',
        'enrol.iban',
        ...(name === 'da' ? ['enrol.email', 'signIn.email', 'status.events.channels.email'] : []),
        // "Status" is Danish, Swedish and Norwegian too; Norwegian writes SMS in capitals.
        ...(name === 'fi' ? [] : ['status.plan.state']),
        ...(name === 'nb' ? ['status.events.channels.sms'] : []),
      ]);
      const same = Object.keys(english).filter((key) => translated[key] === english[key] && key !== 'locale' && !sameInBoth.has(key));
      expect(same, 'strings left in English').to.deep.equal([]);
    });
  }
});
