import { isLuhnValid } from './check-digits.js';
import { digitsOf } from './spelling.js';

/**
 * Bank and giro accounts payments are made to. The stored forms are those payment files carry:
 * IBAN in electronic form (iban.ts), giro numbers as digits only.
 */

/** SE Bankgiro number: 7–8 digits, Luhn (printed `NNN-NNNN` / `NNNN-NNNN`, often after "Bg"). */
export function normalizeBankgiro(value: unknown): string | null {
  const digits = digitsOf(value, 'BG');
  return digits && digits.length >= 7 && digits.length <= 8 && isLuhnValid(digits) ? digits : null;
}

export function isValidBankgiro(value: unknown): boolean {
  return normalizeBankgiro(value) !== null;
}

/** SE Plusgiro number: 2–8 digits, Luhn (printed like `4 38 84-5`, often after "Pg"). */
export function normalizePlusgiro(value: unknown): string | null {
  const digits = digitsOf(value, 'PG');
  return digits && digits.length >= 2 && digits.length <= 8 && isLuhnValid(digits) ? digits : null;
}

export function isValidPlusgiro(value: unknown): boolean {
  return normalizePlusgiro(value) !== null;
}

export interface DanishBankAccount {
  /** Registreringsnummer: 4 digits naming the bank and branch. */
  readonly registrationNumber: string;
  /** Kontonummer, left-padded with zeros to 10 digits as payment files carry it. */
  readonly accountNumber: string;
}

/**
 * DK domestic account: 4-digit registration number + account number of up to 10 digits.
 * Format only, no modulus check: Danish account numbers have no common check digit — the
 * per-bank checks were never public and the banks have dropped them — so any check we applied
 * would refuse real accounts. Only the bank can confirm an account exists. All-zero numbers are refused.
 */
export function normalizeDanishBankAccount(registrationNumber: unknown, accountNumber: unknown): DanishBankAccount | null {
  const reg = digitsOf(registrationNumber);
  const account = digitsOf(accountNumber);
  if (!reg || !account || reg.length !== 4 || account.length > 10 || !/[1-9]/.test(reg) || !/[1-9]/.test(account)) {
    return null;
  }
  return { registrationNumber: reg, accountNumber: account.padStart(10, '0') };
}

export function isValidDanishBankAccount(registrationNumber: unknown, accountNumber: unknown): boolean {
  return normalizeDanishBankAccount(registrationNumber, accountNumber) !== null;
}
