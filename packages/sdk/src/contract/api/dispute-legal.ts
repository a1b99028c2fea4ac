import { z } from 'zod';
import { IsoDateSchema, MoneySchema } from '../money.js';

/**
 * The debtor's dispute, the creditor's approval of legal action and the debtor's acknowledgment of
 * the debt over HTTP (issue 5 §3 and §6, packages/server/src/http/case-dispute.ts and case-legal.ts).
 */

const NoteSchema = z.string().trim().min(1, { message: 'must not be empty' }).max(2000);

/** `POST /v1/cases/{id}/dispute`: what the debtor disputes, and documents already uploaded to the case (`doc_…`). */
export const DisputeRequestSchema = z.object({
  reason: NoteSchema,
  documentIds: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
});
export type DisputeRequest = z.input<typeof DisputeRequestSchema>;

export const DISPUTE_OUTCOMES = ['continue', 'withdraw', 'write_off'] as const;
export const DisputeOutcomeSchema = z.enum(DISPUTE_OUTCOMES);
export type DisputeOutcome = z.infer<typeof DisputeOutcomeSchema>;

/**
 * `POST /v1/cases/{id}/dispute/resolution` (operator): `continue` returns the case to the stage it
 * had when the dispute was raised, `withdraw` and `write_off` end it.
 */
export const DisputeResolutionRequestSchema = z.object({ outcome: DisputeOutcomeSchema, note: NoteSchema });
export type DisputeResolutionRequest = z.input<typeof DisputeResolutionRequestSchema>;

/** One cost of legal action. `amount` null: the cost is not known to Collectkit (never guessed). */
export const LegalCostItemSchema = z.object({
  kind: z.enum(['application_fee', 'enforcement_fee', 'applicant_work', 'court_fee']),
  description: z.string(),
  amount: MoneySchema.nullable(),
  /** `exact`: the fee; `maximum`: at most this; `unknown`: amount null. */
  basis: z.enum(['exact', 'maximum', 'unknown']),
  /** Act and section or the reference it comes from; null where there is none. */
  citation: z.string().nullable(),
  confidence: z.enum(['high', 'medium', 'low']).nullable(),
});
export type LegalCostItem = z.infer<typeof LegalCostItemSchema>;

/** `GET /v1/cases/{id}/legal-estimate`: what legal action would cost, for the creditor to approve. */
export const LegalEstimateSchema = z.object({
  /** Identifies exactly this estimate; the approval names it, so a creditor approves what it saw. */
  version: z.string(),
  /** The debtor's country, and the authority: DK fogedret (betalingspåkrav), SE Kronofogden (betalningsföreläggande). */
  country: z.string(),
  authority: z.enum(['fogedret', 'kronofogden']).nullable(),
  items: z.array(LegalCostItemSchema),
  /** Sum of the items with an amount (maxima at their maximum); null when none has one. */
  knownTotal: MoneySchema.nullable(),
  /** False when some item's amount is unknown: the total is then not the whole cost. */
  complete: z.boolean(),
  /** Set once the creditor approved (the date), else null. */
  approvedOn: IsoDateSchema.nullable(),
});
export type LegalEstimate = z.infer<typeof LegalEstimateSchema>;

/** `POST /v1/cases/{id}/legal-approval` (creditor): approves the estimate of that version. */
export const LegalApprovalRequestSchema = z.object({ approve: z.literal(true), estimateVersion: z.string().trim().min(1).max(100) });
export type LegalApprovalRequest = z.input<typeof LegalApprovalRequestSchema>;

/** `POST /v1/cases/{id}/acknowledgment` (operator): the debtor acknowledged the debt on `on` (not in the future). */
export const AcknowledgmentRequestSchema = z.object({ on: IsoDateSchema, note: NoteSchema.optional() });
export type AcknowledgmentRequest = z.input<typeof AcknowledgmentRequestSchema>;

/**
 * `POST /v1/cases/{id}/judgment` (operator): a judgment or enforceable decision on the claim was given on
 * `on` (not in the future): DK fogedret / retten, SE Kronofogden's utslag. It interrupts limitation and, where
 * the law gives judgments a longer period (DK forældelsesloven § 5), starts that period.
 */
export const JudgmentRequestSchema = z.object({
  on: IsoDateSchema,
  /** The court's or Kronofogden's case number. */
  reference: z.string().trim().min(1).max(200).optional(),
  note: NoteSchema.optional(),
});
export type JudgmentRequest = z.input<typeof JudgmentRequestSchema>;

/** The claim file a legal step is filed with (`GET`/`POST /v1/cases/{id}/claim-file`), stored as a case document. */
export const ClaimFileSchema = z.object({
  caseId: z.string(),
  /** DK: betalingspåkrav (retsplejeloven § 477 ff., minretssag.dk); SE: ansökan om betalningsföreläggande (lag 1990:746). */
  kind: z.enum(['betalingspaakrav', 'betalningsforelaggande']),
  authority: z.enum(['fogedret', 'kronofogden']),
  language: z.enum(['da', 'sv']),
  documentId: z.string(),
  /** Where the PDF is downloaded: the case document's address. */
  url: z.string(),
  /** The day the claim (principal, interest, costs) was computed. */
  asOf: IsoDateSchema,
  total: MoneySchema,
});
export type ClaimFile = z.infer<typeof ClaimFileSchema>;
