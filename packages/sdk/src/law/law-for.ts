import type { CurrencyCode } from '../money/index.js';
import { CollectkitInputError } from '../errors.js';
import { DK_LAW } from './dk.js';
import { FI_LAW } from './fi.js';
import { applyOverrides, createLawPack, type LawPackOptions } from './law-pack.js';
import { NO_LAW } from './no.js';
import { SE_LAW } from './se.js';
import { COUNTRY_CODES, type CountryCode, type LawPack, type LawTables } from './types.js';

const BUILT_IN: Record<CountryCode, { readonly currency: CurrencyCode; readonly tables: LawTables }> = {
  DK: { currency: 'DKK', tables: DK_LAW },
  SE: { currency: 'SEK', tables: SE_LAW },
  NO: { currency: 'NOK', tables: NO_LAW },
  FI: { currency: 'EUR', tables: FI_LAW },
};

/** Packs without overrides are pure data: built once per country and carry-forward setting. */
const memo = new Map<string, LawPack>();

/**
 * The law pack of a jurisdiction: its dated statutory tables and the lookups on them.
 *
 * `overrides` replace built-in entries with the same validFrom and add the others (e.g. a confirmed
 * 2026 H2 interest rate, the NO collection-fee table); `carryForwardLastRate` lets interest past the
 * last known half-year use the last known rate, marked `assumed`.
 */
export function lawFor(country: CountryCode, options: LawPackOptions = {}): LawPack {
  if (!(COUNTRY_CODES as readonly unknown[]).includes(country)) {
    throw new CollectkitInputError(
      'unsupported_country',
      'country',
      `expected one of ${COUNTRY_CODES.join(', ')}, got ${JSON.stringify(country)}`,
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw new CollectkitInputError('invalid_argument', 'options', 'expected { overrides?, carryForwardLastRate? }');
  }
  const carryForwardLastRate = options.carryForwardLastRate === true;
  const { currency, tables } = BUILT_IN[country];
  if (options.overrides === undefined) {
    const key = `${country}:${carryForwardLastRate}`;
    let pack = memo.get(key);
    if (pack === undefined) {
      pack = createLawPack(country, currency, tables, { carryForwardLastRate });
      memo.set(key, pack);
    }
    return pack;
  }
  return createLawPack(country, currency, applyOverrides(tables, options.overrides, currency), { carryForwardLastRate });
}
