import { DKK, EUR, NOK, SEK, type DineroCurrency } from 'dinero.js';
import { CollectkitInputError } from '../errors.js';

/** The currencies Collectkit computes in. All have two decimals (øre, öre, cent). */
export const SUPPORTED_CURRENCIES = ['DKK', 'SEK', 'NOK', 'EUR'] as const;
export type CurrencyCode = (typeof SUPPORTED_CURRENCIES)[number];

const CURRENCIES: Record<CurrencyCode, DineroCurrency<number>> = { DKK, SEK, NOK, EUR };

export function isSupportedCurrency(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && (SUPPORTED_CURRENCIES as readonly string[]).includes(value);
}

export function assertCurrency(value: unknown, field: string): CurrencyCode {
  if (!isSupportedCurrency(value)) {
    throw new CollectkitInputError(
      'unsupported_currency',
      field,
      `expected one of ${SUPPORTED_CURRENCIES.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function dineroCurrency(code: CurrencyCode): DineroCurrency<number> {
  return CURRENCIES[code];
}

/** Number of minor units per major unit, as a power of ten (2 for all supported currencies). */
export function currencyExponent(code: CurrencyCode): number {
  return CURRENCIES[code].exponent;
}
