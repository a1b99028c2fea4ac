import type { CurrencyCode, Debtor, Language } from '@collectkit/sdk';
import { DEMO_AGENCY_PROFILE, type AgencyProfile } from './agency-profile.js';
import { specifyClaim } from './claim-specification.js';
import type { NotificationInput } from './compose.js';
import type { NotificationKind } from './kinds.js';

/** Worked-example inputs shared by the notification and letter tests. */
export const CURRENCY_OF: Record<string, CurrencyCode> = { DK: 'DKK', SE: 'SEK', NO: 'NOK', FI: 'EUR', DE: 'EUR' };

/** The demo agency with a Finnish account, so that FI debtors get a viitenumero. */
export const AGENCY_WITH_FI: AgencyProfile = {
  ...DEMO_AGENCY_PROFILE,
  bank: { ...DEMO_AGENCY_PROFILE.bank, fi: { iban: 'FI2112345600000785', bic: 'NDEAFIHH' } },
};

export function debtorIn(country: string, overrides: Partial<{ name: string; language: Language; email: string; phone: string }> = {}): Debtor {
  return {
    type: 'business',
    name: overrides.name ?? 'Hansen Transport A/S',
    country,
    address: { lines: ['Havnegade 12, 2. tv.'], postalCode: '5000', city: 'Odense C', country },
    ...(overrides.language ? { language: overrides.language } : {}),
    ...(overrides.email ? { email: overrides.email } : {}),
    ...(overrides.phone ? { phone: overrides.phone } : {}),
  };
}

/**
 * Invoice F-1001 of 10,000.00 due 2026-01-15, a reminder fee of 100.00 on 2026-01-22, interest to
 * 2026-02-01; the letter is dated 2026-02-01 with a deadline of 2026-02-11 (DK inkassoloven § 10: ≥ 10 days).
 */
export function exampleInput(kind: NotificationKind, country = 'DK', debtor: Debtor = debtorIn(country), agency: AgencyProfile = AGENCY_WITH_FI): NotificationInput {
  const currency = CURRENCY_OF[country] ?? 'EUR';
  const specification = specifyClaim({
    currency,
    invoices: [{ number: 'F-1001', dueDate: '2026-01-15', outstanding: { amount: 1_000_000, currency } }],
    fees: country === 'DK' ? [{ kind: 'reminder_fee', on: '2026-01-22', amount: { amount: 10_000, currency } }] : [],
    country,
    debtorType: 'business',
    interestUntil: '2026-02-01',
  });
  return {
    kind,
    date: '2026-02-01',
    agency,
    creditorName: 'Autoværksted Jensen ApS',
    debtor,
    caseNumber: '2026-000123',
    specification,
    deadline: '2026-02-11',
    reminderNumber: 2,
    instalments: [
      { dueOn: '2026-03-01', amount: { amount: 500_000, currency } },
      { dueOn: '2026-04-01', amount: { amount: 514_274, currency } },
    ],
    payment: { paidOn: '2026-02-05', amount: { amount: 250_000, currency } },
  };
}
