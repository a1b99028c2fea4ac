import type { Language } from '@collectkit/sdk';

/** What the debtor is told, one template each (issue 5 §4). */
export const NOTIFICATION_KINDS = [
  'reminder',
  'pre_collection_notice',
  'collection_letter',
  'instalment_plan_confirmation',
  /** An instalment was missed: the plan has lapsed and the whole remaining claim is due (the scheduler's instalment_missed). */
  'instalment_plan_lapsed',
  'payment_receipt',
  /** A case under surveillance: the claim as it stands at each re-check (issue 5 §3). */
  'surveillance_statement',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The fees a step may add to a claim, each printed by its own name on the specification. */
export const FEE_KINDS = ['reminder_fee', 'notice_fee', 'collection_fee', 'compensation', 'instalment_plan_fee'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export const LANGUAGES: readonly Language[] = ['da', 'sv', 'nb', 'fi', 'en'];

/** The language a country's debtors are written to when the debtor chose none. */
export function languageOfCountry(country: string): Language {
  return country === 'DK' ? 'da' : country === 'SE' ? 'sv' : country === 'NO' ? 'nb' : country === 'FI' ? 'fi' : 'en';
}

/**
 * The statutory or customary name of each letter in the debtor's jurisdiction, in its own language.
 * A letter in another language keeps this term in brackets after its own title, so that a Danish
 * inkassovarsel sent in English is still recognisably the inkassovarsel of inkassoloven § 10.
 * - DK: rykker (renteloven § 9 b), inkassovarsel (inkassoloven § 10)
 * - SE: påminnelse (Lag 1981:739 2 §), inkassokrav (inkassolagen 5 §)
 * - NO: purring (inkassoforskriften § 1-2), inkassovarsel (inkassoloven § 9), betalingsoppfordring (§ 10)
 * - FI: maksumuistutus, perintäkirje (perintälaki 5 §)
 */
export const LEGAL_TERMS: Readonly<Record<'DK' | 'SE' | 'NO' | 'FI', Readonly<Partial<Record<NotificationKind, string>>>>> = {
  DK: { reminder: 'rykker', pre_collection_notice: 'inkassovarsel' },
  SE: { reminder: 'påminnelse', pre_collection_notice: 'inkassokrav' },
  NO: { reminder: 'purring', pre_collection_notice: 'inkassovarsel', collection_letter: 'betalingsoppfordring' },
  FI: { reminder: 'maksumuistutus', pre_collection_notice: 'perintäkirje' },
};
