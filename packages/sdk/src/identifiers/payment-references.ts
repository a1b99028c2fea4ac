import { CollectkitInputError } from '../errors.js';
import { luhnCheckDigit, mod97, weightedSum } from './check-digits.js';
import { describe } from './spelling.js';

/**
 * Structured payment references the debtor quotes when paying, so that the payment matches its
 * case without a human (shared/domain/RULES.md §8):
 * - `fik71`: DK Fælles Indbetalingskort type 71, printed `+71<` 15-digit payment id `+` 8-digit
 *   creditor number `<`; the payment id is a base of 14 digits (shorter bases are left-padded with
 *   zeros, which leaves the Luhn digit unchanged) and a Luhn check digit.
 * - `ocr`: SE Bankgirot OCR reference, Luhn check digit last, at most 25 digits.
 * - `ocr-length`: the same with a length digit before the check digit = total length mod 10.
 * - `kid-mod10` / `kid-mod11`: NO KID, 2–25 digits, Luhn or MOD11 (weights 2..7 from the right).
 * - `fi`: FI viitenumero, 4–20 digits, weights 7,3,1 from the right, check (10 − sum mod 10) mod 10.
 * - `rf`: ISO 11649 creditor reference, `RF` + 2 check digits + 1–21 letters or digits.
 *
 * Stored (and created) forms carry no spaces: digits, `RF…` in electronic form, or the FIK line.
 * `formatPaymentReference` gives the grouped form to print.
 */
export type PaymentReferenceKind = 'fik71' | 'ocr' | 'ocr-length' | 'kid-mod10' | 'kid-mod11' | 'fi' | 'rf';

export interface PaymentReferenceOptions {
  /** fik71 only, required there: the creditor's 8-digit FI creditor number (kreditornummer). */
  readonly creditorNumber?: string;
}

interface ReferenceRule {
  /** Allowed base lengths. */
  readonly min: number;
  readonly max: number;
  /** Number of characters the rule appends to the base. */
  readonly appended: number;
  /** What to append to `base`, or null when no valid reference exists for it. */
  readonly complete: (base: string) => string | null;
}

const luhn = (base: string): string => String(luhnCheckDigit(base));

const RULES: Record<Exclude<PaymentReferenceKind, 'fik71' | 'rf'>, ReferenceRule> = {
  ocr: { min: 1, max: 24, appended: 1, complete: luhn },
  'ocr-length': {
    min: 1,
    max: 23,
    appended: 2,
    complete: (base) => {
      const length = String((base.length + 2) % 10);
      return length + luhn(base + length);
    },
  },
  'kid-mod10': { min: 1, max: 24, appended: 1, complete: luhn },
  'kid-mod11': {
    min: 1,
    max: 24,
    appended: 1,
    // 11 − r; 11 becomes 0; 10 would be printed '-', which we neither create nor accept.
    complete: (base) => {
      const check = 11 - (weightedSum(base, [2, 3, 4, 5, 6, 7], true) % 11);
      return check === 10 ? null : String(check % 11);
    },
  },
  fi: { min: 3, max: 19, appended: 1, complete: (base) => String((10 - (weightedSum(base, [7, 3, 1], true) % 10)) % 10) },
};

/** ISO 11649: check = 98 − (base + "RF00" mod 97), two digits. */
const rfCheck = (base: string): string => String(98 - mod97(`${base}RF00`)).padStart(2, '0');

const FIK_LINE = /^\+71<?(\d{15})\+(\d{8})<?$/;

function invalidBase(why: string): CollectkitInputError {
  return new CollectkitInputError('invalid_argument', 'base', why);
}

/**
 * The full reference for `base` (an invoice or case number): digits, or for `rf` letters and digits.
 * Throws CollectkitInputError naming `base` (or `options.creditorNumber`, `kind`) for input that
 * cannot make a valid reference, including a kid-mod11 base whose check would be '-'.
 */
export function createPaymentReference(kind: PaymentReferenceKind, base: string, options: PaymentReferenceOptions = {}): string {
  if (kind === 'rf') {
    if (typeof base !== 'string' || !/^[0-9A-Za-z]{1,21}$/.test(base)) {
      throw invalidBase(`an RF reference takes 1–21 letters or digits, got ${describe(base)}`);
    }
    const upper = base.toUpperCase();
    return `RF${rfCheck(upper)}${upper}`;
  }
  if (kind === 'fik71') {
    if (typeof base !== 'string' || !/^\d{1,14}$/.test(base)) {
      throw invalidBase(`a FIK +71 payment id takes a base of 1–14 digits, got ${describe(base)}`);
    }
    const creditor = options.creditorNumber;
    if (typeof creditor !== 'string' || !/^\d{8}$/.test(creditor)) {
      throw new CollectkitInputError(
        'invalid_argument',
        'options.creditorNumber',
        `a FIK +71 reference needs the 8-digit creditor number, got ${describe(creditor)}`,
      );
    }
    const paymentId = base.padStart(14, '0');
    return `+71<${paymentId}${luhn(paymentId)}+${creditor}<`;
  }
  const rule = Object.hasOwn(RULES, kind) ? RULES[kind] : undefined;
  if (!rule) throw new CollectkitInputError('invalid_argument', 'kind', `unknown payment reference kind ${describe(kind)}`);
  if (typeof base !== 'string' || !/^\d+$/.test(base) || base.length < rule.min || base.length > rule.max) {
    throw invalidBase(`a ${kind} reference takes a base of ${rule.min}–${rule.max} digits, got ${describe(base)}`);
  }
  const appended = rule.complete(base);
  if (appended === null) {
    throw invalidBase(`the MOD11 check digit of ${base} would be 10 ('-'), which banks refuse; use another base or kid-mod10`);
  }
  return base + appended;
}

/**
 * The stored form of a reference as a payer may type it (spaces anywhere, lower-case `rf`), or
 * null when it is not a valid reference of `kind`. For fik71 both the full line (`+71<…+…<`, the
 * `<` optional) and the bare 15-digit payment id are accepted: Danish bank apps ask for payment id
 * and creditor number separately, so a form may hold just the former; the bare id is returned as is.
 */
export function normalizePaymentReference(kind: PaymentReferenceKind, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (kind === 'rf') {
    const match = /^RF(\d\d)([0-9A-Z]{1,21})$/.exec(compact);
    return match && rfCheck(match[2]!) === match[1] ? compact : null;
  }
  if (kind === 'fik71') {
    const match = FIK_LINE.exec(compact) ?? /^(\d{15})$/.exec(compact);
    if (!match || luhn(match[1]!.slice(0, 14)) !== match[1]![14]) return null;
    return match[2] ? `+71<${match[1]}+${match[2]}<` : match[1]!;
  }
  const rule = Object.hasOwn(RULES, kind) ? RULES[kind] : undefined;
  if (!rule || !/^\d+$/.test(compact)) return null;
  const base = compact.slice(0, -rule.appended);
  if (base.length < rule.min || base.length > rule.max) return null;
  const appended = rule.complete(base);
  return appended !== null && base + appended === compact ? compact : null;
}

export function isValidPaymentReference(kind: PaymentReferenceKind, value: unknown): boolean {
  return normalizePaymentReference(kind, value) !== null;
}

/**
 * The form to print on an invoice, or null when not valid: `rf` in groups of 4 from the left
 * (ISO 11649), `fi` in groups of 5 from the right (Finance Finland's printing guideline), others as stored.
 */
export function formatPaymentReference(kind: PaymentReferenceKind, value: unknown): string | null {
  const reference = normalizePaymentReference(kind, value);
  if (reference === null) return null;
  if (kind === 'rf') return reference.replace(/(.{4})(?!$)/g, '$1 ');
  if (kind === 'fi') return reference.replace(/\B(?=(\d{5})+$)/g, ' ');
  return reference;
}

/** The reference debtors of `country` (ISO 3166 alpha-2) are used to; RF everywhere else. */
export function paymentReferenceKindFor(country: string): PaymentReferenceKind {
  return country === 'DK' ? 'fik71' : country === 'SE' ? 'ocr' : country === 'NO' ? 'kid-mod10' : country === 'FI' ? 'fi' : 'rf';
}
