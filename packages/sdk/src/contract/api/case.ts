import { z } from 'zod';
import { CASE_STAGES } from '../../dunning/stages.js';
import { InvoiceListSchema } from '../claim.js';
import { CurrencySchema, IsoDateSchema, MoneySchema } from '../money.js';
import { DebtorSchema } from '../party.js';
import { CasePhaseSchema } from '../pricing-plan.js';
import { QuoteSchema } from '../quote.js';
import { ErrorResponseSchema } from './errors.js';

/**
 * Cases over HTTP (issue 3 §5, packages/server/src/http/case*.ts): creation with a locked quote,
 * listing, invoices, the event timeline, messages, withdrawal and the operator's stage change.
 */

export const CaseStageSchema = z.enum(CASE_STAGES);

/** `cs_` + 24 hex digits. Anything else cannot be a case: the server answers 404, as for an unknown id. */
export const CaseIdSchema = z.string().regex(/^cs_[0-9a-f]{24}$/, { message: 'expected a case id cs_…' });
export const CaseIdParamsSchema = z.object({ id: CaseIdSchema });

/** Invoices of one request: one currency, at most 500. */
const CaseInvoicesSchema = InvoiceListSchema.max(500, { message: 'at most 500 invoices per request' });

export const CreateCaseRequestSchema = z.object({
  debtor: DebtorSchema,
  invoices: CaseInvoicesSchema,
  /** Documents uploaded beforehand (`doc_…`); stored with the case. */
  documentIds: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
  /** The creditor's own reference, e.g. its customer number. */
  reference: z.string().trim().min(1).max(100).optional(),
  discountCode: z.string().trim().min(1).max(40).optional(),
  /** Which creditor the case is for: required with a secret key or an operator session, ignored for a member. */
  creditorId: z.uuid().optional(),
});
export type CreateCaseRequest = z.input<typeof CreateCaseRequestSchema>;

export const AddInvoicesRequestSchema = z.object({ invoices: CaseInvoicesSchema });
export type AddInvoicesRequest = z.input<typeof AddInvoicesRequestSchema>;

export const CaseInvoiceSchema = z.object({
  number: z.string(),
  issueDate: IsoDateSchema,
  dueDate: IsoDateSchema,
  amount: MoneySchema,
  /** What of this invoice the case claims and the debtor still owes. */
  outstanding: MoneySchema,
});
export type CaseInvoice = z.infer<typeof CaseInvoiceSchema>;

export const CaseTotalsSchema = z.object({
  /** What the case claims: the sum of what was outstanding on its invoices when submitted. */
  principal: MoneySchema,
  /** What of the principal the debtor still owes. */
  outstanding: MoneySchema,
});

const caseFields = {
  id: CaseIdSchema,
  /** Human number, unique in the association: `2026-000123`. */
  number: z.string(),
  reference: z.string().nullable(),
  stage: CaseStageSchema,
  creditorId: z.uuid(),
  currency: CurrencySchema,
  totals: CaseTotalsSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Bumps on every change; the ETag is `"<id>-<version>"`. */
  version: z.int().min(1),
};

/** One case as `GET /v1/cases/{id}` answers it. A consumer debtor's personal id is stored but never shown. */
export const CaseSchema = z.object({
  ...caseFields,
  debtor: DebtorSchema,
  invoices: z.array(CaseInvoiceSchema),
  documentIds: z.array(z.string()),
  /** Recomputed by the server with the association's plan at submission (and when invoices are added), then locked. */
  quote: QuoteSchema,
});
export type Case = z.infer<typeof CaseSchema>;

/** A row of `GET /v1/cases`. */
export const CaseSummarySchema = z.object({ ...caseFields, debtorName: z.string() });
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseListSchema = z.object({ data: z.array(CaseSummarySchema), nextCursor: z.string().nullable() });
export type CaseList = z.infer<typeof CaseListSchema>;

export const CaseListQuerySchema = z.object({
  stage: CaseStageSchema.optional(),
  /** Part of the debtor's name, case-insensitive. */
  q: z.string().trim().min(1).max(100).optional(),
  /** Created on or after this day (UTC). */
  createdFrom: IsoDateSchema.optional(),
  /** Created on or before this day (UTC). */
  createdTo: IsoDateSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaseListQuery = z.input<typeof CaseListQuerySchema>;

/** One entry of a case's timeline. `id` is the cursor to resume after. */
export const CaseEventSchema = z.object({
  id: z.string().regex(/^\d+$/),
  type: z.string(),
  at: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

/** `nextCursor` is the last event's id, or the `after` given when there was none: resume from it. */
export const CaseEventPageSchema = z.object({ data: z.array(CaseEventSchema), nextCursor: z.string().nullable() });
export type CaseEventPage = z.infer<typeof CaseEventPageSchema>;

/** Longest a long-poll may be held: below common proxy idle timeouts of 30–60 s. */
export const MAX_EVENT_WAIT_SECONDS = 25;

export const CaseEventsQuerySchema = z.object({
  after: z.string().regex(/^\d{1,18}$/, { message: 'expected an event id from a previous page' }).optional(),
  /** Seconds to hold the request until an event after `after` exists. */
  wait: z.coerce.number().int().min(0).max(MAX_EVENT_WAIT_SECONDS).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(100),
});

export const MessageAuthorRoleSchema = z.enum(['creditor', 'operator']);

export const CaseMessageSchema = z.object({
  id: z.string(),
  authorRole: MessageAuthorRoleSchema,
  body: z.string(),
  at: z.iso.datetime(),
});
export type CaseMessage = z.infer<typeof CaseMessageSchema>;

export const CreateMessageRequestSchema = z.object({ body: z.string().trim().min(1, { message: 'must not be empty' }).max(5000) });
export type CreateMessageRequest = z.input<typeof CreateMessageRequestSchema>;

/** Oldest first. */
export const CaseMessageListSchema = z.object({ data: z.array(CaseMessageSchema), nextCursor: z.string().nullable() });

export const CaseMessagesQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** What withdrawing would cost now, under the plan's withdrawal-fee rule. */
export const WithdrawalQuoteSchema = z.object({
  /** False when the case's stage does not allow withdrawal (e.g. already paid). */
  allowed: z.boolean(),
  stage: CaseStageSchema,
  phase: CasePhaseSchema,
  outstanding: MoneySchema,
  /** Null: the plan charges nothing for withdrawing in this phase. */
  fee: MoneySchema.nullable(),
});
export type WithdrawalQuote = z.infer<typeof WithdrawalQuoteSchema>;

export const WithdrawalRequestSchema = z.object({ reason: z.string().trim().min(1).max(1000).optional() });
export const WithdrawalQuerySchema = z.object({ preview: z.enum(['true', 'false']).optional() });

/** The answer of a confirmed withdrawal (the case now `withdrawn`) or of a preview (`case` absent). */
export const WithdrawalSchema = WithdrawalQuoteSchema.extend({ case: CaseSchema.optional() });
export type Withdrawal = z.infer<typeof WithdrawalSchema>;

export const StageChangeRequestSchema = z.object({
  stage: CaseStageSchema,
  reason: z.string().trim().min(1, { message: 'must not be empty' }).max(1000),
});
export type StageChangeRequest = z.input<typeof StageChangeRequestSchema>;

/** Case routes answer with the API's one error body (409 `idempotency_key_reused` included). */
export const CaseErrorResponseSchema = ErrorResponseSchema;
