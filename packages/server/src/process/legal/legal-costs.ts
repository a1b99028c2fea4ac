import type { LegalCostItem, LegalEstimate, Money } from '@collectkit/sdk';

/**
 * What legal action against a debtor costs, as far as RULES.md gives it: the creditor's estimate
 * (http/case-legal.ts) and the costs a claim file claims (claim-file.ts) read the same items.
 */

// Kronofogden's fees as RULES.md §3 gives them (confidence H there). RULES.md names no section of the fee
// ordinance, so none is cited here beyond it.
export const SE_KRONOFOGDEN_CITATION = 'RULES.md §3 (Kronofogden): betalningsföreläggande SEK 300 (recoverable), verkställighet SEK 600, applicant\'s own work at most SEK 380';
const sek = (kronor: number): Money => ({ amount: kronor * 100, currency: 'SEK' });

/** The cost items of legal action against a debtor in `country`: only fees RULES.md gives, the rest unknown. */
export function legalCostItems(country: string): { authority: LegalEstimate['authority']; items: LegalCostItem[] } {
  if (country === 'SE') {
    return {
      authority: 'kronofogden',
      items: [
        { kind: 'application_fee', description: 'Kronofogden: ansökan om betalningsföreläggande', amount: sek(300), basis: 'exact', citation: SE_KRONOFOGDEN_CITATION, confidence: 'high' },
        { kind: 'enforcement_fee', description: 'Kronofogden: verkställighet', amount: sek(600), basis: 'exact', citation: SE_KRONOFOGDEN_CITATION, confidence: 'high' },
        { kind: 'applicant_work', description: 'Ersättning för eget arbete (sökandens)', amount: sek(380), basis: 'maximum', citation: SE_KRONOFOGDEN_CITATION, confidence: 'high' },
      ],
    };
  }
  if (country === 'DK') {
    // RULES.md holds no Danish court fee (retsafgift) for betalingspåkrav or the fogedret: unknown, never guessed.
    return {
      authority: 'fogedret',
      items: [
        { kind: 'court_fee', description: 'Fogedretten: retsafgift for betalingspåkrav', amount: null, basis: 'unknown', citation: null, confidence: null },
        { kind: 'enforcement_fee', description: 'Fogedretten: retsafgift for udlægsforretning', amount: null, basis: 'unknown', citation: null, confidence: null },
      ],
    };
  }
  // NO, FI and others: no authority or fee in RULES.md.
  return { authority: null, items: [{ kind: 'court_fee', description: 'Court or enforcement fees', amount: null, basis: 'unknown', citation: null, confidence: null }] };
}

