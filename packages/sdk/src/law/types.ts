import type { IsoDate } from '../calendar/index.js';
import type { CurrencyCode, DecimalString, Money } from '../money/index.js';

/**
 * The shape of a law pack: statutory rules of one jurisdiction as dated data (DESIGN.md §3.3).
 * Every value carries `validFrom`, its source (act and section) and a confidence; a calculation
 * picks the entry in force on its explicit `asOf` date. Values of low confidence can be replaced
 * through `LawOverrides` without touching code.
 */

export type CountryCode = 'DK' | 'SE' | 'NO' | 'FI';
export const COUNTRY_CODES: readonly CountryCode[] = ['DK', 'SE', 'NO', 'FI'];

export type DebtorType = 'business' | 'consumer';

/** H/M/L of shared/domain/RULES.md: how sure we are that the value is the law in force. */
export type Confidence = 'high' | 'medium' | 'low';

export interface LegalSource {
  /** e.g. "renteloven § 9 b, stk. 1" or "Lag (1981:739) 4 §" */
  readonly citation: string;
  /** Why the value is uncertain, or how it was derived. */
  readonly note?: string;
}

/** One dated entry of a law table. The entry in force on a date is the latest with validFrom ≤ date. */
export interface Dated<T> {
  readonly validFrom: IsoDate;
  readonly value: T;
  readonly source: LegalSource;
  readonly confidence: Confidence;
}

/** A value as looked up for a date, with where it came from. */
export interface InForce<T> {
  readonly value: T;
  readonly validFrom: IsoDate;
  readonly source: LegalSource;
  readonly confidence: Confidence;
}

export interface ReminderRules {
  /** Highest fee per reminder letter; null where none may be charged. */
  readonly maxFee: Money | null;
  /** How many reminders for the same claim may carry a fee; null where the law sets no cap. */
  readonly maxFeeBearingReminders: number | null;
  /** Minimum days between two fee-bearing reminders; null where none is set. */
  readonly minDaysBetweenFeeBearing: number | null;
  /** Earliest day after the due date a (fee-bearing) reminder may be sent; null where none is set. */
  readonly earliestDaysAfterDue: number | null;
  /** True where a fee may be charged only if agreed when the debt arose (SE). */
  readonly feeRequiresPriorAgreement: boolean;
}

export interface NoticeRules {
  /** Pre-collection notice (DK inkassovarsel, SE inkassokrav, NO inkassovarsel): minimum days to pay from sending. */
  readonly minDaysToPay: number;
  /** Whether the notice may be combined with the first reminder (DK inkassoloven § 10). */
  readonly mayCombineWithReminder: boolean;
  /** Maximum fee for the notice itself, where the law sets one; null where none. */
  readonly maxFee: Money | null;
}

/** A collection-fee cap band: claims with principal ≤ `upTo` (null = no upper bound). */
export interface CollectionFeeBand {
  readonly upTo: Money | null;
  readonly maxFee: Money;
  /** Percent added of the part above `percentAbove` (DK: 1 % above DKK 500,000). */
  readonly percentOfExcess?: { readonly percent: DecimalString; readonly above: Money };
}

export interface CollectionFeeRules {
  readonly bands: readonly CollectionFeeBand[];
  /** B2B creditors may exceed the cap with documented reasonable costs (DK). */
  readonly businessMayExceedWithDocumentedCosts: boolean;
}

/** The late-interest rate of one half-year period: reference rate + margin. */
export interface InterestRateEntry {
  readonly referencePercent: DecimalString;
  readonly marginPercent: { readonly business: DecimalString; readonly consumer: DecimalString };
}

/**
 * How days are counted for interest:
 * - `actual/365`: actual days, year of 365 (DK, SE, FI common practice)
 * - `actual/actual`: actual days, year of 366 in leap years (NO: 1/366 per day in leap years)
 * - `30/360`: months of 30 days, year of 360 (seen in DK practice)
 */
export type DayCountConvention = 'actual/365' | 'actual/actual' | '30/360';

export interface LimitationRules {
  /** Years from the due date until an ordinary claim is time-barred. */
  readonly ordinaryYears: { readonly business: number; readonly consumer: number };
  /**
   * Years for debt instruments, acknowledgments, settlements and judgments; null where RULES.md has no
   * confirmed value (FI), so that no caller computes with a guessed period.
   */
  readonly instrumentYears: number | null;
}

export type AllocationComponent = 'costs' | 'interest' | 'principal';

/** The tables a law pack is built from; `LawOverrides` replace or add entries by validFrom. */
export interface LawTables {
  readonly reminders: readonly Dated<{ readonly business: ReminderRules; readonly consumer: ReminderRules }>[];
  readonly notice: readonly Dated<NoticeRules>[];
  readonly collectionFees: readonly Dated<{ readonly business: CollectionFeeRules; readonly consumer: CollectionFeeRules }>[];
  /** Fixed compensation per late invoice, B2B (DK kompensationsbeløb, SE förseningsersättning, …); null where none. */
  readonly compensation: readonly Dated<{ readonly business: Money | null; readonly consumer: Money | null }>[];
  /**
   * The fee the debtor may be charged for setting up an instalment plan (SE amorteringsplan, Lag 1981:739 4 §);
   * null where the law gives none or RULES.md names none (DK, NO, FI): no fee is charged, never a guess.
   */
  readonly instalmentPlanFees: readonly Dated<{ readonly business: Money | null; readonly consumer: Money | null }>[];
  /** Half-year rate periods, each valid from 1 Jan or 1 Jul. */
  readonly interestRates: readonly Dated<InterestRateEntry>[];
  readonly dayCount: readonly Dated<DayCountConvention>[];
  readonly limitation: readonly Dated<LimitationRules>[];
  readonly allocationOrder: readonly Dated<readonly AllocationComponent[]>[];
  /**
   * A different interest margin for claims that fell due before a cut-off date (DK: + 7 instead of + 8
   * for claims due before 1 Mar 2013, renteloven § 5). Applied by `interestRate(date, debtorType, claimDueDate)`.
   */
  readonly legacyInterestMargin?: LegacyInterestMargin;
}

export interface LegacyInterestMargin {
  /** Claims with a due date strictly before this date use `marginPercent` instead of the table's margin. */
  readonly claimsDueBefore: IsoDate;
  readonly marginPercent: { readonly business: DecimalString; readonly consumer: DecimalString };
  readonly source: LegalSource;
  readonly confidence: Confidence;
}

export type LawOverrides = Partial<LawTables>;

export interface InterestRateInForce {
  /** Total late-interest rate in percent a year: reference + margin. */
  readonly ratePercent: DecimalString;
  readonly referencePercent: DecimalString;
  readonly marginPercent: DecimalString;
  /** The half-year period the rate applies to: [periodStart, periodEnd). */
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly source: LegalSource;
  readonly confidence: Confidence;
  /**
   * True when no rate is known for the period and the pack was built with `carryForwardLastRate`:
   * the last known rate was used instead (confidence is then 'low').
   */
  readonly assumed?: boolean;
}

export interface LawPack {
  readonly country: CountryCode;
  readonly currency: CurrencyCode;
  /** The raw tables with overrides applied, for documentation and audits. */
  readonly tables: LawTables;

  /**
   * Highest fee per reminder letter on `asOf`; null where none may be charged. Where `debtorType` is optional
   * here and below it defaults to 'consumer', the stricter rules.
   */
  reminderFee(asOf: IsoDate, debtorType?: DebtorType): Money | null;
  reminderRules(asOf: IsoDate, debtorType?: DebtorType): InForce<ReminderRules>;
  noticeRules(asOf: IsoDate): InForce<NoticeRules>;
  /** Fixed B2B compensation per late invoice, or null where the law gives none (e.g. to consumers). */
  compensationFee(debtorType: DebtorType, asOf: IsoDate): Money | null;
  /** The statutory fee for an agreed instalment plan, or null where the law (as far as the tables know) gives none. */
  instalmentPlanFee(debtorType: DebtorType, asOf: IsoDate): Money | null;
  /** Highest collection fee (ex VAT) for a claim of this size on `asOf`. */
  collectionFeeCap(claim: Money, asOf: IsoDate, debtorType?: DebtorType): Money;
  /**
   * The late-interest rate in force on `date`, with its half-year period. Throws `law_data_missing` past the
   * table (unless the pack carries the last rate forward). `claimDueDate` selects the legacy margin where the
   * pack has one (DK: claims due before 2013-03-01 use + 7); without it the current margin applies.
   */
  interestRate(date: IsoDate, debtorType: DebtorType, claimDueDate?: IsoDate): InterestRateInForce;
  dayCount(asOf: IsoDate): DayCountConvention;
  /** The date an ordinary claim falling due on `dueDate` becomes time-barred. */
  limitationDate(dueDate: IsoDate, debtorType: DebtorType): IsoDate;
  allocationOrder(asOf: IsoDate): readonly AllocationComponent[];
}
