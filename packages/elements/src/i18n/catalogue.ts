import da from './da.js';
import en, { type Messages } from './en.js';
import fi from './fi.js';
import nb from './nb.js';
import sv from './sv.js';

export type { Messages };

/** The languages an element can speak. Norwegian `no` and `nn` are served by the bokmål catalogue. */
export type CatalogueLanguage = 'da' | 'sv' | 'nb' | 'fi' | 'en';

const CATALOGUES: Readonly<Record<CatalogueLanguage, Messages>> = { da, sv, nb, fi, en };

/**
 * The catalogue language for a BCP 47 tag: `da-DK` → da, `no`/`nn`/`nb-NO` → nb, `fi` → fi,
 * anything unknown or empty → en.
 */
export function catalogueLanguage(tag: string | null | undefined): CatalogueLanguage {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'no' || primary === 'nn' || primary === 'nb') return 'nb';
  return primary === 'da' || primary === 'sv' || primary === 'fi' ? primary : 'en';
}

export function catalogueFor(language: CatalogueLanguage): Messages {
  return CATALOGUES[language];
}

/**
 * The locale Intl formats with: the tag itself when it is one of our languages and Intl knows it
 * (so `en-GB` keeps day-first dates, `sv-FI` keeps Swedish), otherwise the catalogue language, so
 * that numbers never come out in a language the labels are not in.
 */
export function intlLocale(tag: string | null | undefined, language: CatalogueLanguage): string {
  const cleaned = (tag ?? '').trim().replace(/_/g, '-');
  const primary = cleaned.toLowerCase().split('-')[0];
  if (primary !== language) return language; // unknown languages, and no/nn (formatted as nb)
  try {
    return Intl.NumberFormat.supportedLocalesOf([cleaned]).length > 0 ? cleaned : language;
  } catch {
    return language; // a malformed tag such as "en--x"
  }
}
