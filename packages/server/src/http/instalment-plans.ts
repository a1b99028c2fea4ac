import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseErrorResponseSchema,
  CaseIdParamsSchema,
  InstalmentPlanNoteRequestSchema,
  InstalmentPlanSchema,
  ProposeInstalmentPlanRequestSchema,
  buildInstalmentSchedule,
  canTransition,
  debtorCountry,
  isLawCountry,
  lawFor,
  planFeeToCharge,
  type CaseStage,
  type CurrencyCode,
  type InstalmentInterval,
  type IsoDate,
  type Money,
} from '@collectkit/sdk';
import { storedRulesFor } from '../store/business-rules.js';
import { updateCase, type CaseRow } from '../store/cases.js';
import type { Queryable } from '../store/database.js';
import { appendEvent } from '../store/events.js';
import { listPayments } from '../store/payments.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import { claimBalancesOn } from '../process/payment-allocation.js';
import { latestInstalmentPlan, instalmentPlanView, type PlanRecord } from '../process/instalment-plans/plan-events.js';
import { queuePlanConfirmation } from '../process/instalment-plans/plan-confirmation.js';
import { feesOf, type DunningEvent } from '../process/scheduler/dunning-state.js';
import { caseEvents, setDunningNextOn } from '../process/scheduler/scheduler-store.js';
import { ApiError, invalidRequest, notFound } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { caseFor, caseScopeOf } from './case-view.js';
import { caseClaim } from './payments.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema, 409: CaseErrorResponseSchema };

const conflict = (path: string, message: string) => new ApiError(409, 'conflict', message, [{ path, message }]);

/** A plan may be agreed where the process allows the move to `instalment_plan` — not while the claim is disputed. */
function assertStageTakesPlan(stage: CaseStage): void {
  if (stage === 'disputed') throw conflict('stage', 'the claim is disputed: resolve the dispute before agreeing a plan');
  if (!canTransition(stage, 'instalment_plan')) throw conflict('stage', `a case that is ${stage} cannot go into an instalment plan`);
}

/** `ip_` + 12 random bytes as hex. */
const newPlanId = () => `ip_${randomBytes(12).toString('hex')}`;

/**
 * The plan over the claim on `on`: what the debtor owes that day (unpaid costs, interest accrued so
 * far, unpaid principal; process/payment-allocation.ts claimBalancesOn, the balances the next payment
 * is allocated over) plus the plan fee the agreement adds (sdk planFeeToCharge: SE Lag 1981:739 4 §,
 * with the 4 a § ceiling for B2B; none in DK, NO, FI). Interest that accrues during the plan is not
 * in it: it stays owed after the last instalment (sdk dunning/instalment-plan.ts).
 */
async function planOver(db: Queryable, row: CaseRow, events: readonly DunningEvent[], on: IsoDate, request: { count: number; firstDueOn: IsoDate; interval: InstalmentInterval }) {
  const currency = row.currency as CurrencyCode;
  const country = debtorCountry(row.debtor);
  const claim = await caseClaim(db, row);
  const { before } = claimBalancesOn(claim, await listPayments(db, row.association_id, row.id), on);
  const fees = feesOf(events);
  const compensation = fees.filter((f) => f.kind === 'compensation').reduce((sum, f) => sum + f.amount.amount, 0);
  const otherFees = fees.filter((f) => f.kind !== 'compensation').reduce((sum, f) => sum + f.amount.amount, 0);
  const planFee: Money | null = isLawCountry(country)
    ? planFeeToCharge({ law: lawFor(country, { carryForwardLastRate: true }), debtorType: row.debtor.type, on, currency, otherFees, compensation })
    : null;
  const total: Money = { amount: before.costs.amount + before.interest.amount + before.principal.amount + (planFee?.amount ?? 0), currency };
  // Throws CollectkitInputError naming count, firstDueOn or interval: a 400 (error-handler.ts), nothing written.
  const schedule = buildInstalmentSchedule({ total, agreedOn: on, count: request.count, firstDueOn: request.firstDueOn, interval: request.interval });
  return { schedule, planFee };
}

/**
 * Instalment plans (issue 5 §3). The operator proposes a plan (`instalment_plan.proposed` with the
 * schedule), records the debtor's agreement (stage `instalment_plan`, the statutory plan fee, the
 * debtor's confirmation, a `case.updated` webhook) or cancels the proposal. The creditor and the
 * operator read it. The plan lives in the case's events (process/instalment-plans/plan-events.ts).
 */
/** The data of `instalment_plan.proposed` and `.agreed`: the terms asked for and the schedule they make. */
function planEventData(
  planId: string,
  on: IsoDate,
  terms: { readonly count: number; readonly firstDueOn: IsoDate },
  plan: Awaited<ReturnType<typeof planOver>>,
  by: string | null,
  note: string | null,
): Record<string, unknown> {
  const { schedule, planFee } = plan;
  return { planId, on, count: terms.count, firstDueOn: terms.firstDueOn, interval: schedule.interval, total: schedule.total, planFee, instalments: schedule.instalments, by, note };
}

export const instalmentPlanRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  notifyChangedCasesAfterResponse(app);

  app.get(
    '/v1/cases/:id/instalment-plan',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: {
        tags: ['case'],
        summary: "The case's latest instalment plan or proposal, each instalment paid, due or missed",
        params: CaseIdParamsSchema,
        response: { 200: InstalmentPlanSchema, ...errors },
      },
    },
    async (request) => {
      const row = await caseFor(request.db, request.auth!, request.params.id);
      const events = await caseEvents(request.db, row.association_id, row.id);
      const plan = latestInstalmentPlan(events);
      if (!plan) throw notFound('instalment plan');
      const rules = await storedRulesFor(request.db, row);
      return instalmentPlanView(row.id, row.stage, plan, events, clock.today(), rules.instalmentGraceDays);
    },
  );

  app.post(
    '/v1/cases/:id/instalment-plan',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: 'Propose an instalment plan over the claim as it stands today',
        description:
          "At most the creditor's rule maxInstalments instalments (agency practice, default 12), the first due today or later. The total includes the plan fee the agreement would add (SE: SEK 170, Lag 1981:739 4 §).",
        params: CaseIdParamsSchema,
        body: ProposeInstalmentPlanRequestSchema,
        response: { 201: InstalmentPlanSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const body = request.body;
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      const today = clock.today();
      const rules = await storedRulesFor(request.db, row);
      if (body.count > rules.maxInstalments) throw invalidRequest('count', `at most ${rules.maxInstalments} instalments (the creditor's rule maxInstalments)`);
      if (body.firstDueOn < today) throw invalidRequest('firstDueOn', `must be today (${today}) or later`);
      assertStageTakesPlan(row.stage);
      const events = await caseEvents(request.db, row.association_id, row.id);
      if (latestInstalmentPlan(events)?.status === 'proposed') throw conflict('plan', 'a proposal is waiting for the debtor: agree to it or cancel it first');
      const { schedule, planFee } = await planOver(request.db, row, events, today, body);
      const data = planEventData(newPlanId(), today, body, { schedule, planFee }, auth.userId ?? null, body.note ?? null);
      const now = clock.now();
      await appendEvent(request.db, { associationId: row.association_id, caseId: row.id, type: 'instalment_plan.proposed', data, at: now });
      caseChanged(request, row.id);
      reply.code(201);
      return viewAfter(request.db, row, row.stage, today, rules.instalmentGraceDays);
    },
  );

  app.post(
    '/v1/cases/:id/instalment-plan/agree',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: "Record the debtor's agreement to the proposed plan: the case moves to instalment_plan",
        description:
          'The schedule is rebuilt over the claim on the agreement day (interest may have run since the proposal). The plan fee is added where the debtor\'s law has one, the debtor is sent the confirmation in their language, and a case.updated webhook is queued.',
        params: CaseIdParamsSchema,
        body: InstalmentPlanNoteRequestSchema.nullish(),
        response: { 200: InstalmentPlanSchema, ...errors },
      },
    },
    async (request) => {
      const auth = request.auth!;
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      const today = clock.today();
      const events = await caseEvents(request.db, row.association_id, row.id);
      const proposal = latestInstalmentPlan(events);
      if (proposal?.status !== 'proposed') throw conflict('plan', 'there is no proposal waiting for the debtor: propose a plan first');
      assertStageTakesPlan(row.stage);
      if (proposal.firstDueOn < today) throw conflict('firstDueOn', `the proposal's first due date ${proposal.firstDueOn} has passed: cancel it and propose again`);
      const rules = await storedRulesFor(request.db, row);
      const { schedule, planFee } = await planOver(request.db, row, events, today, proposal);
      const now = clock.now();
      const event = (type: string, data: Record<string, unknown>) => appendEvent(request.db, { associationId: row.association_id, caseId: row.id, type, data, at: now });
      const feeEvent = planFee ? { type: 'fee.added', data: { kind: 'instalment_plan_fee', on: today, amount: planFee, step: 'instalment_plan.agreed' } } : null;
      if (feeEvent) await event(feeEvent.type, feeEvent.data);
      await event('instalment_plan.agreed', planEventData(proposal.id, today, proposal, { schedule, planFee }, auth.userId ?? null, request.body?.note ?? null));
      const updated = (await updateCase(request.db, caseScopeOf(auth), row.id, { stage: 'instalment_plan' }, now))!;
      await event('stage.changed', { from: row.stage, to: 'instalment_plan', reason: 'instalment plan agreed', by: auth.userId ?? null });
      // The scheduler looks at the case today: it then follows the plan's dates, not the old stage's.
      await setDunningNextOn(request.db, row.id, today);
      const queued = await queuePlanConfirmation(request.db, row, {
        planId: proposal.id,
        instalments: schedule.instalments,
        events: feeEvent ? [...events, feeEvent] : events,
        channels: rules.channels,
        today,
        at: now,
      });
      await event('notification.queued', { kind: 'instalment_plan_confirmation', channels: queued.queued.map((q) => q.channel), skipped: queued.skipped });
      await enqueueWebhooks(request.db, {
        associationId: row.association_id,
        creditorId: row.creditor_id,
        type: 'case.updated',
        data: { caseId: row.id, change: 'instalment_plan.agreed', stage: updated.stage, version: updated.version },
        at: now,
      });
      caseChanged(request, row.id);
      return viewAfter(request.db, row, updated.stage, today, rules.instalmentGraceDays);
    },
  );

  app.post(
    '/v1/cases/:id/instalment-plan/cancel',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: 'Cancel a proposal the debtor has not agreed to',
        params: CaseIdParamsSchema,
        body: InstalmentPlanNoteRequestSchema.nullish(),
        response: { 200: InstalmentPlanSchema, ...errors },
      },
    },
    async (request) => {
      const auth = request.auth!;
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      const today = clock.today();
      const events = await caseEvents(request.db, row.association_id, row.id);
      const proposal: PlanRecord | null = latestInstalmentPlan(events);
      if (proposal?.status !== 'proposed') throw conflict('plan', 'there is no proposal to cancel (an agreed plan ends by moving the case to another stage)');
      await appendEvent(request.db, {
        associationId: row.association_id,
        caseId: row.id,
        type: 'instalment_plan.cancelled',
        data: { planId: proposal.id, on: today, by: auth.userId ?? null, note: request.body?.note ?? null },
        at: clock.now(),
      });
      caseChanged(request, row.id);
      const rules = await storedRulesFor(request.db, row);
      return viewAfter(request.db, row, row.stage, today, rules.instalmentGraceDays);
    },
  );
};

async function viewAfter(db: Queryable, row: CaseRow, stage: CaseStage, today: IsoDate, graceDays: number) {
  const events = await caseEvents(db, row.association_id, row.id);
  return instalmentPlanView(row.id, stage, latestInstalmentPlan(events)!, events, today, graceDays);
}

export default instalmentPlanRoutes;
