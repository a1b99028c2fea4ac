import {
  createPaymentReference,
  formatPaymentReference,
  paymentReferenceKindFor,
  type PaymentReferenceKind,
} from '@collectkit/sdk';
import type { AgencyProfile } from './agency-profile.js';
import type { MessageCatalogue } from './catalogue/index.js';

/** How the debtor pays: the reference of their country and the account it goes to. */
export interface PaymentInstructions {
  readonly kind: PaymentReferenceKind;
  /** Stored form, as the payment will quote it (matching: normalizePaymentReference). */
  readonly reference: string;
  /** Grouped form to print. */
  readonly printed: string;
  /** Label/value lines of the account to pay into, in the debtor's language. */
  readonly account: readonly { readonly label: string; readonly value: string }[];
}

/** The kind's own name, the same in every language. */
export const REFERENCE_KIND_NAMES: Readonly<Record<PaymentReferenceKind, string>> = {
  fik71: 'FIK',
  ocr: 'OCR',
  'ocr-length': 'OCR',
  'kid-mod10': 'KID',
  'kid-mod11': 'KID',
  fi: 'viite',
  rf: 'RF',
};

/**
 * The debtor's country decides the reference (FIK +71 in DK, OCR in SE, KID in NO, viitenumero in
 * FI, RF elsewhere: RULES.md §8), built by the sdk from the case number's digits (2026-000123 →
 * 2026000123), so a payment quoting it matches the case without a human. Where the agency has no
 * account for the domestic scheme (no FIK creditor number, no Bankgiro, no Norwegian or Finnish account) the
 * ISO 11649 RF reference is used with the IBAN, which every SEPA bank accepts.
 */
export function paymentInstructionsFor(country: string, caseNumber: string, agency: AgencyProfile, catalogue: MessageCatalogue): PaymentInstructions {
  const digits = caseNumber.replace(/\D/g, '');
  const { bank } = agency;
  let kind = paymentReferenceKindFor(country);
  // A viitenumero is for Finnish accounts only; elsewhere the RF form of the same base is quoted.
  if ((kind === 'fik71' && !bank.dk) || (kind === 'ocr' && !bank.se) || (kind === 'kid-mod10' && !bank.no) || (kind === 'fi' && !bank.fi)) kind = 'rf';
  const reference = createPaymentReference(kind, digits, kind === 'fik71' ? { creditorNumber: bank.dk!.fikCreditorNumber } : {});
  const printed = formatPaymentReference(kind, reference) ?? reference;
  const iban = [
    { label: 'IBAN', value: groupIban(bank.iban) },
    { label: 'BIC', value: bank.bic },
  ];
  const account =
    kind === 'fik71'
      ? [
          { label: catalogue.labels.creditorNumber, value: bank.dk!.fikCreditorNumber },
          { label: catalogue.labels.accountNumber, value: `${bank.dk!.registrationNumber} ${bank.dk!.accountNumber}` },
        ]
      : kind === 'ocr'
        ? [{ label: 'Bankgiro', value: bank.se!.bankgiro }]
        : kind === 'kid-mod10'
          ? [{ label: catalogue.labels.accountNumber, value: bank.no!.accountNumber.replace(/^(\d{4})(\d{2})(\d{5})$/, '$1.$2.$3') }]
          : kind === 'fi'
            ? [
                { label: 'IBAN', value: groupIban(bank.fi!.iban) },
                { label: 'BIC', value: bank.fi!.bic },
              ]
            : iban;
  return { kind, reference, printed, account };
}

function groupIban(iban: string): string {
  return iban.replace(/\s/g, '').replace(/(.{4})(?!$)/g, '$1 ');
}
