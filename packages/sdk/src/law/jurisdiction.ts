import { COUNTRY_CODES, type CountryCode } from './types.js';

/** True for the countries Collectkit has a law pack for. */
export function isLawCountry(value: string): value is CountryCode {
  return (COUNTRY_CODES as readonly string[]).includes(value);
}

/** The parts of a debtor that decide which law governs its fees and interest. */
export interface DebtorJurisdiction {
  readonly type: 'business' | 'consumer';
  readonly country?: string | undefined;
  readonly address?: { readonly country: string } | undefined;
}

/**
 * The jurisdiction whose law governs the debtor's fees and interest: a company's country of
 * registration, a person's country of residence (their address, else the country given).
 */
export function debtorCountry(debtor: DebtorJurisdiction): string {
  if (debtor.type === 'business') return debtor.country ?? debtor.address?.country ?? '';
  return debtor.address?.country ?? debtor.country ?? '';
}
