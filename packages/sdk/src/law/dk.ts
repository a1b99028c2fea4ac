import { money, type Money } from '../money/index.js';
import { UNDATED_RULES_FROM } from './law-pack.js';
import type { CollectionFeeRules, InterestRateEntry, LawTables, ReminderRules, Dated, Confidence } from './types.js';

/**
 * Denmark: statutory dunning and collection rules as dated data, from shared/domain/RULES.md.
 * Entries whose in-force date RULES.md does not give are dated UNDATED_RULES_FROM (see law-pack.ts).
 */

const dkk = (kroner: number): Money => money(kroner * 100, 'DKK');

// renteloven § 9 b stk. 1–2: at most DKK 100 per reminder, fees on at most 3 letters, ≥ 10 days apart. H
const REMINDERS: ReminderRules = {
  maxFee: dkk(100),
  maxFeeBearingReminders: 3,
  minDaysBetweenFeeBearing: 10,
  earliestDaysAfterDue: null, // RULES.md gives no earliest day for the first reminder
  feeRequiresPriorAgreement: false,
};

/**
 * Bilag 1 to BEK 601/2002 as amended by BEK 476/2016 (in force 2016-07-01): highest collection fee ex VAT
 * by claim size. H for the 2016 table. Claim size = principal incl. VAT (+ interest and agreed fees due
 * before the due date, not late interest); callers pass it.
 */
function feeTable2016(businessMayExceedWithDocumentedCosts: boolean): CollectionFeeRules {
  return {
    bands: [
      { upTo: dkk(1_000), maxFee: dkk(400) },
      { upTo: dkk(2_500), maxFee: dkk(700) },
      { upTo: dkk(5_000), maxFee: dkk(1_000) },
      { upTo: dkk(10_000), maxFee: dkk(1_300) },
      { upTo: dkk(25_000), maxFee: dkk(1_700) },
      { upTo: dkk(50_000), maxFee: dkk(2_250) },
      { upTo: dkk(100_000), maxFee: dkk(2_850) },
      { upTo: dkk(250_000), maxFee: dkk(3_850) },
      { upTo: dkk(500_000), maxFee: dkk(6_400) },
      // above DKK 500,000: 6,400 + 1 % of the part above 500,000
      { upTo: null, maxFee: dkk(6_400), percentOfExcess: { percent: '1', above: dkk(500_000) } },
    ],
    businessMayExceedWithDocumentedCosts,
  };
}

const RENTELOVEN_5 = 'renteloven § 5 stk. 1 (Nationalbankens udlånsrente + 8 procentpoint)';

/**
 * Half-year late-interest rates. RULES.md gives the totals (in the comment beside each entry; dk.test.ts checks
 * them); the reference (Nationalbankens udlånsrente on 1 Jan / 1 Jul) is derived as total − 8. Confidence as
 * RULES.md marks each half-year.
 */
function rate(validFrom: string, referencePercent: string, confidence: Confidence): Dated<InterestRateEntry> {
  return {
    validFrom,
    value: { referencePercent, marginPercent: { business: '8', consumer: '8' } },
    source: { citation: RENTELOVEN_5 },
    confidence,
  };
}

export const DK_LAW: LawTables = {
  reminders: [
    {
      validFrom: UNDATED_RULES_FROM,
      value: { business: REMINDERS, consumer: REMINDERS },
      // In-force date not in RULES.md. No fee on reminders 2 and 3 once the claim is disputed
      // (Forbrugerombudsmanden 2011, M) is not modelled here.
      source: { citation: 'renteloven § 9 b stk. 1–2' },
      confidence: 'high',
    },
  ],
  notice: [
    {
      validFrom: UNDATED_RULES_FROM,
      // inkassoloven § 10: ≥ 10 days from sending, may be combined with reminder 1. The notice itself has no
      // separate statutory fee (a combined letter carries the reminder fee). § 11: exception where the claim is at risk.
      value: { minDaysToPay: 10, mayCombineWithReminder: true, maxFee: null },
      source: { citation: 'inkassoloven § 10' }, // in-force date not in RULES.md
      confidence: 'high',
    },
  ],
  collectionFees: [
    {
      validFrom: '2016-07-01',
      // B2B creditors may exceed the cap with documented reasonable costs; towards consumers they may not.
      value: { business: feeTable2016(true), consumer: feeTable2016(false) },
      // A later amendment may exist (Collectia publishes ~20 % higher figures); replace through
      // overrides.collectionFees once confirmed.
      source: { citation: 'Bilag 1 to BEK 601/2002 as amended by BEK 476/2016' },
      confidence: 'high',
    },
  ],
  compensation: [
    {
      validFrom: '2013-03-01',
      // B2B only; one per overdue invoice (M). Consumers: none.
      value: { business: dkk(310), consumer: null },
      // RULES.md marks "one per overdue invoice" M and gives no separate mark for the amount.
      source: { citation: 'renteloven § 9 a stk. 3; BEK 601/2002 § 2 stk. 2–3 as inserted by BEK 105/2013' },
      confidence: 'medium',
    },
  ],
  instalmentPlanFees: [
    {
      validFrom: UNDATED_RULES_FROM,
      // No fee for an instalment plan: RULES.md (§1–3) names none for DK (renteloven § 9 b and BEK 601/2002 name reminder, handover and collection fees, but no plan fee). Null, so none
      // is charged; an agency that confirms one supplies it through overrides.instalmentPlanFees.
      value: { business: null, consumer: null },
      source: { citation: 'none found (RULES.md §3 names no instalment-plan fee for DK)', note: 'no plan fee in the collected sources; not confirmed that none may be charged' },
      confidence: 'low',
    },
  ],
  interestRates: [
    rate('2023-01-01', '1.90', 'high'), // RULES.md total 9.90 %
    rate('2023-07-01', '3.25', 'high'), // total 11.25 %
    rate('2024-01-01', '3.75', 'high'), // total 11.75 %
    rate('2024-07-01', '3.50', 'low'), // total 11.50 %
    rate('2025-01-01', '2.75', 'medium'), // total 10.75 %
    rate('2025-07-01', '1.75', 'medium'), // total 9.75 %
    rate('2026-01-01', '1.75', 'low'), // total 9.75 %
  ],
  legacyInterestMargin: {
    // renteloven § 5: + 7 instead of + 8 for claims that fell due before 1 Mar 2013 (RULES.md §4).
    claimsDueBefore: '2013-03-01',
    marginPercent: { business: '7', consumer: '7' },
    source: { citation: 'renteloven § 5 stk. 1 (margin 7 for claims due before 1 Mar 2013)' },
    confidence: 'medium',
  },
  dayCount: [
    {
      validFrom: UNDATED_RULES_FROM,
      value: 'actual/365',
      // The statute does not fix the day count; actual/365 and 30/360 are both seen in practice. Overridable
      // through overrides.dayCount.
      source: { citation: 'renteloven § 5 (silent on day count)' },
      confidence: 'medium',
    },
  ],
  limitation: [
    {
      // validFrom: forældelsesloven (lov nr. 522 af 6. juni 2007) entered into force on 1 Jan 2008.
      validFrom: '2008-01-01',
      value: { ordinaryYears: { business: 3, consumer: 3 }, instrumentYears: 10 },
      source: { citation: 'forældelsesloven § 3 (3 years), § 5 (10 years for instruments, acknowledgments, settlements, judgments)' },
      confidence: 'high',
    },
  ],
  allocationOrder: [
    {
      validFrom: UNDATED_RULES_FROM,
      value: ['costs', 'interest', 'principal'],
      source: { citation: 'no statutory order confirmed (RULES.md §5); common practice, cf. § 367 BGB' }, // overridable per agreement
      confidence: 'low',
    },
  ],
};
