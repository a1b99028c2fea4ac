import { z } from 'zod';
import { IsoDateSchema, MoneySchema } from './money.js';
import { DebtorSchema } from './party.js';

/** One unpaid invoice: its amount is incl. VAT, `outstanding` what is still unpaid (default: all of it). */
export const InvoiceSchema = z
  .object({
    number: z.string().trim().min(1, { message: 'must not be empty' }).max(60),
    issueDate: IsoDateSchema,
    dueDate: IsoDateSchema,
    amount: MoneySchema,
    outstanding: MoneySchema.optional(),
  })
  .superRefine((invoice, ctx) => {
    // ISO dates compare correctly as strings.
    if (invoice.dueDate < invoice.issueDate) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: `must not be before the issue date ${invoice.issueDate}` });
    }
    const { outstanding, amount } = invoice;
    if (outstanding === undefined) return;
    if (outstanding.currency !== amount.currency) {
      ctx.addIssue({
        code: 'custom',
        path: ['outstanding', 'currency'],
        message: `must be the invoice's currency ${amount.currency}`,
        params: { collectkitCode: 'currency_mismatch' },
      });
    } else if (outstanding.amount > amount.amount) {
      ctx.addIssue({ code: 'custom', path: ['outstanding', 'amount'], message: 'must not exceed the invoice amount' });
    }
  });
export type Invoice = z.infer<typeof InvoiceSchema>;

/** Invoices of one claim share one currency: the first invoice's sets it. */
export const InvoiceListSchema = z
  .array(InvoiceSchema)
  .min(1, { message: 'at least one invoice is needed' })
  .superRefine((invoices, ctx) => {
    const currency = invoices[0]?.amount.currency;
    invoices.forEach((invoice, index) => {
      if (invoice.amount.currency !== currency) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'amount', 'currency'],
          message: `all invoices of a claim must be in one currency: expected ${currency}, got ${invoice.amount.currency}`,
          params: { collectkitCode: 'currency_mismatch' },
        });
      }
    });
  });

/** A claim against one debtor: the invoices a case collects. */
export const ClaimSchema = z.object({
  debtor: DebtorSchema,
  invoices: InvoiceListSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;
