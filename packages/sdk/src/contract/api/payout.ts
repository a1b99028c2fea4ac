import { z } from 'zod';
import { IsoDateSchema, MoneySchema, PercentSchema, SignedMoneySchema } from '../money.js';
import { CasePhaseSchema } from '../pricing-plan.js';
import { QuoteLineSchema } from '../quote.js';
import { CaseIdSchema, CaseStageSchema } from './case.js';

/**
 * Payout statements, payouts and the agency's invoices to the creditor (issue 3 §5, DESIGN.md §5).
 * For every component collected = keptByAgency + paidToCreditor, exactly.
 */

export const PayoutComponentSchema = z.object({ collected: MoneySchema, keptByAgency: MoneySchema, paidToCreditor: MoneySchema });

/** The SDK's `PayoutStatement` on the wire. */
export const PayoutStatementSchema = z.object({
  currency: z.string(),
  phase: CasePhaseSchema,
  components: z.object({ principal: PayoutComponentSchema, interest: PayoutComponentSchema, costs: PayoutComponentSchema }),
  agencyFees: z.object({
    lines: z.array(QuoteLineSchema),
    commission: z.object({ percent: PercentSchema, basePercent: PercentSchema, surchargePoints: PercentSchema, waived: z.boolean() }),
    total: SignedMoneySchema,
  }),
  deductedFromCollection: MoneySchema,
  invoicedToCreditor: MoneySchema,
  totals: PayoutComponentSchema,
});
export type PayoutStatementView = z.infer<typeof PayoutStatementSchema>;

/** `GET /v1/cases/{id}/statement`: everything collected so far, and how much of it was paid out. */
export const CaseStatementSchema = z.object({
  caseId: CaseIdSchema,
  asOf: IsoDateSchema,
  /** The statement of everything the debtor has paid towards the claim (overpayment excluded). */
  statement: PayoutStatementSchema,
  /** Sums over the payouts made so far. */
  paidOut: PayoutComponentSchema,
  /** Collected and not yet paid out: what the next payout would settle. */
  notYetPaidOut: MoneySchema,
  /** Paid beyond the claim: to be refunded to the debtor or set off; never part of a payout. */
  overpayment: MoneySchema,
  /** What the debtor still owes (costs + interest to the last payment + principal). */
  claimOutstanding: MoneySchema,
});
export type CaseStatement = z.infer<typeof CaseStatementSchema>;

/** `inv_` + 24 hex digits. */
export const AgencyInvoiceIdSchema = z.string().regex(/^inv_[0-9a-f]{24}$/, { message: 'expected an invoice id inv_…' });

export const AgencyInvoiceSchema = z.object({
  id: AgencyInvoiceIdSchema,
  /** Numbered per association without gaps: `2026-000042`. */
  number: z.string(),
  creditorId: z.uuid(),
  caseId: CaseIdSchema,
  payoutId: z.string().regex(/^po_[0-9a-f]{24}$/),
  issuedOn: IsoDateSchema,
  /** Commission, discount and VAT lines, as on the statement. */
  lines: z.array(QuoteLineSchema),
  vat: MoneySchema,
  total: SignedMoneySchema,
  /** Of the total: set off against the payout. */
  deductedFromPayout: MoneySchema,
  /** Of the total: to be paid by the creditor (the payout could not cover it). */
  dueFromCreditor: MoneySchema,
  /** The PDF, relative to the API base. */
  pdfUrl: z.string(),
});
export type AgencyInvoice = z.infer<typeof AgencyInvoiceSchema>;

export const AgencyInvoiceListSchema = z.object({ data: z.array(AgencyInvoiceSchema), nextCursor: z.string().nullable() });
export const AgencyInvoiceIdParamsSchema = z.object({ id: AgencyInvoiceIdSchema });
export const AgencyInvoiceListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  /** Secret key and operators: one creditor's invoices. Members always see only their own. */
  creditorId: z.uuid().optional(),
});

export const PayoutIdSchema = z.string().regex(/^po_[0-9a-f]{24}$/);

export const PayoutSchema = z.object({
  id: PayoutIdSchema,
  caseId: CaseIdSchema,
  createdAt: z.iso.datetime(),
  asOf: IsoDateSchema,
  /** The statement of what this payout settles: collected since the previous payout. */
  statement: PayoutStatementSchema,
  /** The agency's invoice for its fees on this collection; null when it charges none (commission waived). */
  invoice: AgencyInvoiceSchema.nullable(),
  /** The case's stage after the payout (`paid_out` once everything was paid out). */
  caseStage: CaseStageSchema,
});
export type Payout = z.infer<typeof PayoutSchema>;

export const PayoutListSchema = z.object({ data: z.array(PayoutSchema) });
