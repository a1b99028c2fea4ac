import { z } from 'zod';
import { InvoiceListSchema } from './claim.js';
import { CurrencySchema, IsoDateSchema, MoneySchema, PercentSchema, SignedMoneySchema } from './money.js';
import { CasePhaseSchema, RegionSchema } from './pricing-plan.js';
import { CountrySchema, DebtorSchema, DebtorTypeSchema, IsoCountrySchema } from './party.js';

/** What the widget sends for an instant quote (and the server, locking it on submission). */
export const QuoteRequestSchema = z.object({
  /** The creditor's country: sets the VAT on agency fees. */
  creditorCountry: CountrySchema,
  debtor: DebtorSchema,
  invoices: InvoiceListSchema,
  /** The creditor is a member of the association (member discount, member plan terms). */
  member: z.boolean().optional(),
  discountCode: z.string().trim().min(1).max(40).optional(),
});
export type QuoteRequest = z.infer<typeof QuoteRequestSchema>;

export const QuoteLineCodeSchema = z.enum([
  'registration_fee',
  'discount',
  'vat',
  'commission',
  'principal',
  'reminder_fee',
  'compensation',
  'collection_fee',
  'interest',
  'costs',
  'commission_incl_vat',
  'registration_incl_vat',
]);
export type QuoteLineCode = z.infer<typeof QuoteLineCodeSchema>;

/** One itemised amount; charges positive, discounts and deductions negative. */
export const QuoteLineSchema = z.object({
  code: QuoteLineCodeSchema,
  amount: SignedMoneySchema,
  /** The rate behind the line: VAT, commission or discount percent. */
  percent: PercentSchema.optional(),
  /** Per-invoice amounts (compensation): how many, and the amount of one. */
  count: z.int().min(0).optional(),
  each: MoneySchema.optional(),
});
export type QuoteLine = z.infer<typeof QuoteLineSchema>;

/** A block of a quote: its total is always the sum of its lines, to the minor unit. */
export const QuoteSectionSchema = z.object({
  lines: z.array(QuoteLineSchema),
  total: SignedMoneySchema,
});
export type QuoteSection = z.infer<typeof QuoteSectionSchema>;

export const QuoteWarningCodeSchema = z.enum([
  'below_minimum',
  'older_than_max_age',
  'limitation_near',
  'limitation_passed',
  'interest_rate_unknown',
  'interest_rate_assumed',
  'law_not_covered',
  'fees_in_other_currency',
  'statutory_cost_unknown',
  'limitation_unknown',
]);
export type QuoteWarningCode = z.infer<typeof QuoteWarningCodeSchema>;

export const QuoteWarningSchema = z.object({
  code: QuoteWarningCodeSchema,
  message: z.string(),
  /** The invoice concerned: its number and its index in the request. */
  invoice: z.string().optional(),
  index: z.int().min(0).optional(),
  /** The date the warning is about, e.g. the limitation date. */
  date: IsoDateSchema.optional(),
});
export type QuoteWarning = z.infer<typeof QuoteWarningSchema>;

export const QuoteSchema = z.object({
  planId: z.string(),
  currency: CurrencySchema,
  asOf: IsoDateSchema,
  phase: CasePhaseSchema,
  debtor: z.object({
    type: DebtorTypeSchema,
    country: IsoCountrySchema,
    region: RegionSchema,
    /** The law pack used for statutory costs, interest and limitation; null outside DK, SE, NO, FI. */
    lawCountry: CountrySchema.nullable(),
  }),
  invoiceCount: z.int().min(1),
  /** Sum of what is outstanding on the invoices. */
  principal: MoneySchema,
  oldestDueDate: IsoDateSchema,
  /** Due on submission whatever happens: registration fee, discount, VAT. */
  creditorPays: QuoteSectionSchema,
  /** The success fee if the debtor pays in full: commission, discount, VAT. */
  commission: QuoteSectionSchema.extend({
    /** Rate applied: the band's rate plus any age surcharge (before a discount). */
    percent: PercentSchema,
    basePercent: PercentSchema,
    surchargePoints: PercentSchema,
    waived: z.boolean(),
  }),
  /** What the debtor's law lets the case claim: principal, statutory costs, interest to `asOf`. */
  debtorOwes: QuoteSectionSchema,
  /** If the debtor pays in full: what reaches the creditor, less the registration fee (may be negative). */
  expectedNetToCreditor: QuoteSectionSchema,
  warnings: z.array(QuoteWarningSchema),
});
export type Quote = z.infer<typeof QuoteSchema>;
