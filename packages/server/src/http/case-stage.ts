import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseErrorResponseSchema,
  CaseIdParamsSchema,
  CaseSchema,
  StageChangeRequestSchema,
  WithdrawalQuerySchema,
  WithdrawalQuoteSchema,
  WithdrawalRequestSchema,
  WithdrawalSchema,
  canTransition,
  withdrawalFee,
  type CasePhase,
  type CaseStage,
  type Currency,
  type PricingPlan,
  type WithdrawalQuote,
} from '@collectkit/sdk';
import { pricingPlan } from '../pricing-plans.js';
import { findAssociation } from '../store/associations.js';
import { caseInvoices, updateCase, type CaseRow } from '../store/cases.js';
import type { Queryable } from '../store/database.js';
import { appendEvent } from '../store/events.js';
import { ApiError, invalidRequest, notFound } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { caseEtag, caseFor, caseScopeOf, caseView } from './case-view.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema, 409: CaseErrorResponseSchema };

/** The plan's phases (pricing-plan.ts): court and enforcement are `legal`, long-term monitoring `surveillance`, the rest amicable. */
export function phaseOfStage(stage: CaseStage): CasePhase {
  if (stage === 'legal') return 'legal';
  if (stage === 'surveillance') return 'surveillance';
  return 'amicable';
}

/** What withdrawing a case in `stage` with `outstanding` left costs under `plan` (sdk `withdrawalFee`). */
export function withdrawalQuote(plan: PricingPlan, stage: CaseStage, outstanding: { amount: number; currency: Currency }): WithdrawalQuote {
  const phase = phaseOfStage(stage);
  return { allowed: canTransition(stage, 'withdrawn'), stage, phase, outstanding, fee: withdrawalFee(plan, phase, outstanding) };
}

async function quoteFor(db: Queryable, row: CaseRow): Promise<WithdrawalQuote> {
  const association = await findAssociation(db, row.association_id);
  if (!association) throw notFound('case');
  return withdrawalQuote(pricingPlan(association.pricing_plan_id), row.stage, { amount: row.outstanding, currency: row.currency as Currency });
}

/** The creditor withdraws a case (the plan's fee shown first), and the operator moves cases between stages. */
export const caseStageRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  notifyChangedCasesAfterResponse(app);
  const creditorSide = { auth: ['member', 'secret', 'operator'] as const };

  app.get(
    '/v1/cases/:id/withdrawal',
    {
      config: creditorSide,
      schema: { tags: ['case'], summary: 'What withdrawing the case would cost now', params: CaseIdParamsSchema, response: { 200: WithdrawalQuoteSchema, ...errors } },
    },
    async (request) => quoteFor(request.db, await caseFor(request.db, request.auth!, request.params.id)),
  );

  app.post(
    '/v1/cases/:id/withdrawal',
    {
      config: creditorSide,
      schema: {
        tags: ['case'],
        summary: 'Withdraw the case, paying the plan\'s withdrawal fee; with ?preview=true only show the fee',
        params: CaseIdParamsSchema,
        querystring: WithdrawalQuerySchema,
        body: WithdrawalRequestSchema.nullish(),
        response: { 200: WithdrawalSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const preview = request.query.preview === 'true';
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: !preview });
      const quote = await quoteFor(request.db, row);
      if (preview) return quote;
      if (!quote.allowed) throw new ApiError(409, 'conflict', `A case that is ${row.stage} cannot be withdrawn.`);
      const now = clock.now();
      const updated = (await updateCase(request.db, caseScopeOf(auth), row.id, { stage: 'withdrawn' }, now))!;
      await appendEvent(request.db, {
        associationId: row.association_id,
        caseId: row.id,
        type: 'case.withdrawn',
        data: { from: row.stage, to: 'withdrawn', phase: quote.phase, outstanding: quote.outstanding, fee: quote.fee, by: auth.kind, reason: request.body?.reason ?? null },
        at: now,
      });
      caseChanged(request, row.id);
      reply.header('etag', caseEtag(row.id, updated.version));
      return { ...quote, case: caseView(updated, await caseInvoices(request.db, row.association_id, row.id)) };
    },
  );

  app.post(
    '/v1/cases/:id/stage',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: 'Move the case to another stage, along the allowed arrows of the dunning process',
        params: CaseIdParamsSchema,
        body: StageChangeRequestSchema,
        response: { 200: CaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const { stage, reason } = request.body;
      if (stage === 'withdrawn') throw invalidRequest('stage', 'withdraw with POST /v1/cases/{id}/withdrawal, which applies the plan\'s fee');
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      if (!canTransition(row.stage, stage)) throw new ApiError(409, 'conflict', `A case cannot go from ${row.stage} to ${stage}.`);
      const now = clock.now();
      const updated = (await updateCase(request.db, caseScopeOf(auth), row.id, { stage }, now))!;
      await appendEvent(request.db, {
        associationId: row.association_id,
        caseId: row.id,
        type: 'stage.changed',
        // `on`: the day of the move; the scheduler counts surveillance re-checks from it (dunning-state.ts).
        data: { from: row.stage, to: stage, reason, by: auth.userId ?? null, on: clock.today() },
        at: now,
      });
      caseChanged(request, row.id);
      reply.header('etag', caseEtag(row.id, updated.version));
      return caseView(updated, await caseInvoices(request.db, row.association_id, row.id));
    },
  );
};
