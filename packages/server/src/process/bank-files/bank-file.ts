import type { IsoDate } from '@collectkit/sdk';

/**
 * A bank file of incoming payments, read into the credits the import registers or keeps as
 * unmatched (http/payment-imports.ts). Formats: ISO 20022 camt.054 (camt054.ts) and Bankgirot
 * BgMax (bgmax.ts); `readBankFile` (detect.ts) tells them apart by content.
 */

export type BankFileFormat = 'camt.054' | 'bgmax';

export interface BankCredit {
  /** The bank's own id of the entry, prefixed with the format and account: the deduplication key. */
  bankReference: string;
  /** Minor units of `currency` (any ISO 4217 code: a foreign payment is kept, not refused). */
  amount: number;
  currency: string;
  /** Value date, else booking date (camt.054); the deposit's payment day (BgMax). */
  receivedOn: IsoDate;
  /** The structured creditor reference, else the unstructured remittance text; null when neither. */
  reference: string | null;
  /** The unstructured remittance text, for the operator. */
  remittanceText: string | null;
  payerName: string | null;
  /** Country of the account the money arrived on (its IBAN's, SE for Bankgirot); null when the file does not say. */
  accountCountry: string | null;
  /** The file itself says it cannot be matched to one case (BgMax: several references for one payment). */
  unmatchable: 'several_references' | null;
  /** Where in the file: `line 3`, `Ntfctn[1]/Ntry[2]/NtryDtls/TxDtls[1]`. */
  location: string;
}

/** An entry that is not an incoming payment (a debit, a reversal, a pending entry, a BgMax deduction): listed, not stored. */
export interface SkippedEntry {
  location: string;
  why: string;
}

export interface BankFile {
  format: BankFileFormat;
  credits: BankCredit[];
  skipped: SkippedEntry[];
}

/** The file cannot be read: `location` names the line or element, the message why. Nothing of it is imported. */
export class BankFileError extends Error {
  override readonly name = 'BankFileError';
  constructor(
    readonly location: string,
    message: string,
  ) {
    super(message);
  }
}

/** Minor units per major unit of an ISO 4217 currency (ICU's data: 2 for SEK, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "1234.5" SEK → 123450, exactly (never through a float); more decimals than the currency has, zero or negative → error. */
export function minorUnits(text: string, currency: string, location: string): number {
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new BankFileError(location, `expected an amount such as 1234.50, got ${JSON.stringify(text)}`);
  const digits = currencyDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) throw new BankFileError(location, `${currency} has ${digits} decimals, the amount ${text} has more`);
  const amount = Number(match[1]! + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new BankFileError(location, `an amount must be more than zero, got ${text}`);
  return amount;
}

/** YYYY-MM-DD that is a real day. */
export function isoDay(text: string, location: string): IsoDate {
  const day = text.trim().slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    throw new BankFileError(location, `expected a date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  }
  return day;
}
