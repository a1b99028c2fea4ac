import { assertIsoDate, daysBetween, isLeapYear, minDate, nextHalfYearStart, parseIsoDate, yearOf } from '../calendar/index.js';
import type { IsoDate } from '../calendar/index.js';
import { CollectkitInputError } from '../errors.js';
import { assertDebtorType } from '../law/law-pack.js';
import { lawFor } from '../law/law-for.js';
import type { CountryCode, DayCountConvention, DebtorType, LawPack } from '../law/types.js';
import { assertMoney, divideHalfUp, parseDecimal, sumMoney } from '../money/index.js';
import type { DecimalString, Money } from '../money/index.js';

/**
 * Statutory late-payment interest: simple interest (no interest on interest) on the principal, split at
 * every 1 January and 1 July because the rate is fixed per half-year (RULES.md §4), and at every change of
 * the principal. Each part is computed exactly on integers and rounded half up to the minor unit once;
 * the total is the sum of the rounded parts, so a statement listing the parts adds up.
 */

export interface InterestPeriod {
  /** First day of interest, inclusive. */
  readonly from: IsoDate;
  /** End of the part, exclusive: interest runs for the days from `from` up to but not including `to`. */
  readonly to: IsoDate;
  /** Calendar days `to − from`. */
  readonly days: number;
  /** The principal interest ran on. */
  readonly principal: Money;
  /** Total yearly rate in percent (reference + margin). */
  readonly ratePercent: DecimalString;
  readonly dayCount: DayCountConvention;
  /** Days counted by the convention (equals `days` except under 30/360). */
  readonly accrualDays: number;
  /** The year length the convention divides by: 365, 366 or 360. */
  readonly yearDays: number;
  /** principal × rate × accrualDays / yearDays, rounded half up to the minor unit. */
  readonly amount: Money;
  /** Present and true when the rate was carried forward past the known table (see `carryForwardLastRate`). */
  readonly assumed?: boolean;
}

export interface InterestAccrual {
  readonly total: Money;
  readonly periods: readonly InterestPeriod[];
}

export interface AccrueInterestInput {
  readonly principal: Money;
  /** First day interest runs (usually the day after the due date, or 30 days after a demand: renteloven § 3). */
  readonly from: IsoDate;
  /** Exclusive end: interest up to and including the day before `to`. */
  readonly to: IsoDate;
  readonly country: CountryCode;
  readonly debtorType: DebtorType;
  /** A pack built with overrides or carryForwardLastRate; defaults to `lawFor(country)`. */
  readonly law?: LawPack;
  /** The claim's due date, for rules that depend on it (DK: margin 7 for claims due before 2013-03-01). */
  readonly claimDueDate?: IsoDate;
}

export interface PrincipalBalance {
  /** The date from which this principal is outstanding (e.g. the day a part payment was booked). */
  readonly from: IsoDate;
  readonly principal: Money;
}

export interface AccrueInterestOnBalancesInput {
  /** Principal outstanding from each date on, in ascending order of `from`; all in one currency. */
  readonly balances: readonly PrincipalBalance[];
  readonly to: IsoDate;
  readonly country: CountryCode;
  readonly debtorType: DebtorType;
  readonly law?: LawPack;
  readonly claimDueDate?: IsoDate;
}

/** Late interest on a constant principal over [from, to). */
export function accrueInterest(input: AccrueInterestInput): InterestAccrual {
  if (typeof input !== 'object' || input === null) {
    throw new CollectkitInputError('invalid_argument', 'input', 'expected { principal, from, to, country, debtorType }');
  }
  const principal = assertMoney(input.principal, 'principal');
  const from = assertIsoDate(input.from, 'from');
  const to = assertIsoDate(input.to, 'to');
  if (from > to) throw new CollectkitInputError('invalid_range', 'to', `must not be before from (${from}), got ${to}`);
  const context = resolveContext(input);
  const periods = accrueSegment(principal, from, to, context);
  return { total: sumMoney(periods.map((p) => p.amount), principal.currency), periods };
}

/**
 * Late interest on a principal that changes at given dates (after part payments or added principal):
 * each balance runs from its `from` to the next balance's `from` (the last one to `to`).
 */
export function accrueInterestOnBalances(input: AccrueInterestOnBalancesInput): InterestAccrual {
  if (typeof input !== 'object' || input === null) {
    throw new CollectkitInputError('invalid_argument', 'input', 'expected { balances, to, country, debtorType }');
  }
  const to = assertIsoDate(input.to, 'to');
  if (!Array.isArray(input.balances) || input.balances.length === 0) {
    throw new CollectkitInputError('invalid_argument', 'balances', 'expected at least one { from, principal }');
  }
  const balances = input.balances.map((b: unknown, index) => {
    if (typeof b !== 'object' || b === null) {
      throw new CollectkitInputError('invalid_argument', `balances.${index}`, 'expected { from, principal }');
    }
    const balance = b as Partial<PrincipalBalance>;
    return {
      from: assertIsoDate(balance.from, `balances.${index}.from`),
      principal: assertMoney(balance.principal, `balances.${index}.principal`),
    };
  });
  const currency = balances[0]!.principal.currency;
  balances.forEach((b, index) => {
    if (b.principal.currency !== currency) {
      throw new CollectkitInputError('currency_mismatch', `balances.${index}.principal.currency`, `expected ${currency}, got ${b.principal.currency}`);
    }
    const previous = balances[index - 1];
    if (previous !== undefined && b.from <= previous.from) {
      throw new CollectkitInputError('invalid_range', `balances.${index}.from`, `must be after ${previous.from}, got ${b.from}`);
    }
    if (b.from > to) throw new CollectkitInputError('invalid_range', `balances.${index}.from`, `must not be after to (${to}), got ${b.from}`);
  });
  const context = resolveContext(input);
  const periods = balances.flatMap((b, index) => accrueSegment(b.principal, b.from, balances[index + 1]?.from ?? to, context));
  return { total: sumMoney(periods.map((p) => p.amount), currency), periods };
}

interface AccrualContext {
  readonly law: LawPack;
  readonly debtorType: DebtorType;
  readonly claimDueDate: IsoDate | undefined;
}

function resolveContext(input: {
  readonly country: CountryCode;
  readonly debtorType: DebtorType;
  readonly law?: LawPack;
  readonly claimDueDate?: IsoDate;
}): AccrualContext {
  const debtorType = assertDebtorType(input.debtorType, 'debtorType');
  const claimDueDate = input.claimDueDate === undefined ? undefined : assertIsoDate(input.claimDueDate, 'claimDueDate');
  let law: LawPack;
  if (input.law === undefined) {
    law = lawFor(input.country);
  } else {
    law = input.law;
    if (typeof law !== 'object' || law === null || typeof law.interestRate !== 'function') {
      throw new CollectkitInputError('invalid_argument', 'law', 'expected a LawPack from lawFor()');
    }
    if (law.country !== input.country) {
      throw new CollectkitInputError('invalid_argument', 'law', `the pack is for ${law.country}, the claim for ${String(input.country)}`);
    }
  }
  return { law, debtorType, claimDueDate };
}

/** Splits [from, to) at each 1 Jan / 1 Jul and computes each part with its period's rate. */
function accrueSegment(principal: Money, from: IsoDate, to: IsoDate, context: AccrualContext): InterestPeriod[] {
  const periods: InterestPeriod[] = [];
  let start = from;
  while (start < to) {
    const end = minDate(nextHalfYearStart(start), to);
    const rate = context.law.interestRate(start, context.debtorType, context.claimDueDate);
    const dayCount = context.law.dayCount(start);
    const { accrualDays, yearDays } = dayFraction(start, end, dayCount);
    const { amount: rateUnits, scale } = parseDecimal(rate.ratePercent, 'ratePercent');
    if (rateUnits < 0) {
      throw new CollectkitInputError('invalid_argument', 'law', `negative late-interest rate ${rate.ratePercent} % from ${start}`);
    }
    // principal × (rateUnits / 10^scale / 100) × accrualDays / yearDays, on integers, rounded once.
    const minorUnits = divideHalfUp(
      BigInt(principal.amount) * BigInt(rateUnits) * BigInt(accrualDays),
      10n ** BigInt(scale + 2) * BigInt(yearDays),
    );
    periods.push({
      from: start,
      to: end,
      days: daysBetween(start, end),
      principal,
      ratePercent: rate.ratePercent,
      dayCount,
      accrualDays,
      yearDays,
      amount: assertMoney({ amount: Number(minorUnits), currency: principal.currency }, 'amount'),
      ...(rate.assumed === true ? { assumed: true } : {}),
    });
    start = end;
  }
  return periods;
}

/**
 * The day fraction of a part [from, to) that lies within one half-year (hence within one calendar year):
 * - actual/365: actual days / 365, also in leap years;
 * - actual/actual: actual days / 366 when the part lies in a leap year, else / 365 (NO: 1/366 per day);
 * - 30/360: the 30E/360 (Eurobond) convention: every month has 30 days, a 31st counts as the 30th at both
 *   ends; the year has 360 days. Chosen over US 30/360 because it has no special February rule and is
 *   additive: days(a, c) = days(a, b) + days(b, c).
 */
export function dayFraction(from: IsoDate, to: IsoDate, convention: DayCountConvention): { accrualDays: number; yearDays: number } {
  switch (convention) {
    case 'actual/365':
      return { accrualDays: daysBetween(from, to), yearDays: 365 };
    case 'actual/actual':
      return { accrualDays: daysBetween(from, to), yearDays: isLeapYear(yearOf(from)) ? 366 : 365 };
    case '30/360':
      return { accrualDays: thirtyE360Serial(to) - thirtyE360Serial(from), yearDays: 360 };
    default:
      throw new CollectkitInputError('invalid_argument', 'dayCount', `unknown day-count convention ${JSON.stringify(convention)}`);
  }
}

function thirtyE360Serial(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date, 'date');
  return year * 360 + (month - 1) * 30 + Math.min(day, 30);
}
