import { divideHalfUp, money, type Money } from '../money/index.js';
import { UNDATED_RULES_FROM } from './law-pack.js';
import type { Confidence, Dated, InterestRateEntry, LawTables, NoticeRules, ReminderRules } from './types.js';

/**
 * Norway: statutory dunning and collection rules as dated data, from shared/domain/RULES.md.
 * The reminder and notice fees are fractions of the inkassosats, so the inkassosats is kept as its own
 * dated table and the fee tables are derived from it: a new sats changes every fee on the same date.
 */

const nok = (kroner: number): Money => money(kroner * 100, 'NOK');

/** Inkassosatsen, the unit the inkassoforskriften fees are expressed in (RULES.md §1). */
export const NO_INKASSOSATS: readonly Dated<Money>[] = [
  {
    validFrom: '2025-01-01',
    value: nok(700),
    source: { citation: 'inkassoforskriften (inkassosatsen); RULES.md §1: NOK 700 in 2025' },
    confidence: 'high',
  },
  {
    validFrom: '2026-01-01',
    value: nok(750),
    source: { citation: 'inkassoforskriften (inkassosatsen); RULES.md §1: NOK 750 from 1 Jan 2026' }, // not confirmed (L)
    confidence: 'low',
  },
];

/** `numerator/denominator` of the inkassosats, rounded half up to the øre. */
function fractionOfSats(sats: Money, numerator: number, denominator: number): Money {
  return money(Number(divideHalfUp(BigInt(sats.amount) * BigInt(numerator), BigInt(denominator))), sats.currency);
}

function weakest(a: Confidence, b: Confidence): Confidence {
  const order: readonly Confidence[] = ['high', 'medium', 'low'];
  return order[Math.max(order.indexOf(a), order.indexOf(b))]!;
}

// inkassoforskriften §§ 1-1 to 1-3: purregebyr = 1/20 of the inkassosats; the first reminder at the earliest
// 14 days after the due date; at most 2 fee-bearing reminders (+ 1 betalingsoppfordring, 3/20). RULES.md gives
// no minimum spacing between reminders, so that is null. The same rules are used for business and consumer debtors.
const REMINDERS: readonly Dated<{ readonly business: ReminderRules; readonly consumer: ReminderRules }>[] = NO_INKASSOSATS.map(
  (sats) => {
    const rules: ReminderRules = {
      maxFee: fractionOfSats(sats.value, 1, 20),
      maxFeeBearingReminders: 2,
      minDaysBetweenFeeBearing: null,
      earliestDaysAfterDue: 14,
      feeRequiresPriorAgreement: false,
    };
    return {
      validFrom: sats.validFrom,
      value: { business: rules, consumer: rules },
      source: { citation: 'inkassoforskriften §§ 1-1 to 1-3 (purregebyr = 1/20 of the inkassosats)' },
      confidence: sats.confidence,
    };
  },
);

// inkassoloven § 9: the inkassovarsel gives at least 14 days (M-H). RULES.md lists an inkassovarsel fee of 1/20
// of the inkassosats (in the sequence 1 reminder + 1 inkassovarsel + 1 betalingsoppfordring).
const NOTICE: readonly Dated<NoticeRules>[] = NO_INKASSOSATS.map((sats) => ({
  validFrom: sats.validFrom,
  value: { minDaysToPay: 14, mayCombineWithReminder: false, maxFee: fractionOfSats(sats.value, 1, 20) },
  source: { citation: 'inkassoloven § 9; inkassoforskriften §§ 1-1 to 1-3 (1/20 of the inkassosats)' }, // RULES.md marks the 14 days M-H
  confidence: weakest('medium', sats.confidence),
}));

function rate(validFrom: string, totalPercent: string, confidence: Confidence): Dated<InterestRateEntry> {
  return {
    validFrom,
    // Finansdepartementet sets the total rate per half-year: it is the reference, with no margin on top.
    value: { referencePercent: totalPercent, marginPercent: { business: '0', consumer: '0' } },
    source: { citation: 'forsinkelsesrenteloven § 3 (rate set by Finansdepartementet per half-year)' },
    confidence,
  };
}

export const NO_LAW: LawTables = {
  reminders: REMINDERS,
  notice: NOTICE,
  // The table of maximum collection fees (inkassoforskriften, in multiples of the inkassosats) is not in
  // RULES.md: no bands are given here, so collectionFeeCap throws law_data_missing for NO until
  // overrides.collectionFees supplies them.
  collectionFees: [],
  compensation: [
    {
      validFrom: '2025-01-01',
      value: { business: nok(470), consumer: null },
      // RULES.md gives NOK 470 for 2025 H1 (H); 2025 H2 not separately confirmed.
      source: { citation: 'forsinkelsesrenteloven § 3a (standard compensation, B2B)' },
      confidence: 'high',
    },
    {
      validFrom: '2026-01-01',
      value: { business: nok(460), consumer: null },
      source: { citation: 'forsinkelsesrenteloven § 3a (standard compensation, B2B)' }, // RULES.md: NOK 460 for 2026 H1 (M)
      confidence: 'medium',
    },
  ],
  // Only the half-years RULES.md lists; 2024 H2 and 2025 H2 are unknown and throw law_data_missing.
  instalmentPlanFees: [
    {
      validFrom: UNDATED_RULES_FROM,
      // No fee for an instalment plan: RULES.md (§1–3) names none for NO (inkassoforskriften names reminder and collection fees, but no plan fee). Null, so none
      // is charged; an agency that confirms one supplies it through overrides.instalmentPlanFees.
      value: { business: null, consumer: null },
      source: { citation: 'none found (RULES.md §3 names no instalment-plan fee for NO)', note: 'no plan fee in the collected sources; not confirmed that none may be charged' },
      confidence: 'low',
    },
  ],
  interestRates: [rate('2024-01-01', '12.5', 'high'), rate('2025-01-01', '12.5', 'high'), rate('2026-01-01', '12.00', 'medium')],
  dayCount: [
    {
      validFrom: UNDATED_RULES_FROM,
      // A day's interest is 1/365 of the yearly rate, 1/366 in leap years.
      value: 'actual/actual',
      // RULES.md §4 states it without a confidence mark; in-force date not in RULES.md.
      source: { citation: 'forsinkelsesrenteloven § 3' },
      confidence: 'medium',
    },
  ],
  limitation: [
    {
      // validFrom: the in-force date of foreldelsesloven (lov 18. mai 1979 nr. 18), not given in RULES.md.
      validFrom: '1980-01-01',
      value: { ordinaryYears: { business: 3, consumer: 3 }, instrumentYears: 10 },
      source: { citation: 'foreldelsesloven § 2 (3 years), § 3 (10 years for debt instruments)' },
      confidence: 'high',
    },
  ],
  allocationOrder: [
    {
      validFrom: UNDATED_RULES_FROM,
      value: ['costs', 'interest', 'principal'],
      source: { citation: 'no statutory order confirmed (RULES.md §5); common practice' }, // overridable per agreement
      confidence: 'low',
    },
  ],
};
