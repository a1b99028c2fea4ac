import { z } from 'zod';
import { MAX_INSTALMENTS } from '../../dunning/instalment-plan.js';
import { IsoDateSchema, MoneySchema } from '../money.js';
import { CaseIdSchema, CaseStageSchema } from './case.js';

/**
 * Instalment plans over HTTP (issue 5 §3, packages/server/src/http/instalment-plans.ts): the operator
 * proposes a plan, records the debtor's agreement (the case moves to `instalment_plan`, the statutory
 * plan fee is added where the debtor's law has one) or cancels the proposal; the creditor and the
 * operator read the schedule with each instalment's state. The schedule is the sdk's
 * buildInstalmentSchedule; states are instalmentPlanStatus.
 */

export const InstalmentIntervalSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('month'), every: z.int({ message: 'expected a whole number of months' }).min(1, { message: 'at least 1' }).max(12, { message: 'at most 12' }) }),
  z.object({ unit: z.literal('day'), every: z.int({ message: 'expected a whole number of days' }).min(1, { message: 'at least 1' }).max(366, { message: 'at most 366' }) }),
]);
export type InstalmentIntervalInput = z.infer<typeof InstalmentIntervalSchema>;

/** `POST /v1/cases/{id}/instalment-plan` (operator). */
export const ProposeInstalmentPlanRequestSchema = z.strictObject({
  /** How many instalments; at most the creditor's rule `maxInstalments` (default 12). */
  count: z.int({ message: 'expected a whole number of instalments' }).min(1, { message: 'at least 1 instalment' }).max(MAX_INSTALMENTS, { message: `at most ${MAX_INSTALMENTS} instalments` }),
  /** The first instalment's due date: today or later. */
  firstDueOn: IsoDateSchema,
  /** Default: every calendar month. */
  interval: InstalmentIntervalSchema.default({ unit: 'month', every: 1 }),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type ProposeInstalmentPlanRequest = z.input<typeof ProposeInstalmentPlanRequestSchema>;

/** `POST /v1/cases/{id}/instalment-plan/agree` and `/cancel` (operator): an optional note for the timeline. */
export const InstalmentPlanNoteRequestSchema = z.strictObject({ note: z.string().trim().min(1).max(2000).optional() });
export type InstalmentPlanNoteRequest = z.input<typeof InstalmentPlanNoteRequestSchema>;

export const InstalmentStateSchema = z.enum(['paid', 'due', 'missed']);

export const InstalmentSchema = z.object({
  number: z.int().min(1),
  dueOn: IsoDateSchema,
  amount: MoneySchema,
  /** What the payments since the agreement cover of this instalment (counted cumulatively, in order). */
  covered: MoneySchema,
  /** From this day an uncovered instalment counts as missed: due date + grace days + 1. */
  missedOn: IsoDateSchema,
  state: InstalmentStateSchema,
});
export type Instalment = z.infer<typeof InstalmentSchema>;

/**
 * - `proposed`: waiting for the debtor; `cancelled`: the proposal was withdrawn.
 * - `agreed`: running; `completed`: every instalment covered (what the plan period's interest left is still owed).
 * - `lapsed`: an instalment was missed and the case went back to collection; `ended`: the operator moved the case on.
 */
export const InstalmentPlanStatusSchema = z.enum(['proposed', 'cancelled', 'agreed', 'completed', 'lapsed', 'ended']);
export type InstalmentPlanStatus = z.infer<typeof InstalmentPlanStatusSchema>;

export const InstalmentPlanSchema = z.object({
  /** `ip_` + 24 hex digits. */
  id: z.string().regex(/^ip_[0-9a-f]{24}$/),
  caseId: CaseIdSchema,
  status: InstalmentPlanStatusSchema,
  caseStage: CaseStageSchema,
  proposedOn: IsoDateSchema,
  agreedOn: IsoDateSchema.nullable(),
  /** The day the plan was cancelled or lapsed; null while it is open (and for `ended`: the stage change carries no day). */
  closedOn: IsoDateSchema.nullable(),
  /**
   * The claim the plan covers: on the agreement day (before: on the proposal day), with the plan fee.
   * Late interest on the principal still unpaid keeps running during the plan and is owed on top.
   */
  total: MoneySchema,
  /** The statutory plan fee in the total (SE: Lag 1981:739 4 §); null where the debtor's law has none. */
  planFee: MoneySchema.nullable(),
  interval: InstalmentIntervalSchema,
  /** Agency practice (the creditor's rule instalmentGraceDays), not law. */
  graceDays: z.int().min(0),
  /** Payments received since the agreement day. */
  paid: MoneySchema,
  instalments: z.array(InstalmentSchema),
});
export type InstalmentPlan = z.infer<typeof InstalmentPlanSchema>;
