import { money, type Money } from '../money/index.js';
import { UNDATED_RULES_FROM } from './law-pack.js';
import type { CollectionFeeRules, Confidence, Dated, InterestRateEntry, LawTables, ReminderRules } from './types.js';

/**
 * Sweden: statutory dunning and collection rules as dated data, from shared/domain/RULES.md.
 * Entries whose in-force date RULES.md does not give are dated UNDATED_RULES_FROM (see law-pack.ts).
 */

const sek = (kronor: number): Money => money(kronor * 100, 'SEK');

// Lag (1981:739) 2 §, 4 § 2 st. p. 1: påminnelseavgift at most SEK 60 per written reminder, only if agreed
// at the latest when the debt arose. No statutory cap on count or spacing was found (M).
const REMINDERS: ReminderRules = {
  maxFee: sek(60),
  maxFeeBearingReminders: null,
  minDaysBetweenFeeBearing: null,
  earliestDaysAfterDue: null,
  feeRequiresPriorAgreement: true,
};

// Lag (1981:739) 4 §: the inkassokrav fee is fixed at SEK 180; it is the cap on what the debtor pays for collection. H
const INKASSOKRAV_FEE: CollectionFeeRules = {
  bands: [{ upTo: null, maxFee: sek(180) }],
  businessMayExceedWithDocumentedCosts: false,
};

function rate(validFrom: string, referencePercent: string, confidence: Confidence): Dated<InterestRateEntry> {
  return {
    validFrom,
    value: { referencePercent, marginPercent: { business: '8', consumer: '8' } },
    // Reference = Riksbank policy rate at the end of the previous half-year, rounded up to 0.5.
    source: { citation: 'räntelagen 6 § (referensränta + 8), 9 § (referensränta)' },
    confidence,
  };
}

export const SE_LAW: LawTables = {
  reminders: [
    {
      validFrom: UNDATED_RULES_FROM,
      value: { business: REMINDERS, consumer: REMINDERS },
      // SEK 60 is H (RULES.md §3); "no cap on count or spacing" is M. In-force date not in RULES.md.
      source: { citation: 'Lag (1981:739) om ersättning för inkassokostnader m.m. 2 §, 4 § 2 st. p. 1' },
      confidence: 'medium',
    },
  ],
  notice: [
    {
      validFrom: UNDATED_RULES_FROM,
      // inkassolagen 5 §: "skälig tid"; IMY guidance: at least 8 days from sending (and 4 bank days from assumed
      // receipt, not modelled here). No duty to remind first, so there is nothing to combine with.
      value: { minDaysToPay: 8, mayCombineWithReminder: false, maxFee: sek(180) },
      source: { citation: 'inkassolagen 5 §; IMY guidance; Lag (1981:739) 4 § (SEK 180)' }, // in-force date not in RULES.md
      confidence: 'high',
    },
  ],
  collectionFees: [
    {
      validFrom: UNDATED_RULES_FROM,
      value: { business: INKASSOKRAV_FEE, consumer: INKASSOKRAV_FEE },
      // Amorteringsplan SEK 170 and Kronofogden costs are separate and not part of this cap. In-force date not in RULES.md.
      source: { citation: 'Lag (1981:739) 4 §' },
      confidence: 'high',
    },
  ],
  compensation: [
    {
      validFrom: UNDATED_RULES_FROM,
      // Förseningsersättning, B2B only, due once late interest is due; replaces the reminder, collection and
      // plan fees up to SEK 450.
      value: { business: sek(450), consumer: null },
      source: { citation: 'Lag (1981:739) 4 a §' }, // in-force date not in RULES.md
      confidence: 'high',
    },
  ],
  instalmentPlanFees: [
    {
      validFrom: UNDATED_RULES_FROM,
      // Amorteringsplan: SEK 170 for drawing up an instalment plan, consumer and business debtors alike. For a B2B debtor
      // the förseningsersättning (4 a §) replaces it up to SEK 450 (see dunning/instalment-plan.ts planFeeToCharge).
      value: { business: sek(170), consumer: sek(170) },
      source: { citation: 'Lag (1981:739) om ersättning för inkassokostnader m.m. 4 §' }, // in-force date not in RULES.md
      confidence: 'high',
    },
  ],
  interestRates: [
    rate('2023-07-01', '3.50', 'high'),
    rate('2024-01-01', '4.00', 'high'),
    rate('2024-07-01', '4.00', 'high'),
    rate('2025-01-01', '3.00', 'medium'),
    rate('2025-07-01', '2.00', 'medium'),
    rate('2026-01-01', '2.00', 'medium'),
  ],
  dayCount: [
    {
      validFrom: UNDATED_RULES_FROM,
      value: 'actual/365',
      source: { citation: 'räntelagen (silent on day count)' }, // actual/365 is common practice (RULES.md §4), not statute
      confidence: 'medium',
    },
  ],
  limitation: [
    {
      // validFrom: the in-force date of preskriptionslag (1981:130), not given in RULES.md.
      validFrom: '1981-07-01',
      // 10 years; 3 years for a business's claim on a consumer. The 3-year rule does not apply to claims
      // founded on löpande skuldebrev (2 § 2 st.), so instruments keep 10 years.
      value: { ordinaryYears: { business: 10, consumer: 3 }, instrumentYears: 10 },
      source: { citation: 'preskriptionslag (1981:130) 2 §' },
      confidence: 'high',
    },
  ],
  allocationOrder: [
    {
      validFrom: UNDATED_RULES_FROM,
      value: ['costs', 'interest', 'principal'],
      // The debtor may direct a payment; otherwise the creditor decides. Common practice shown; overridable per agreement.
      source: { citation: 'no statutory order confirmed (RULES.md §5); handelsbalken 9 kap. 5 §' },
      confidence: 'low',
    },
  ],
};
