import { money, type Money } from '../money/index.js';
import { UNDATED_RULES_FROM } from './law-pack.js';
import type { Confidence, Dated, InterestRateEntry, LawTables, ReminderRules } from './types.js';

/**
 * Finland: statutory dunning and collection rules as dated data, from shared/domain/RULES.md.
 * Entries whose in-force date RULES.md does not give are dated UNDATED_RULES_FROM (see law-pack.ts).
 */

const eur = (euros: number): Money => money(euros * 100, 'EUR');

// Consumer reminder at most EUR 5, at the earliest 14 days after the due date (M-H).
const CONSUMER_REMINDERS: ReminderRules = {
  maxFee: eur(5),
  maxFeeBearingReminders: null,
  minDaysBetweenFeeBearing: null,
  earliestDaysAfterDue: 14,
  feeRequiresPriorAgreement: false,
};

// B2B reminder at most EUR 12 from 1 May 2022 (M-H); a B2B payment-demand fee only if at least 10 days have
// passed since the previous reminder or demand (M).
const BUSINESS_REMINDERS: ReminderRules = {
  maxFee: eur(12),
  maxFeeBearingReminders: null,
  minDaysBetweenFeeBearing: 10,
  earliestDaysAfterDue: null,
  feeRequiresPriorAgreement: false,
};

function rate(validFrom: string, referencePercent: string, confidence: Confidence): Dated<InterestRateEntry> {
  return {
    validFrom,
    // korkolaki 4 §: reference + 7; 4 a §: between businesses reference + 8.
    value: { referencePercent, marginPercent: { business: '8', consumer: '7' } },
    source: { citation: 'korkolaki 4 § (+ 7), 4 a § (B2B + 8)' }, // reference = ECB rate rounded up to 0.5
    confidence,
  };
}

export const FI_LAW: LawTables = {
  reminders: [
    {
      validFrom: '2022-05-01',
      value: { business: BUSINESS_REMINDERS, consumer: CONSUMER_REMINDERS },
      // B2B EUR 12 from 1 May 2022; the consumer EUR 5 rule's own in-force date is not in RULES.md. RULES.md marks both M-H.
      source: { citation: 'perintälaki (section not given in RULES.md)' },
      confidence: 'medium',
    },
  ],
  notice: [
    {
      validFrom: UNDATED_RULES_FROM,
      // RULES.md has no FI pre-collection notice period; the only rule is the 10 days between B2B reminders and
      // payment demands (M), used here as the waiting time after a notice. No separate notice fee.
      value: { minDaysToPay: 10, mayCombineWithReminder: false, maxFee: null },
      // 10 days between B2B reminder/demand (M); no consumer rule in RULES.md.
      source: { citation: 'perintälaki (section not given in RULES.md)' },
      confidence: 'medium',
    },
  ],
  collectionFees: [
    {
      validFrom: '2022-05-01',
      value: {
        // B2B payment-demand caps (M-H): EUR 50 (≤ 500 or enforceable) / 70 (≤ 2,500) / 90 (≤ 10,000) / 110 (above).
        // Later demands at most half: not modelled here.
        business: {
          bands: [
            { upTo: eur(500), maxFee: eur(50) },
            { upTo: eur(2_500), maxFee: eur(70) },
            { upTo: eur(10_000), maxFee: eur(90) },
            { upTo: null, maxFee: eur(110) },
          ],
          businessMayExceedWithDocumentedCosts: false,
        },
        // Consumer demand caps EUR 14 / 24 / 50 (M), but RULES.md does not give the claim-size thresholds of
        // the bands: none are given here, so collectionFeeCap throws law_data_missing for FI consumers until
        // overrides.collectionFees supplies them.
        consumer: { bands: [], businessMayExceedWithDocumentedCosts: false },
      },
      source: { citation: 'perintälaki (B2B caps from 1 May 2022; section not given in RULES.md)' }, // B2B caps M-H; consumer thresholds unknown
      confidence: 'medium',
    },
  ],
  compensation: [
    {
      validFrom: UNDATED_RULES_FROM,
      // B2B fixed compensation per late invoice; consumers: none.
      value: { business: eur(40), consumer: null },
      source: { citation: 'perintälaki 10 e §; KKO 2023:39' }, // in-force date not in RULES.md
      confidence: 'high',
    },
  ],
  instalmentPlanFees: [
    {
      validFrom: UNDATED_RULES_FROM,
      // No fee for an instalment plan: RULES.md (§1–3) names none for FI (perintälaki caps reminder and demand fees, but no plan fee). Null, so none
      // is charged; an agency that confirms one supplies it through overrides.instalmentPlanFees.
      value: { business: null, consumer: null },
      source: { citation: 'none found (RULES.md §3 names no instalment-plan fee for FI)', note: 'no plan fee in the collected sources; not confirmed that none may be charged' },
      confidence: 'low',
    },
  ],
  interestRates: [
    // RULES.md gives 4.5 for the whole of 2024 (H).
    rate('2024-01-01', '4.5', 'high'),
    rate('2024-07-01', '4.5', 'high'),
    rate('2025-01-01', '3.5', 'high'),
    rate('2025-07-01', '2.5', 'medium'),
    rate('2026-01-01', '2.5', 'high'),
  ],
  dayCount: [
    {
      validFrom: UNDATED_RULES_FROM,
      value: 'actual/365',
      // RULES.md says nothing on the FI day count; actual/365 is an assumption, overridable.
      source: { citation: 'korkolaki (silent on day count)' },
      confidence: 'low',
    },
  ],
  limitation: [
    {
      // validFrom: the in-force date of laki velan vanhentumisesta (728/2003), not given in RULES.md.
      validFrom: '2004-01-01',
      // 3 years from the due date; interruption starts a new period. RULES.md gives no period for debt
      // instruments, acknowledgments or judgments: instrumentYears is null (unknown), not guessed.
      value: { ordinaryYears: { business: 3, consumer: 3 }, instrumentYears: null },
      source: { citation: 'laki velan vanhentumisesta (728/2003) 4 §' },
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
