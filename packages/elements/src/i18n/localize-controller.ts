import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatMoney, type IsoDate, type Money } from '@collectkit/sdk';
import { catalogueFor, catalogueLanguage, intlLocale, isCatalogueLoaded, loadCatalogue, type CatalogueLanguage, type Messages } from './catalogue.js';

type LocalizedHost = ReactiveControllerHost & HTMLElement;

/**
 * Every connected host, so that one MutationObserver serves all elements on the page
 * (Shoelace's LocalizeController pattern).
 */
const connectedHosts = new Set<LocalizedHost>();
let langObserver: MutationObserver | undefined;

function observeLang(): void {
  if (langObserver || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  langObserver = new MutationObserver(() => {
    for (const host of connectedHosts) host.requestUpdate();
  });
  // `subtree` with a filter on `lang` also catches a wrapper element whose language changes
  // (a language switcher on a CMS page often sets it on <main>, not on <html>).
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The nearest non-empty `lang` at or above `element`, crossing shadow roots, else `<html lang>`. */
function inheritedLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.closest('[lang]:not([lang=""])')?.getAttribute('lang');
    if (lang) return lang;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang;
}

/**
 * Gives an element its language: its own `lang`, else the closest ancestor's, else `<html lang>`,
 * re-rendering the host when any of them changes. Exposes the typed catalogue as `t` and formats
 * money and dates through Intl in that language.
 *
 * Elements get it, and their updates held until the catalogue is loaded, by extending
 * LocalizedElement (localized-element.ts):
 * ```ts
 * class CollectQuote extends LocalizedElement {
 *   render() { return html`<h2>${this.localize.t.quote.title}</h2>`; }
 * }
 * ```
 */
export class LocalizeController implements ReactiveController {
  private readonly host: LocalizedHost;

  constructor(host: LocalizedHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    connectedHosts.add(this.host);
    observeLang();
  }

  hostDisconnected(): void {
    connectedHosts.delete(this.host);
  }

  /** The language tag in effect, as written on the page (e.g. `da-DK`), or `''` if none is set. */
  get lang(): string {
    // The host's own `lang` property first: set from script it may not be reflected yet.
    if (this.host.lang) return this.host.lang;
    return this.host.isConnected ? inheritedLang(this.host) : '';
  }

  /** The catalogue language: da, sv, nb, fi or en. */
  get language(): CatalogueLanguage {
    return catalogueLanguage(this.lang);
  }

  /** The locale Intl and the sdk's parseMoney/formatMoney use. */
  get locale(): string {
    const lang = this.lang;
    return intlLocale(lang, catalogueLanguage(lang));
  }

  /**
   * Runs the host's update now when its language's catalogue is loaded, else once it is (Lit waits
   * for the promise a `scheduleUpdate` returns, and `updateComplete` with it).
   */
  whenLoaded(update: () => void): void | Promise<void> {
    const language = this.language;
    if (isCatalogueLoaded(language)) return update();
    return loadCatalogue(language).then(update);
  }

  /** The message catalogue of the current language (English while it is still loading). */
  get t(): Messages {
    return catalogueFor(this.language);
  }

  /** `{ amount: 123450, currency: 'DKK' }` → `1.234,50 kr.` in da, `DKK 1,234.50` in en. */
  formatMoney(value: Money, options?: Intl.NumberFormatOptions): string {
    return formatMoney(value, this.locale, options);
  }

  /** The amount as a plain number in the locale (`1.234,50`), what the money input shows. */
  formatAmount(value: Money): string {
    return formatMoney(value, this.locale, { style: 'decimal', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  /** An ISO date as the locale writes it: `2025-03-15` → `15.3.2025` (fi), `15. mar. 2025` (da, medium). */
  formatDate(iso: IsoDate, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    // Noon UTC formatted in UTC: the calendar day never shifts with the visitor's time zone.
    return new Intl.DateTimeFormat(this.locale, { ...options, timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, day, 12)),
    );
  }

  /** A percentage from a decimal string, e.g. "10.5" → `10,5 %` (da). */
  formatPercent(percent: string): string {
    // Intl formats numeric strings exactly; divide by 100 by moving the decimal point in the string.
    const [whole = '0', fraction = ''] = percent.split('.');
    const padded = whole.padStart(3, '0');
    const ratio = `${padded.slice(0, -2)}.${padded.slice(-2)}${fraction}`;
    return new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 4 }).format(
      ratio as unknown as number,
    );
  }

  formatNumber(value: number): string {
    return new Intl.NumberFormat(this.locale).format(value);
  }
}
