import { toDecimal } from 'dinero.js';
import { CollectkitInputError } from '../errors.js';
import { assertCurrency, currencyExponent, type CurrencyCode } from './currency.js';
import { assertMoney, toDinero, type Money } from './money.js';

/**
 * Reading what people type and showing amounts the way their language writes them.
 * Separators come from `Intl` for the locale (da/sv/nb/fi write `1.234,50` or `1 234,50`,
 * en writes `1,234.50`), so no locale table is kept by hand.
 */

interface Separators {
  readonly group: string;
  readonly decimal: string;
}

const separatorCache = new Map<string, Separators>();

function separatorsFor(locale: string): Separators {
  let cached = separatorCache.get(locale);
  if (!cached) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    cached = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    separatorCache.set(locale, cached);
  }
  return cached;
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const IS_SPACE = /^[\s\u00a0\u202f\u2009]$/;

/**
 * Parses a typed amount into minor units, e.g. `parseMoney('1.234,50', 'DKK', 'da')` →
 * `{ amount: 123450, currency: 'DKK' }`. Accepts a currency code or `kr`/`€` around the number,
 * the locale's grouping (spaces count as grouping everywhere), and at most as many decimals as
 * the currency has. Rejects anything ambiguous or malformed with a `CollectkitInputError`.
 */
export function parseMoney(text: string, currency: CurrencyCode, locale: string, field = 'amount'): Money {
  assertCurrency(currency, `${field}.currency`);
  if (typeof text !== 'string') {
    throw new CollectkitInputError('invalid_amount', field, 'expected text');
  }
  const { group, decimal } = separatorsFor(locale);
  let cleaned = text.trim().replace(/^(?:[A-Z]{3}|kr\.?|€)\s*/i, '').replace(/\s*(?:[A-Z]{3}|kr\.?|€|,-)$/i, '');
  cleaned = cleaned.replace(SPACES, '');
  if (cleaned.startsWith('-')) {
    throw new CollectkitInputError('negative_amount', field, 'must not be negative');
  }
  // Locales that group with (narrow) no-break spaces: spaces were removed above, so no group character remains.
  const groupChar = IS_SPACE.test(group) ? '' : group;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const exponent = currencyExponent(currency);
  const grouped = groupChar ? `\\d{1,3}(?:${escape(groupChar)}\\d{3})+` : '(?!)';
  const pattern = new RegExp(`^(${grouped}|\\d+)(?:${escape(decimal)}(\\d{1,${exponent}}))?$`);
  const match = pattern.exec(cleaned);
  if (!match) {
    throw new CollectkitInputError(
      'invalid_amount',
      field,
      `"${text}" is not an amount as written in ${locale} (e.g. ${formatMoney({ amount: 123450, currency }, locale)})`,
    );
  }
  const whole = match[1]!.split(groupChar || ' ').join('');
  const fraction = (match[2] ?? '').padEnd(exponent, '0');
  const amount = Number(`${whole}${fraction}`);
  if (!Number.isSafeInteger(amount)) {
    throw new CollectkitInputError('invalid_amount', field, 'amount is too large');
  }
  return { amount, currency };
}

/**
 * Formats with `Intl.NumberFormat` in the locale, from the exact decimal string (never a float):
 * `formatMoney({ amount: 123450, currency: 'DKK' }, 'da')` → `1.234,50 kr.`
 */
export function formatMoney(value: Money, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const checked = assertMoney(value, 'money', { allowNegative: true });
  const decimal = toDecimal(toDinero(checked));
  const formatter = currencyFormatter(locale, checked.currency, options);
  // Intl formats numeric strings exactly (ECMA-402 NumberFormat v3), so no float is involved.
  return formatter.format(decimal as unknown as number);
}

/**
 * Currency formatters per locale, currency and options: building an Intl.NumberFormat costs far more
 * than formatting with one, and a letter formats a dozen amounts. A formatter keeps no state between calls.
 */
const currencyFormatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(locale: string, currency: CurrencyCode, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${currency}|${Object.keys(options).length === 0 ? '' : JSON.stringify(options)}`;
  let formatter = currencyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, ...options });
    currencyFormatters.set(key, formatter);
  }
  return formatter;
}

/** The decimal string of an amount in major units: `{ amount: 123450, currency: 'DKK' }` → "1234.50". */
export function toDecimalString(value: Money): string {
  return toDecimal(toDinero(assertMoney(value, 'money', { allowNegative: true })));
}
