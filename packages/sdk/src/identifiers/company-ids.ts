import { CollectkitInputError } from '../errors.js';
import type { CountryCode } from '../law/types.js';
import { isLuhnValid, weightedSum } from './check-digits.js';
import { compact, describe, digitsOf } from './spelling.js';

/**
 * National company identifiers (shared/domain/RULES.md §8). Each `normalize…` returns the one form
 * to store — the form the national register prints — or null; each `isValid…` is true exactly when
 * its `normalize…` gives a value, so a form accepts the same spellings it can store.
 */

/** DK CVR-nummer: 8 digits, first not 0, weights 2,7,6,5,4,3,2,1, sum mod 11 = 0. Stored as 8 digits. */
export function normalizeCvr(value: unknown): string | null {
  const digits = digitsOf(value, 'DK');
  return digits && /^[1-9]\d{7}$/.test(digits) && weightedSum(digits, [2, 7, 6, 5, 4, 3, 2, 1]) % 11 === 0
    ? digits
    : null;
}

export function isValidCvr(value: unknown): boolean {
  return normalizeCvr(value) !== null;
}

/**
 * SE organisationsnummer: 10 digits, Luhn over all 10, third digit ≥ 2 (which tells it from a
 * personnummer, whose third digit is a month's first). Also accepted: the 12-digit form with the
 * `16` prefix and the VAT number `SE` + 10 digits + `01`. Stored as `NNNNNN-NNNN`.
 */
export function normalizeSwedishOrgNumber(value: unknown): string | null {
  const match = /^(?:SE(\d{10})01|(?:16)?(\d{10}))$/.exec(compact(value) ?? '');
  const digits = match ? (match[1] ?? match[2])! : '';
  return digits && digits.charCodeAt(2) >= 50 && isLuhnValid(digits) ? `${digits.slice(0, 6)}-${digits.slice(6)}` : null;
}

export function isValidSwedishOrgNumber(value: unknown): boolean {
  return normalizeSwedishOrgNumber(value) !== null;
}

/**
 * NO organisasjonsnummer: 9 digits, weights 3,2,7,6,5,4,3,2 on digits 1–8,
 * check = (11 − sum mod 11) mod 11, where 10 means no valid number. Accepts the VAT spelling
 * `NO 923 609 016 MVA`. Stored as 9 digits.
 */
export function normalizeNorwegianOrgNumber(value: unknown): string | null {
  const digits = digitsOf(value, 'NO', 'MVA');
  if (!digits || digits.length !== 9) return null;
  const check = (11 - (weightedSum(digits.slice(0, 8), [3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11;
  return check === +digits[8]! ? digits : null;
}

export function isValidNorwegianOrgNumber(value: unknown): boolean {
  return normalizeNorwegianOrgNumber(value) !== null;
}

/**
 * FI Y-tunnus: 7 digits + check, weights 7,9,10,5,8,4,2; r = sum mod 11; r = 0 → 0, r = 1 → no
 * valid number, else 11 − r. Accepts the VAT spelling `FI01120389`. Stored as `NNNNNNN-N`.
 */
export function normalizeFinnishBusinessId(value: unknown): string | null {
  const digits = digitsOf(value, 'FI');
  if (!digits || digits.length !== 8) return null;
  const rest = weightedSum(digits.slice(0, 7), [7, 9, 10, 5, 8, 4, 2]) % 11;
  return rest !== 1 && (rest === 0 ? 0 : 11 - rest) === +digits[7]! ? `${digits.slice(0, 7)}-${digits[7]}` : null;
}

export function isValidFinnishBusinessId(value: unknown): boolean {
  return normalizeFinnishBusinessId(value) !== null;
}

const COMPANY_ID: Record<CountryCode, (value: unknown) => string | null> = {
  DK: normalizeCvr,
  SE: normalizeSwedishOrgNumber,
  NO: normalizeNorwegianOrgNumber,
  FI: normalizeFinnishBusinessId,
};

/** The stored form of a company identifier of `country`, or null if it is not one. */
export function normalizeNationalCompanyId(country: CountryCode, value: unknown): string | null {
  if (!Object.hasOwn(COMPANY_ID, country)) {
    throw new CollectkitInputError('unsupported_country', 'country', `expected DK, SE, NO or FI, got ${describe(country)}`);
  }
  return COMPANY_ID[country](value);
}

export function isValidNationalCompanyId(country: CountryCode, value: unknown): boolean {
  return normalizeNationalCompanyId(country, value) !== null;
}
