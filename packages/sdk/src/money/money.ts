import {
  add,
  allocate,
  compare,
  dinero,
  halfUp,
  multiply,
  subtract,
  toSnapshot,
  transformScale,
  type Dinero,
} from 'dinero.js';
import { CollectkitInputError } from '../errors.js';
import { assertCurrency, dineroCurrency, type CurrencyCode } from './currency.js';
import { parseDecimal, type DecimalString } from './decimal.js';

/**
 * An amount of money as it crosses every public surface and the wire: integer minor units
 * (øre, öre, cent) and an ISO 4217 code, e.g. `{ amount: 125000, currency: 'DKK' }` is DKK 1,250.00.
 * Arithmetic happens on dinero.js objects; this plain shape is what callers see.
 */
export interface Money {
  readonly amount: number;
  readonly currency: CurrencyCode;
}

export interface MoneyOptions {
  /** Allow amounts below zero (balances, corrections). Default false. */
  readonly allowNegative?: boolean;
}

/** Validates and returns a Money: amount must be a safe integer of minor units, currency supported. */
export function assertMoney(value: unknown, field: string, options: MoneyOptions = {}): Money {
  if (typeof value !== 'object' || value === null) {
    throw new CollectkitInputError('invalid_amount', field, 'expected { amount, currency }');
  }
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  assertCurrency(currency, `${field}.currency`);
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    throw new CollectkitInputError(
      'invalid_amount',
      `${field}.amount`,
      `expected an integer number of minor units, got ${typeof amount === 'number' ? String(amount) : typeof amount}`,
    );
  }
  if (amount < 0 && !options.allowNegative) {
    throw new CollectkitInputError('negative_amount', `${field}.amount`, `must not be negative, got ${amount}`);
  }
  return { amount, currency: currency as CurrencyCode };
}

/** Creates a Money from minor units, validating both parts. */
export function money(amount: number, currency: CurrencyCode, field = 'money'): Money {
  return assertMoney({ amount, currency }, field, { allowNegative: true });
}

export function zeroMoney(currency: CurrencyCode): Money {
  return { amount: 0, currency };
}

export function toDinero(value: Money): Dinero<number> {
  return dinero({ amount: value.amount, currency: dineroCurrency(value.currency) });
}

/** Converts back to minor units of the currency, rounding half up if a computation left a finer scale. */
export function fromDinero(value: Dinero<number>): Money {
  const snapshot = toSnapshot(value);
  const currency = assertCurrency(snapshot.currency.code, 'currency');
  const exponent = snapshot.currency.exponent;
  const normalized = snapshot.scale === exponent ? value : transformScale(value, exponent, halfUp);
  const amount = toSnapshot(normalized).amount;
  if (!Number.isSafeInteger(amount)) {
    throw new CollectkitInputError('invalid_amount', 'amount', 'result exceeds the safe integer range');
  }
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money, field: string): void {
  if (a.currency !== b.currency) {
    throw new CollectkitInputError('currency_mismatch', field, `cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, 'addend');
  return fromDinero(add(toDinero(a), toDinero(b)));
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, 'subtrahend');
  return fromDinero(subtract(toDinero(a), toDinero(b)));
}

/** Sum of a list in one currency; an empty list sums to zero of `currency`. */
export function sumMoney(values: readonly Money[], currency: CurrencyCode): Money {
  let total = toDinero(zeroMoney(currency));
  values.forEach((value, index) => {
    if (value.currency !== currency) {
      throw new CollectkitInputError('currency_mismatch', `[${index}].currency`, `expected ${currency}, got ${value.currency}`);
    }
    total = add(total, toDinero(value));
  });
  return fromDinero(total);
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, 'money');
  return compare(toDinero(a), toDinero(b));
}

export function minMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) <= 0 ? a : b;
}

export function maxMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) >= 0 ? a : b;
}

export function isZeroMoney(value: Money): boolean {
  return value.amount === 0;
}

export function isPositiveMoney(value: Money): boolean {
  return value.amount > 0;
}

/**
 * Splits an amount in proportion to `ratios` with dinero's allocate: the parts always add up to
 * the whole, to the minor unit; leftover units go to the first parts.
 */
export function allocateMoney(value: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0 || ratios.some((r) => !Number.isSafeInteger(r) || r < 0) || ratios.every((r) => r === 0)) {
    throw new CollectkitInputError('invalid_argument', 'ratios', 'expected non-negative integer ratios, not all zero');
  }
  return allocate(toDinero(value), ratios).map(fromDinero);
}

/**
 * `value × factor`, rounded half up to minor units. The factor is a decimal string ("0.25", "1.5")
 * so that rates never pass through a binary float.
 */
export function multiplyMoney(value: Money, factor: DecimalString): Money {
  const { amount, scale } = parseDecimal(factor, 'factor');
  return fromDinero(multiply(toDinero(value), { amount, scale }));
}

/** `percent` % of `value`, rounded half up: `percentOf(DKK 1000.00, "10.5")` = DKK 105.00. */
export function percentOf(value: Money, percent: DecimalString): Money {
  const { amount, scale } = parseDecimal(percent, 'percent');
  return fromDinero(multiply(toDinero(value), { amount, scale: scale + 2 }));
}
