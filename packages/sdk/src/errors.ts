/**
 * Typed errors of the SDK's domain functions. Bad input never yields a wrong number: it throws one of
 * these, naming the field, so that a form can point at it and a server can answer 400.
 */

/** Stable machine-readable reasons, safe to branch on. */
export type InputErrorCode =
  | 'invalid_amount'
  | 'negative_amount'
  | 'unsupported_currency'
  | 'currency_mismatch'
  | 'invalid_date'
  | 'invalid_range'
  | 'invalid_argument'
  | 'unsupported_country'
  | 'law_data_missing';

/** Thrown by every public SDK function for input it cannot compute with. */
export class CollectkitInputError extends Error {
  override readonly name = 'CollectkitInputError';
  readonly code: InputErrorCode;
  /** Dotted path of the offending input, e.g. `payment.amount` or `invoices.2.dueDate`. */
  readonly field: string;

  constructor(code: InputErrorCode, field: string, message: string) {
    super(`${field}: ${message}`);
    this.code = code;
    this.field = field;
  }
}

/** Works across realms and bundle copies, unlike `instanceof`. */
export function isCollectkitInputError(error: unknown): error is CollectkitInputError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'CollectkitInputError' &&
    typeof (error as { field?: unknown }).field === 'string'
  );
}
