/**
 * The check-digit arithmetic shared by the Nordic identifiers and payment references
 * (shared/domain/RULES.md §8). Internal: the barrel does not re-export it. Every function takes a
 * string of ASCII digits (mod97: digits and A–Z) that the caller has already checked.
 */

/** Luhn (mod 10) check digit for `base`: weights 2,1,2,1… from the rightmost base digit. */
export function luhnCheckDigit(base: string): number {
  let sum = 0;
  for (let i = base.length - 1, double = true; i >= 0; i--, double = !double) {
    let digit = base.charCodeAt(i) - 48;
    if (double && (digit *= 2) > 9) digit -= 9;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `digits` is the Luhn check digit of the ones before it. */
export function isLuhnValid(digits: string): boolean {
  return digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}

/** Σ digit × weight; weights cycle when shorter than `digits` and run from the left, or from the right. */
export function weightedSum(digits: string, weights: readonly number[], fromRight = false): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += (digits.charCodeAt(fromRight ? digits.length - 1 - i : i) - 48) * weights[i % weights.length]!;
  }
  return sum;
}

/**
 * ISO 7064 mod 97 of an alphanumeric string read as a number with A=10 … Z=35 (ISO 13616/11649),
 * computed one character at a time so no intermediate exceeds 97·100: no BigInt, no float.
 */
export function mod97(value: string): number {
  let rest = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    rest = code < 58 ? (rest * 10 + code - 48) % 97 : (rest * 100 + code - 55) % 97;
  }
  return rest;
}
