import en, { type Messages } from './en.js';

export type { Messages };

/** The languages an element can speak. Norwegian `no` and `nn` are served by the bokmål catalogue. */
export type CatalogueLanguage = 'da' | 'sv' | 'nb' | 'fi' | 'en';

/**
 * English is bundled; the other four are loaded when an element first needs one, as modules of their
 * own (in the embed bundle: `collect-da-<hash>.js` etc. beside collect.js, resolved from its URL), so
 * that a page downloads the one language it speaks.
 */
const IMPORTS: Readonly<Record<Exclude<CatalogueLanguage, 'en'>, () => Promise<{ default: Messages }>>> = {
  da: () => import('./da.js'),
  sv: () => import('./sv.js'),
  nb: () => import('./nb.js'),
  fi: () => import('./fi.js'),
};
const loaded: Partial<Record<CatalogueLanguage, Messages>> = { en };
const loading = new Map<CatalogueLanguage, Promise<Messages>>();

/**
 * The catalogue language for a BCP 47 tag: `da-DK` → da, `no`/`nn`/`nb-NO` → nb, `fi` → fi,
 * anything unknown or empty → en.
 */
export function catalogueLanguage(tag: string | null | undefined): CatalogueLanguage {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'no' || primary === 'nn' || primary === 'nb') return 'nb';
  return primary === 'da' || primary === 'sv' || primary === 'fi' ? primary : 'en';
}

/** The catalogue of `language` once loaded (see `loadCatalogue`); English until then. */
export function catalogueFor(language: CatalogueLanguage): Messages {
  return loaded[language] ?? en;
}

/** True when `catalogueFor(language)` answers in that language (English always is). */
export function isCatalogueLoaded(language: CatalogueLanguage): boolean {
  return loaded[language] !== undefined;
}

/**
 * Loads a catalogue once (later calls share the first's promise). A catalogue that cannot be loaded
 * (its file missing or blocked) is replaced by English, with one warning: the element still works.
 */
export function loadCatalogue(language: CatalogueLanguage): Promise<Messages> {
  const ready = loaded[language];
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(language);
  if (!pending) {
    pending = IMPORTS[language as Exclude<CatalogueLanguage, 'en'>]().then(
      (module) => (loaded[language] = module.default),
      (error: unknown) => {
        console.warn(`[collectkit] the ${language} catalogue could not be loaded; showing English: ${(error as Error)?.message ?? String(error)}`);
        return (loaded[language] = en);
      },
    );
    loading.set(language, pending);
  }
  return pending;
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
