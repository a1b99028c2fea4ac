import { CollectkitInputError } from '../errors.js';

/**
 * Exact decimal numbers (rates, percentages, factors) written as strings, e.g. "9.75", so that
 * they are never rounded by binary floating point. Parsed to an integer with a decimal scale,
 * the shape dinero.js takes as a multiplier.
 */
export type DecimalString = string;

export interface ScaledInteger {
  readonly amount: number;
  readonly scale: number;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export function parseDecimal(value: unknown, field: string): ScaledInteger {
  const match = typeof value === 'string' ? DECIMAL.exec(value) : null;
  if (!match) {
    throw new CollectkitInputError('invalid_argument', field, `expected a decimal string such as "9.75", got ${JSON.stringify(value)}`);
  }
  const fraction = match[3] ?? '';
  const amount = Number(`${match[1] ?? ''}${match[2]}${fraction}`);
  if (!Number.isSafeInteger(amount)) {
    throw new CollectkitInputError('invalid_argument', field, 'too many digits');
  }
  return { amount, scale: fraction.length };
}

export function isDecimalString(value: unknown): value is DecimalString {
  return typeof value === 'string' && DECIMAL.test(value);
}

/** Adds two decimal strings exactly ("1.75" + "8" = "9.75"). */
export function addDecimals(a: DecimalString, b: DecimalString): DecimalString {
  const x = parseDecimal(a, 'a');
  const y = parseDecimal(b, 'b');
  const scale = Math.max(x.scale, y.scale);
  const sum = BigInt(x.amount) * 10n ** BigInt(scale - x.scale) + BigInt(y.amount) * 10n ** BigInt(scale - y.scale);
  return formatScaled(sum, scale);
}

export function formatScaled(value: bigint, scale: number): DecimalString {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? digits.slice(digits.length - scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * Integer division rounded half away from zero, on bigint so that products such as
 * principal × rate × days never leave the exact integer range (dinero has no division).
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new CollectkitInputError('invalid_argument', 'denominator', 'division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}
