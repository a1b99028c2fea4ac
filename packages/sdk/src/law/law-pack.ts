import { addDecimals, addMoney, assertMoney, compareMoney, isDecimalString, percentOf, subtractMoney } from '../money/index.js';
import type { CurrencyCode, Money } from '../money/index.js';
import { assertIsoDate, halfYearStart, nextHalfYearStart, addYears } from '../calendar/index.js';
import type { IsoDate } from '../calendar/index.js';
import { CollectkitInputError } from '../errors.js';
import type {
  AllocationComponent,
  CollectionFeeRules,
  Confidence,
  CountryCode,
  Dated,
  DayCountConvention,
  DebtorType,
  InForce,
  InterestRateInForce,
  LawOverrides,
  LawPack,
  LawTables,
  NoticeRules,
  ReminderRules,
} from './types.js';

/**
 * The generic machinery of a law pack: dated lookup, overrides merged by validFrom, and the
 * calculations every jurisdiction shares. The data lives in dk.ts, se.ts, no.ts and fi.ts.
 */

export interface LawPackOptions {
  /** Replace or add table entries: an entry with the same validFrom replaces the built-in one, others are added. */
  readonly overrides?: LawOverrides;
  /**
   * Past the last known half-year (or in a gap of the rate table), use the last known rate instead of
   * throwing `law_data_missing`; the result is marked `assumed: true` with confidence 'low'.
   */
  readonly carryForwardLastRate?: boolean;
}

/**
 * RULES.md gives many rules as the law in force without saying since when. Such entries are dated from
 * 2023-01-01, the start of the oldest rate data in RULES.md: the earliest date the collected material
 * vouches for. A lookup before it throws `law_data_missing` instead of assuming the rule was older.
 */
export const UNDATED_RULES_FROM: IsoDate = '2023-01-01';

type TableKey = Exclude<keyof LawTables, 'legacyInterestMargin'>;

const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];
const DAY_COUNTS: readonly DayCountConvention[] = ['actual/365', 'actual/actual', '30/360'];
const COMPONENTS: readonly AllocationComponent[] = ['costs', 'interest', 'principal'];

/** What each table holds, for error messages; its keys are the tables an override may name. */
const TABLE_NAMES: Record<TableKey, string> = {
  reminders: 'reminder rule',
  notice: 'pre-collection notice rule',
  collectionFees: 'collection-fee cap',
  compensation: 'compensation amount',
  instalmentPlanFees: 'instalment-plan fee',
  interestRates: 'late-interest rate',
  dayCount: 'interest day-count convention',
  limitation: 'limitation period',
  allocationOrder: 'payment allocation order',
};

const isTableKey = (key: string): key is TableKey => Object.hasOwn(TABLE_NAMES, key);

export function assertDebtorType(value: unknown, field: string): DebtorType {
  if (value !== 'business' && value !== 'consumer') {
    throw new CollectkitInputError('invalid_argument', field, `expected 'business' or 'consumer', got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The entry in force on `asOf`: the one with the latest validFrom ≤ asOf. Before the first entry (or
 * in an empty table) the law is unknown to us, so this throws rather than guess.
 */
export function entryInForce<T>(
  table: readonly Dated<T>[],
  asOf: IsoDate,
  field: string,
  description: { readonly country: CountryCode; readonly what: string; readonly overrideKey: string },
): InForce<T> {
  let found: Dated<T> | undefined;
  for (const entry of table) {
    if (entry.validFrom <= asOf && (found === undefined || entry.validFrom > found.validFrom)) found = entry;
  }
  if (found === undefined) {
    const first = table.reduce<IsoDate | undefined>((min, e) => (min === undefined || e.validFrom < min ? e.validFrom : min), undefined);
    const known = first === undefined ? 'none is known' : `the first known entry is from ${first}`;
    throw new CollectkitInputError(
      'law_data_missing',
      field,
      `no ${description.what} known for ${description.country} on ${asOf} (${known}); supply it through overrides.${description.overrideKey}`,
    );
  }
  return { value: found.value, validFrom: found.validFrom, source: found.source, confidence: found.confidence };
}

/** Merges an override table into a built-in one: same validFrom replaces, other entries are added; sorted by date. */
export function mergeByValidFrom<T>(base: readonly Dated<T>[], override: readonly Dated<T>[] | undefined): readonly Dated<T>[] {
  if (override === undefined) return base;
  const byDate = new Map<IsoDate, Dated<T>>();
  for (const entry of base) byDate.set(entry.validFrom, entry);
  for (const entry of override) byDate.set(entry.validFrom, entry);
  return [...byDate.values()].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
}

/** Applies validated overrides to a country's built-in tables. */
export function applyOverrides(base: LawTables, overrides: LawOverrides | undefined, currency: CurrencyCode): LawTables {
  if (overrides === undefined) return base;
  validateOverrides(overrides, currency);
  const merged: Record<string, unknown> = { ...base };
  for (const key in TABLE_NAMES) {
    merged[key] = mergeByValidFrom<unknown>(base[key as TableKey], overrides[key as TableKey]);
  }
  if (overrides.legacyInterestMargin !== undefined) merged['legacyInterestMargin'] = overrides.legacyInterestMargin;
  return merged as unknown as LawTables;
}

/**
 * Checks overrides as untrusted input (they often come from configuration files): dates, sources,
 * confidences, decimal rates, and every Money in the pack's own currency.
 */
export function validateOverrides(overrides: unknown, currency: CurrencyCode): void {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new CollectkitInputError('invalid_argument', 'overrides', 'expected an object of law tables');
  }
  for (const [key, table] of Object.entries(overrides)) {
    const field = `overrides.${key}`;
    if (key === 'legacyInterestMargin') {
      if (table === undefined) continue;
      const legacy = table as Record<string, unknown>;
      assertIsoDate(legacy['claimsDueBefore'], `${field}.claimsDueBefore`);
      assertMargins(legacy['marginPercent'], `${field}.marginPercent`);
      assertSourceAndConfidence(legacy, field);
      continue;
    }
    if (!isTableKey(key)) {
      throw new CollectkitInputError('invalid_argument', field, `unknown law table; expected one of ${Object.keys(TABLE_NAMES).join(', ')}`);
    }
    if (table === undefined) continue;
    if (!Array.isArray(table)) throw new CollectkitInputError('invalid_argument', field, 'expected an array of dated entries');
    const seen = new Set<string>();
    table.forEach((entry: unknown, index) => {
      const at = `${field}.${index}`;
      if (typeof entry !== 'object' || entry === null) {
        throw new CollectkitInputError('invalid_argument', at, 'expected { validFrom, value, source, confidence }');
      }
      const dated = entry as Record<string, unknown>;
      const validFrom = assertIsoDate(dated['validFrom'], `${at}.validFrom`);
      if (seen.has(validFrom)) throw new CollectkitInputError('invalid_argument', `${at}.validFrom`, `two entries from ${validFrom}`);
      seen.add(validFrom);
      assertSourceAndConfidence(dated, at);
      if (dated['value'] === undefined) throw new CollectkitInputError('invalid_argument', `${at}.value`, 'missing value');
      assertMoneyInCurrency(dated['value'], `${at}.value`, currency);
      validateValue(key, dated['value'], `${at}.value`, validFrom);
    });
  }
}

function validateValue(key: TableKey, value: unknown, field: string, validFrom: IsoDate): void {
  const record = value as Record<string, unknown>;
  switch (key) {
    case 'interestRates': {
      // A rate period is a half-year (RULES.md §4): it must start on 1 Jan or 1 Jul.
      if (!validFrom.endsWith('-01-01') && !validFrom.endsWith('-07-01')) {
        throw new CollectkitInputError('invalid_argument', field.replace(/\.value$/, '.validFrom'), 'a rate period starts on 1 January or 1 July');
      }
      if (!isDecimalString(record['referencePercent'])) {
        throw new CollectkitInputError('invalid_argument', `${field}.referencePercent`, 'expected a decimal string such as "2.75"');
      }
      assertMargins(record['marginPercent'], `${field}.marginPercent`);
      return;
    }
    case 'dayCount':
      if (!(DAY_COUNTS as readonly unknown[]).includes(value)) {
        throw new CollectkitInputError('invalid_argument', field, `expected one of ${DAY_COUNTS.join(', ')}`);
      }
      return;
    case 'allocationOrder':
      if (!Array.isArray(value) || value.length === 0 || value.some((c) => !(COMPONENTS as readonly unknown[]).includes(c))) {
        throw new CollectkitInputError('invalid_argument', field, `expected a list of ${COMPONENTS.join(', ')}`);
      }
      return;
    case 'limitation': {
      const years = record['ordinaryYears'] as Record<string, unknown> | undefined;
      for (const who of ['business', 'consumer'] as const) {
        if (!isPositiveWhole(years?.[who])) {
          throw new CollectkitInputError('invalid_argument', `${field}.ordinaryYears.${who}`, 'expected a positive whole number of years');
        }
      }
      const instrument = record['instrumentYears'];
      if (instrument !== null && !isPositiveWhole(instrument)) {
        throw new CollectkitInputError('invalid_argument', `${field}.instrumentYears`, 'expected a positive whole number of years or null');
      }
      return;
    }
    case 'collectionFees':
      for (const who of ['business', 'consumer'] as const) {
        const rules = record[who] as Record<string, unknown> | undefined;
        if (!rules || !Array.isArray(rules['bands'])) {
          throw new CollectkitInputError('invalid_argument', `${field}.${who}.bands`, 'expected an array of bands');
        }
      }
      return;
    default:
      if (typeof value !== 'object' || value === null) {
        throw new CollectkitInputError('invalid_argument', field, 'expected an object');
      }
      return;
  }
}

const isPositiveWhole = (value: unknown): boolean => Number.isInteger(value) && (value as number) > 0;

function assertMargins(value: unknown, field: string): void {
  const margins = value as Record<string, unknown> | undefined;
  for (const who of ['business', 'consumer'] as const) {
    const m = margins?.[who];
    if (!isDecimalString(m) || m.startsWith('-')) {
      throw new CollectkitInputError('invalid_argument', `${field}.${who}`, 'expected a non-negative decimal string such as "8"');
    }
  }
}

function assertSourceAndConfidence(entry: Record<string, unknown>, field: string): void {
  const source = entry['source'] as Record<string, unknown> | undefined;
  if (typeof source?.['citation'] !== 'string' || source['citation'].trim() === '') {
    throw new CollectkitInputError('invalid_argument', `${field}.source.citation`, 'every law value needs its source (act and section)');
  }
  if (!(CONFIDENCES as readonly unknown[]).includes(entry['confidence'])) {
    throw new CollectkitInputError('invalid_argument', `${field}.confidence`, `expected one of ${CONFIDENCES.join(', ')}`);
  }
}

/** Every `{ amount, currency }` inside an override must be valid Money in the pack's currency. */
function assertMoneyInCurrency(value: unknown, field: string, currency: CurrencyCode): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertMoneyInCurrency(item, `${field}.${index}`, currency));
    return;
  }
  const record = value as Record<string, unknown>;
  if ('amount' in record && 'currency' in record) {
    const m = assertMoney(record, field);
    if (m.currency !== currency) {
      throw new CollectkitInputError('currency_mismatch', `${field}.currency`, `this law pack computes in ${currency}, got ${m.currency}`);
    }
    return;
  }
  for (const [key, inner] of Object.entries(record)) assertMoneyInCurrency(inner, `${field}.${key}`, currency);
}

/** Builds a law pack over finished tables (built-in data with overrides already applied). */
export function createLawPack(
  country: CountryCode,
  currency: CurrencyCode,
  tables: LawTables,
  options: { readonly carryForwardLastRate?: boolean } = {},
): LawPack {
  const carryForward = options.carryForwardLastRate === true;

  const lookup = <T>(key: TableKey, table: readonly Dated<T>[], asOf: unknown, field: string): InForce<T> =>
    entryInForce(table, assertIsoDate(asOf, field), field, { country, what: TABLE_NAMES[key], overrideKey: key });

  const reminderRules = (asOf: IsoDate, debtorType: DebtorType = 'consumer'): InForce<ReminderRules> => {
    const who = assertDebtorType(debtorType, 'debtorType');
    const entry = lookup('reminders', tables.reminders, asOf, 'asOf');
    return { ...entry, value: entry.value[who] };
  };

  const assertClaim = (claim: unknown): Money => {
    const m = assertMoney(claim, 'claim');
    if (m.currency !== currency) {
      throw new CollectkitInputError('currency_mismatch', 'claim.currency', `${country} caps are in ${currency}, got ${m.currency}`);
    }
    return m;
  };

  const collectionFeeCap = (claim: Money, asOf: IsoDate, debtorType: DebtorType = 'consumer'): Money => {
    const amount = assertClaim(claim);
    const who = assertDebtorType(debtorType, 'debtorType');
    const rules: CollectionFeeRules = lookup('collectionFees', tables.collectionFees, asOf, 'asOf').value[who];
    const band = rules.bands.find((b) => b.upTo === null || compareMoney(amount, b.upTo) <= 0);
    if (band === undefined) {
      throw new CollectkitInputError(
        'law_data_missing',
        'claim',
        `no collection-fee band known for ${country} ${who} debtors for this claim on ${asOf}; supply it through overrides.collectionFees`,
      );
    }
    let cap = band.maxFee;
    const excess = band.percentOfExcess;
    if (excess !== undefined && compareMoney(amount, excess.above) > 0) {
      // DK Bilag 1 to BEK 601/2002: 6,400 + 1 % of the part of the claim above DKK 500,000.
      cap = addMoney(cap, percentOf(subtractMoney(amount, excess.above), excess.percent));
    }
    return cap;
  };

  const interestRate = (date: IsoDate, debtorType: DebtorType, claimDueDate?: IsoDate): InterestRateInForce => {
    const day = assertIsoDate(date, 'date');
    const who = assertDebtorType(debtorType, 'debtorType');
    const dueDate = claimDueDate === undefined ? undefined : assertIsoDate(claimDueDate, 'claimDueDate');
    const periodStart = halfYearStart(day);
    const periodEnd = nextHalfYearStart(day);
    const table = tables.interestRates;
    const first = table[0];
    if (first === undefined || day < first.validFrom) {
      throw new CollectkitInputError(
        'law_data_missing',
        'date',
        `no late-interest rate known for ${country} before ${first?.validFrom ?? 'any date'}; supply it through overrides.interestRates`,
      );
    }
    // Each entry is one half-year period (RULES.md §4): a missing half-year is unknown, not "the previous rate".
    let entry = table.find((e) => e.validFrom === periodStart);
    let assumed = false;
    if (entry === undefined) {
      if (!carryForward) {
        throw new CollectkitInputError(
          'law_data_missing',
          'date',
          `no late-interest rate known for ${country} from ${periodStart}; supply it through overrides.interestRates`,
        );
      }
      entry = [...table].reverse().find((e) => e.validFrom <= day)!;
      assumed = true;
    }
    const legacy = tables.legacyInterestMargin;
    const useLegacy = legacy !== undefined && dueDate !== undefined && dueDate < legacy.claimsDueBefore;
    const marginPercent = useLegacy ? legacy.marginPercent[who] : entry.value.marginPercent[who];
    const referencePercent = entry.value.referencePercent;
    const baseNote = entry.source.note;
    const notes = [
      baseNote,
      useLegacy ? `margin ${marginPercent} for claims due before ${legacy.claimsDueBefore} (${legacy.source.citation})` : undefined,
      assumed ? `no rate known for ${periodStart}: carried forward from the period starting ${entry.validFrom}` : undefined,
    ].filter((n): n is string => n !== undefined);
    const confidence: Confidence = assumed ? 'low' : useLegacy ? weakest(entry.confidence, legacy.confidence) : entry.confidence;
    return {
      ratePercent: addDecimals(referencePercent, marginPercent),
      referencePercent,
      marginPercent,
      periodStart,
      periodEnd,
      source: { citation: entry.source.citation, ...(notes.length > 0 ? { note: notes.join('; ') } : {}) },
      confidence,
      ...(assumed ? { assumed: true } : {}),
    };
  };

  return {
    country,
    currency,
    tables,
    reminderFee: (asOf, debtorType) => reminderRules(asOf, debtorType).value.maxFee,
    reminderRules,
    noticeRules: (asOf): InForce<NoticeRules> => lookup('notice', tables.notice, asOf, 'asOf'),
    compensationFee: (debtorType, asOf) => {
      const who = assertDebtorType(debtorType, 'debtorType');
      return lookup('compensation', tables.compensation, asOf, 'asOf').value[who];
    },
    instalmentPlanFee: (debtorType, asOf) => {
      const who = assertDebtorType(debtorType, 'debtorType');
      return lookup('instalmentPlanFees', tables.instalmentPlanFees, asOf, 'asOf').value[who];
    },
    collectionFeeCap,
    interestRate,
    dayCount: (asOf) => lookup('dayCount', tables.dayCount, asOf, 'asOf').value,
    limitationDate: (dueDate, debtorType) => {
      const who = assertDebtorType(debtorType, 'debtorType');
      const rules = lookup('limitation', tables.limitation, dueDate, 'dueDate').value;
      // A period in years ends on the same calendar date; 29 Feb ends on 28 Feb (addYears takes the month's
      // last day), as in the Nordic rule for periods counted in months or years (cf. SE lag 1930:173).
      return addYears(dueDate, rules.ordinaryYears[who]);
    },
    allocationOrder: (asOf) => lookup('allocationOrder', tables.allocationOrder, asOf, 'asOf').value,
  };
}

function weakest(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCES[Math.max(CONFIDENCES.indexOf(a), CONFIDENCES.indexOf(b))]!;
}
