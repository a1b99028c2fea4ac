import { z } from 'zod';
import { IsoDateSchema } from '../money.js';
import { CaseIdSchema, CaseStageSchema } from './case.js';
import { PaymentIdSchema, RegisteredPaymentSchema } from './payment.js';

/**
 * Bank-file payment imports and unmatched payments (issue 5 §5), operator only.
 *
 * `POST /v1/payments/imports` takes an ISO 20022 camt.054 or a Bankgirot BgMax file
 * (multipart/form-data, one `file` part; the format is read from the content). Each incoming payment
 * is matched to its case by the payment reference the debtor's letters carry (FIK +71, OCR, KID,
 * viitenumero or RF, built from the case number) and registered like an operator's payment; one
 * that cannot be is kept as an unmatched payment with the reason, never dropped. The bank's own
 * entry reference deduplicates: a file imported twice registers nothing twice.
 */

export const MAX_BANK_FILE_BYTES = 10 * 1024 * 1024;

export const PaymentImportFormatSchema = z.enum(['camt.054', 'bgmax']);
export type PaymentImportFormat = z.infer<typeof PaymentImportFormatSchema>;

/**
 * - `no_reference`: the payment quotes none; `invalid_reference`: no reference of the account's
 *   scheme whose check digit holds; `unknown_case`: a valid reference of no case of the association;
 *   `ambiguous_reference`: it fits more than one case.
 * - `several_references`: the bank reports one payment for several references (BgMax 22/23).
 * - `case_final_stage`: the case is paid, paid out, closed, withdrawn or written off.
 * - `currency_mismatch`: not in the case's currency; `future_date`: dated after today;
 *   `dated_before_last_payment`: before a payment already allocated on the case.
 */
export const UnmatchedReasonSchema = z.enum([
  'no_reference',
  'invalid_reference',
  'unknown_case',
  'ambiguous_reference',
  'several_references',
  'case_final_stage',
  'currency_mismatch',
  'future_date',
  'dated_before_last_payment',
]);
export type UnmatchedReason = z.infer<typeof UnmatchedReasonSchema>;

/** An amount as the bank reported it: any ISO 4217 currency (a foreign payment is kept, not refused), minor units. */
export const BankAmountSchema = z.object({ amount: z.int().positive(), currency: z.string().regex(/^[A-Z]{3}$/) });

/** `bkp_` + 24 hex digits. */
export const UnmatchedPaymentIdSchema = z.string().regex(/^bkp_[0-9a-f]{24}$/, { message: 'expected an unmatched payment id bkp_…' });
export const UnmatchedPaymentParamsSchema = z.object({ id: UnmatchedPaymentIdSchema });

export const UnmatchedPaymentStatusSchema = z.enum(['unmatched', 'assigned', 'refunded', 'returned']);

export const UnmatchedPaymentSchema = z.object({
  id: UnmatchedPaymentIdSchema,
  importId: z.string(),
  /** The bank's id of the entry. */
  bankReference: z.string(),
  amount: BankAmountSchema,
  receivedOn: IsoDateSchema,
  /** The payment reference as the bank reported it (structured, else the remittance text). */
  reference: z.string().nullable(),
  payerName: z.string().nullable(),
  remittanceText: z.string().nullable(),
  status: UnmatchedPaymentStatusSchema,
  reason: UnmatchedReasonSchema,
  /** The case it was assigned to; for `case_final_stage` and `currency_mismatch`, the case its reference names. */
  caseId: CaseIdSchema.nullable(),
  /** Set once assigned: the payment registered on the case. */
  paymentId: PaymentIdSchema.nullable(),
  note: z.string().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UnmatchedPayment = z.infer<typeof UnmatchedPaymentSchema>;

export const UnmatchedPaymentListQuerySchema = z.object({
  status: UnmatchedPaymentStatusSchema.default('unmatched'),
  cursor: z.string().regex(/^\d{1,18}$/).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const UnmatchedPaymentListSchema = z.object({ data: z.array(UnmatchedPaymentSchema), nextCursor: z.string().nullable() });
export type UnmatchedPaymentList = z.infer<typeof UnmatchedPaymentListSchema>;

export const PaymentImportEntrySchema = z.object({
  /** Where in the file: `line 3`, `Ntfctn[1]/Ntry[2]`. */
  location: z.string(),
  bankReference: z.string(),
  amount: BankAmountSchema,
  receivedOn: IsoDateSchema,
  reference: z.string().nullable(),
  outcome: z.enum(['registered', 'unmatched', 'duplicate']),
  /** registered: the case and the payment registered on it. */
  caseId: CaseIdSchema.nullable(),
  paymentId: PaymentIdSchema.nullable(),
  caseStage: CaseStageSchema.nullable(),
  /** unmatched: the stored unmatched payment and why. */
  unmatchedPaymentId: UnmatchedPaymentIdSchema.nullable(),
  reason: UnmatchedReasonSchema.nullable(),
});
export type PaymentImportEntry = z.infer<typeof PaymentImportEntrySchema>;

export const PaymentImportSchema = z.object({
  id: z.string(),
  format: PaymentImportFormatSchema,
  entries: z.array(PaymentImportEntrySchema),
  /** Entries that are not incoming payments (debits, reversals, pending, BgMax deductions): listed, not stored. */
  skipped: z.array(z.object({ location: z.string(), why: z.string() })),
  totals: z.object({ entries: z.int(), registered: z.int(), unmatched: z.int(), duplicates: z.int(), skipped: z.int() }),
});
export type PaymentImport = z.infer<typeof PaymentImportSchema>;

export const AssignUnmatchedPaymentRequestSchema = z.object({ caseId: CaseIdSchema });
export type AssignUnmatchedPaymentRequest = z.infer<typeof AssignUnmatchedPaymentRequestSchema>;

export const AssignedUnmatchedPaymentSchema = z.object({ unmatchedPayment: UnmatchedPaymentSchema, payment: RegisteredPaymentSchema });
export type AssignedUnmatchedPayment = z.infer<typeof AssignedUnmatchedPaymentSchema>;

/** The money went back to the payer: `refunded` by the agency, `returned` by the bank. */
export const CloseUnmatchedPaymentRequestSchema = z.object({
  resolution: z.enum(['refunded', 'returned']),
  note: z.string().trim().min(1).max(1000),
});
export type CloseUnmatchedPaymentRequest = z.infer<typeof CloseUnmatchedPaymentRequestSchema>;
