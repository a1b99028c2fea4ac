import { z } from 'zod';
import { IsoDateSchema, MoneySchema } from '../money.js';
import { CaseIdSchema, CaseStageSchema } from './case.js';

/**
 * Debtor payments registered by the agency's operator (issue 3 §5). Each payment is allocated with
 * the SDK ledger (`settleClaim`) over the case's costs, interest and principal in the order of the
 * debtor's law; what exceeds the claim is recorded as overpayment, never dropped.
 */

export const PaymentMethodSchema = z.enum(['bank_transfer', 'card', 'mobile_payment', 'cash', 'other']);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

export const RegisterPaymentRequestSchema = z.object({
  amount: MoneySchema.refine((money) => money.amount > 0, { message: 'a payment must be more than zero', path: ['amount'] }),
  /** The day the money was received: principal it settles stops bearing interest that day. */
  receivedOn: IsoDateSchema,
  /** The debtor's payment reference (FIK, OCR, KID, RF) or the bank's text. */
  reference: z.string().trim().min(1).max(140).optional(),
  method: PaymentMethodSchema,
});
export type RegisterPaymentRequest = z.input<typeof RegisterPaymentRequestSchema>;

export const ClaimBalancesSchema = z.object({ costs: MoneySchema, interest: MoneySchema, principal: MoneySchema });

/** `pay_` + 24 hex digits. */
export const PaymentIdSchema = z.string().regex(/^pay_[0-9a-f]{24}$/);

export const PaymentSchema = z.object({
  id: PaymentIdSchema,
  caseId: CaseIdSchema,
  amount: MoneySchema,
  receivedOn: IsoDateSchema,
  reference: z.string().nullable(),
  method: PaymentMethodSchema,
  /** Interest accrued since the previous payment (or since interest started) up to `receivedOn`. */
  interestAccrued: MoneySchema,
  /** What the payment settled of each component. */
  applied: ClaimBalancesSchema,
  /** What the debtor still owed of each component just after it. */
  balanceAfter: ClaimBalancesSchema,
  /** The part beyond everything owed: to be refunded or set off, kept out of payouts. */
  overpayment: MoneySchema,
  createdAt: z.iso.datetime(),
});
export type Payment = z.infer<typeof PaymentSchema>;

export const RegisteredPaymentSchema = PaymentSchema.extend({
  /** The case's stage after the payment (`paid` once the claim is settled). */
  caseStage: CaseStageSchema,
});
export type RegisteredPayment = z.infer<typeof RegisteredPaymentSchema>;

export const PaymentListSchema = z.object({ data: z.array(PaymentSchema) });
