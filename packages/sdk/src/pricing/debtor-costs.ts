import type { IsoDate } from '../calendar/index.js';
import type { QuoteLine } from '../contract/quote.js';
import type { CountryCode, DebtorType, LawPack } from '../law/types.js';
import type { Money } from '../money/index.js';
import { isCollectkitInputError } from '../errors.js';

/**
 * The statutory costs a case may add to a claim of a given size under the debtor's law, for the
 * quote: one reminder fee (the agency's reminder), the fixed B2B compensation per overdue invoice,
 * and the collection-fee cap of the claim (one case = one claim, capped on its total principal).
 * Every amount comes from the law pack; this file only decides how they combine.
 */

interface Combination {
  /** The compensation replaces the reminder and collection fees up to its own amount. */
  readonly compensationReplacesFees: boolean;
  readonly source: string;
  readonly confidence: 'high' | 'medium' | 'low';
}

/**
 * How compensation and fees combine. SE is in RULES.md §3 (H). For DK, NO and FI RULES.md states no
 * such rule, so both are listed (L): an operator who knows otherwise should say so here.
 * TODO(law pack): this belongs in LawPack beside compensationFee.
 */
const COMBINATION: Record<CountryCode, Combination> = {
  SE: {
    compensationReplacesFees: true,
    source: 'Lag (1981:739) 4 a §: förseningsersättning replaces reminder, collection and plan fees up to SEK 450',
    confidence: 'high',
  },
  DK: { compensationReplacesFees: false, source: 'no replacement rule in RULES.md', confidence: 'low' },
  NO: { compensationReplacesFees: false, source: 'no replacement rule in RULES.md', confidence: 'low' },
  FI: { compensationReplacesFees: false, source: 'no replacement rule in RULES.md', confidence: 'low' },
};

export interface CostsCase {
  /** The claim's principal (the invoices' outstanding total). */
  readonly principal: Money;
  readonly debtorType: DebtorType;
  /** Invoices past due with something outstanding: each may carry compensation. */
  readonly overdueInvoices: number;
  readonly asOf: IsoDate;
}

export interface StatutoryCosts {
  /** reminder_fee, compensation, collection_fee; zero lines omitted. */
  readonly lines: QuoteLine[];
  /** Messages of the lookups the law pack has no data for (`law_data_missing`): those lines are left out. */
  readonly unknown: string[];
}

/**
 * The cost lines. Amounts are in the law pack's currency, which must be the claim's (the caller
 * checks; nothing is converted). Where the pack has no data for a fee (e.g. no NO collection-fee
 * table) that fee is left out and reported in `unknown`, never guessed.
 */
export function statutoryCostLines(law: LawPack, c: CostsCase): StatutoryCosts {
  const currency = c.principal.currency;
  const unknown: string[] = [];
  const lookup = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (!isCollectkitInputError(error) || error.code !== 'law_data_missing') throw error;
      unknown.push(error.message);
      return fallback;
    }
  };
  // A fee that needs an agreement made when the debt arose (SE) is left out: the quote cannot know it.
  let reminder = lookup(
    () => (law.reminderRules(c.asOf, c.debtorType).value.feeRequiresPriorAgreement ? 0 : (law.reminderFee(c.asOf, c.debtorType)?.amount ?? 0)),
    0,
  );
  let collection = lookup(() => law.collectionFeeCap(c.principal, c.asOf, c.debtorType).amount, 0);
  const each = c.overdueInvoices > 0 ? lookup(() => law.compensationFee(c.debtorType, c.asOf), null) : null;
  const compensation = each ? each.amount * c.overdueInvoices : 0;

  if (compensation > 0 && COMBINATION[law.country].compensationReplacesFees) {
    let cover = compensation;
    const takeReminder = Math.min(cover, reminder);
    reminder -= takeReminder;
    cover -= takeReminder;
    collection -= Math.min(cover, collection);
  }
  const lines: QuoteLine[] = [];
  const m = (amount: number): Money => ({ amount, currency });
  if (reminder > 0) lines.push({ code: 'reminder_fee', amount: m(reminder) });
  if (compensation > 0 && each) lines.push({ code: 'compensation', amount: m(compensation), count: c.overdueInvoices, each: m(each.amount) });
  if (collection > 0) lines.push({ code: 'collection_fee', amount: m(collection) });
  return { lines, unknown };
}
