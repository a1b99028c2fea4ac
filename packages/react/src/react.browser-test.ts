// The React wrappers in a real browser: each renders its custom element (upgraded, with the props set
// as properties) and hands the element's typed events to its onCollect… props. React is served as
// ES modules by ../wtr-react-esm.mjs. Written with createElement, not TSX, so that the test runner's
// TypeScript loader needs no JSX settings.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createElement, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { CollectCase as CollectCaseElement, CollectEnrol as CollectEnrolElement, CollectQuote as CollectQuoteElement, CollectStatus as CollectStatusElement } from '@collectkit/elements';
import { CollectCase, CollectEnrol, CollectQuote, CollectStatus, type QuoteEventDetail } from './index.js';

let container: HTMLElement;
let root: Root;

function render(element: ReactElement): void {
  flushSync(() => root.render(element));
}

/** Resolves with the first value `push` is called with; fails after `ms`. */
function nextCall<T>(what: string, ms = 5000): { push: (value: T) => void; value: Promise<T> } {
  let push!: (value: T) => void;
  const value = new Promise<T>((resolve, reject) => {
    push = resolve;
    setTimeout(() => reject(new Error(`${what} was never called`)), ms);
  });
  return { push, value };
}

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function tabTo(matches: (el: Element) => boolean, what: string, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active && matches(active)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}
const isRadio = (value: string) => (el: Element) => el instanceof HTMLInputElement && el.type === 'radio' && el.value === value;
const isButton = (text: string) => (el: Element) => el instanceof HTMLButtonElement && el.textContent!.trim() === text;
const isInputOf = (tag: string) => (el: Element) =>
  el instanceof HTMLInputElement && ((el.getRootNode() as ShadowRoot).host as Element | undefined)?.localName === tag;

describe('@collectkit/react', () => {
  beforeEach(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    flushSync(() => root.unmount());
    container.remove();
  });

  const wrappers = [
    { tag: 'collect-quote', Component: CollectQuote, elementClass: CollectQuoteElement },
    { tag: 'collect-enrol', Component: CollectEnrol, elementClass: CollectEnrolElement },
    { tag: 'collect-case', Component: CollectCase, elementClass: CollectCaseElement },
    { tag: 'collect-status', Component: CollectStatus, elementClass: CollectStatusElement },
  ] as const;

  for (const { tag, Component, elementClass } of wrappers) {
    it(`<${Component.displayName}> renders an upgraded <${tag}> and passes collect-ready to onCollectReady`, async () => {
      const ready = nextCall<CustomEvent<{ element: string }>>('onCollectReady');
      // Not every wrapper's props share one type; the props all four take are given here.
      const props = { lang: 'en', country: 'SE', onCollectReady: ready.push, onCollectError: () => {} };
      render(createElement(Component as typeof CollectEnrol, props));
      const el = container.querySelector(tag)!;
      expect(el, `<${tag}> in the page`).to.exist;
      expect(customElements.get(tag), 'registered by importing the wrapper').to.equal(elementClass);
      expect(el).to.be.instanceOf(elementClass);
      const event = await ready.value;
      expect(event).to.be.instanceOf(CustomEvent);
      expect(event.type).to.equal('collect-ready');
      expect(event.detail).to.deep.equal({ element: tag });
      expect(event.target).to.equal(el);
      expect((el as HTMLElement & { country: string }).country, 'props are set as properties').to.equal('SE');
      expect(el.shadowRoot?.childElementCount, 'rendered its shadow root').to.be.greaterThan(0);
    });
  }

  it('<CollectQuote> sets camelCase props as properties, which Lit reflects where it reflects (lang)', async () => {
    render(createElement(CollectQuote, { lang: 'da', plan: 'standard', asOf: '2025-06-30' }));
    const el = container.querySelector('collect-quote')!;
    await el.updateComplete;
    expect(el.plan).to.equal('standard');
    expect(el.asOf).to.equal('2025-06-30');
    expect(el.getAttribute('lang')).to.equal('da');
  });

  it('<CollectQuote> passes collect-error to onCollectError for an unusable plan', async () => {
    const error = nextCall<CustomEvent<{ code: string; field?: string }>>('onCollectError');
    render(createElement(CollectQuote, { plan: 'gold' as 'member', onCollectError: error.push }));
    const { detail } = await error.value;
    expect(detail.code).to.equal('invalid_config');
    expect(detail.field).to.equal('plan');
  });

  it('<CollectQuote> hands the estimate to onCollectQuote: SEK 10,000 for a Swedish non-member → SEK 7,775.00 net', async () => {
    // Hand check, as in collect-quote.test.ts (RULES.md §7, Atradius SE, standard plan): registration
    // SEK 730 + 25 % VAT = 912.50; commission 10.5 % of 10,000 = 1,050 + 25 % VAT = 1,312.50 (60 days
    // overdue: no surcharge). Net if paid in full: 10,000 − 912.50 − 1,312.50 = 7,775.00.
    const quoted = nextCall<CustomEvent<QuoteEventDetail>>('onCollectQuote', 8000);
    const changes: string[] = [];
    render(
      createElement(CollectQuote, {
        lang: 'sv',
        country: 'SE',
        plan: 'member',
        asOf: '2025-06-30',
        onCollectQuote: quoted.push,
        onCollectChange: (e) => changes.push(e.detail.field),
      }),
    );
    const el = container.querySelector('collect-quote')!;
    await el.updateComplete;
    await tabTo(isRadio('yes'), 'the "Ja" radio');
    await sendKeys({ press: 'ArrowRight' }); // "Nej": not a member, so the standard plan
    await sendKeys({ press: 'Enter' });
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
    await tabTo(isButton('Beräkna'), 'Beräkna');
    await sendKeys({ press: 'Enter' });
    const event = await quoted.value;
    expect(event.type).to.equal('collect-quote');
    expect(event.detail.asOf).to.equal('2025-06-30');
    expect(event.detail.request.creditorCountry).to.equal('SE');
    expect(event.detail.quote.expectedNetToCreditor.total).to.deep.equal({ amount: 777500, currency: 'SEK' });
    expect(event.detail.expectedNet).to.deep.equal({ amount: 777500, currency: 'SEK' });
    expect(changes).to.include('creditor.member');
  });

  it('React 19 without the wrapper: an oncollect-ready prop on the plain tag listens for collect-ready', async () => {
    const ready = nextCall<Event>('oncollect-ready');
    render(createElement('collect-quote', { lang: 'en', 'oncollect-ready': ready.push }));
    const event = await ready.value;
    expect(event.type).to.equal('collect-ready');
    expect((event as CustomEvent).detail).to.deep.equal({ element: 'collect-quote' });
  });

  it('a re-render with a new onCollectChange replaces the listener (the old handler is not called again)', async () => {
    const calls: string[] = [];
    render(createElement(CollectQuote, { onCollectChange: () => calls.push('first') }));
    const el = container.querySelector('collect-quote')!;
    await el.updateComplete;
    el.dispatchEvent(new CustomEvent('collect-change', { detail: { field: 'x', value: 1 } }));
    render(createElement(CollectQuote, { onCollectChange: () => calls.push('second') }));
    expect(container.querySelector('collect-quote'), 'the same element is kept').to.equal(el);
    el.dispatchEvent(new CustomEvent('collect-change', { detail: { field: 'x', value: 2 } }));
    expect(calls).to.deep.equal(['first', 'second']);
  });
});
