import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AcknowledgmentRequestSchema,
  JudgmentRequestSchema,
  CaseErrorResponseSchema,
  CaseIdParamsSchema,
  LegalApprovalRequestSchema,
  LegalEstimateSchema,
  debtorCountry,
  isFinalStage,
  type IsoDate,
  type LegalCostItem,
  type LegalEstimate,
  type Money,
} from '@collectkit/sdk';
import { z } from 'zod';
import type { CaseRow } from '../store/cases.js';
import type { Queryable } from '../store/database.js';
import { appendEvent } from '../store/events.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import { ApiError, invalidRequest } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { caseFor } from './case-view.js';
import { legalCostItems } from '../process/legal/legal-costs.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema, 409: CaseErrorResponseSchema };

/**
 * The estimate for the case, with a version that changes whenever its content does: an approval
 * naming an older version is refused, so the creditor approves what it saw.
 */
export function legalEstimate(caseId: string, country: string, approvedOn: IsoDate | null): LegalEstimate {
  const { authority, items } = legalCostItems(country);
  const amounts = items.flatMap((i) => (i.amount ? [i.amount] : []));
  // All known items of one estimate are in the authority's currency (SEK for Kronofogden).
  const knownTotal = amounts.length > 0 ? { amount: amounts.reduce((sum, m) => sum + m.amount, 0), currency: amounts[0]!.currency } : null;
  const version = `est_${createHash('sha256').update(JSON.stringify({ caseId, country, authority, items })).digest('hex').slice(0, 16)}`;
  return { version, country, authority, items, knownTotal, complete: items.every((i) => i.amount !== null), approvedOn };
}

async function eventsOf(db: Queryable, row: CaseRow, type: string): Promise<{ data: Record<string, unknown> }[]> {
  return db.query('SELECT data FROM events WHERE association_id = $1 AND case_id = $2 AND type = $3 ORDER BY id', [row.association_id, row.id, type]);
}

async function estimateFor(db: Queryable, row: CaseRow): Promise<LegalEstimate> {
  const approval = (await eventsOf(db, row, 'legal.approved')).at(-1);
  return legalEstimate(row.id, debtorCountry(row.debtor), (approval?.data.on as IsoDate | undefined) ?? null);
}

const ApprovalResponseSchema = z.object({ approved: z.literal(true), on: z.string(), estimate: LegalEstimateSchema });
const AcknowledgmentResponseSchema = z.object({ caseId: z.string(), on: z.string() });
const JudgmentResponseSchema = z.object({ caseId: z.string(), on: z.string() });

/**
 * Legal action only with the creditor's approval of the cost estimate (issue 5 §3): the estimate,
 * the approval (event `legal.approved` { on, estimate }, which the scheduler's dunning-state.ts
 * reads), the debtor's acknowledgment of the debt (event `debt.acknowledged` { on }) and the
 * judgment or enforceable decision (event `legal.judgment` { on, reference, note }), each of which
 * moves the limitation start (process/limitation).
 */
export const caseLegalRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  notifyChangedCasesAfterResponse(app);

  app.get(
    '/v1/cases/:id/legal-estimate',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: { tags: ['case'], summary: 'What legal action would cost (only fees with a source; the rest unknown)', params: CaseIdParamsSchema, response: { 200: LegalEstimateSchema, ...errors } },
    },
    async (request) => estimateFor(request.db, await caseFor(request.db, request.auth!, request.params.id)),
  );

  app.post(
    '/v1/cases/:id/legal-approval',
    {
      config: { auth: ['member', 'secret'] },
      schema: {
        tags: ['case'],
        summary: 'The creditor approves legal action at the estimate of that version',
        params: CaseIdParamsSchema,
        body: LegalApprovalRequestSchema,
        response: { 200: ApprovalResponseSchema, ...errors },
      },
    },
    async (request) => {
      const auth = request.auth!;
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      if (isFinalStage(row.stage) || row.stage === 'draft') throw new ApiError(409, 'conflict', `A case that is ${row.stage} cannot go to legal action.`);
      const estimate = await estimateFor(request.db, row);
      if (estimate.approvedOn) throw new ApiError(409, 'conflict', `Legal action was already approved on ${estimate.approvedOn}.`);
      if (estimate.version !== request.body.estimateVersion) throw new ApiError(409, 'conflict', `The estimate is now ${estimate.version}: read GET /v1/cases/{id}/legal-estimate again.`);
      const now = clock.now();
      const on = clock.today();
      const approved = { ...estimate, approvedOn: on };
      await appendEvent(request.db, {
        associationId: row.association_id,
        caseId: row.id,
        type: 'legal.approved',
        data: { on, estimate: { version: estimate.version, authority: estimate.authority, items: estimate.items, knownTotal: estimate.knownTotal, complete: estimate.complete }, by: auth.kind, userId: auth.userId ?? null },
        at: now,
      });
      await enqueueWebhooks(request.db, { associationId: row.association_id, creditorId: row.creditor_id, type: 'case.updated', data: { caseId: row.id, change: 'legal.approved', stage: row.stage, version: row.version }, at: now });
      caseChanged(request, row.id);
      return { approved: true as const, on, estimate: approved };
    },
  );

  app.post(
    '/v1/cases/:id/acknowledgment',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: 'The debtor acknowledged the debt on a date: the limitation period starts again from it',
        params: CaseIdParamsSchema,
        body: AcknowledgmentRequestSchema,
        response: { 201: AcknowledgmentResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const { on, note } = request.body;
      if (on > clock.today()) throw invalidRequest('on', 'an acknowledgment cannot be dated in the future');
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      if (isFinalStage(row.stage)) throw new ApiError(409, 'conflict', `The case is ${row.stage}.`);
      await appendEvent(request.db, {
        associationId: row.association_id,
        caseId: row.id,
        type: 'debt.acknowledged',
        data: { on, note: note ?? null, by: auth.kind, userId: auth.userId ?? null },
        at: clock.now(),
      });
      caseChanged(request, row.id);
      reply.status(201);
      return { caseId: row.id, on };
    },
  );

  app.post(
    '/v1/cases/:id/judgment',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: 'A judgment or enforceable decision on the claim was given on a date: limitation runs anew from it (DK: 10 years)',
        params: CaseIdParamsSchema,
        body: JudgmentRequestSchema,
        response: { 201: JudgmentResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const { on, reference, note } = request.body;
      if (on > clock.today()) throw invalidRequest('on', 'a judgment cannot be dated in the future');
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      // A judgment follows the legal step: recorded while the case is in legal action or under surveillance.
      if (row.stage !== 'legal' && row.stage !== 'surveillance') throw new ApiError(409, 'conflict', `A judgment is recorded in legal or surveillance; the case is ${row.stage}.`);
      const started = (await eventsOf(request.db, row, 'legal.started')).at(-1)?.data.on as IsoDate | undefined;
      if (started && on < started) throw invalidRequest('on', `the legal step started on ${started}; a judgment on it cannot be earlier`);
      const now = clock.now();
      // Read by process/limitation (limitation-events.ts): interrupts limitation; DK forældelsesloven § 5 gives 10 years.
      await appendEvent(request.db, {
        associationId: row.association_id,
        caseId: row.id,
        type: 'legal.judgment',
        data: { on, reference: reference ?? null, note: note ?? null, by: auth.kind, userId: auth.userId ?? null },
        at: now,
      });
      await enqueueWebhooks(request.db, { associationId: row.association_id, creditorId: row.creditor_id, type: 'case.updated', data: { caseId: row.id, change: 'legal.judgment', stage: row.stage, version: row.version }, at: now });
      caseChanged(request, row.id);
      reply.status(201);
      return { caseId: row.id, on };
    },
  );
};

export default caseLegalRoutes;
