import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseErrorResponseSchema,
  CaseIdParamsSchema,
  CaseSchema,
  DisputeRequestSchema,
  DisputeResolutionRequestSchema,
  canTransition,
  type CaseStage,
  type DisputeOutcome,
} from '@collectkit/sdk';
import { caseInvoices, updateCase, type CaseRow } from '../store/cases.js';
import type { Queryable } from '../store/database.js';
import { listCaseDocuments } from '../store/documents.js';
import { appendEvent } from '../store/events.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import type { AuthContext } from '../auth/auth-context.js';
import { ApiError, invalidRequest } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { caseEtag, caseFor, caseScopeOf, caseView } from './case-view.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema, 409: CaseErrorResponseSchema };

/**
 * The stage the case had when its latest dispute was raised (`dispute.raised` { from }): where
 * `continue` returns it. Undefined when no dispute event names one (a case moved to `disputed` by
 * an operator's stage change).
 */
export function stageBeforeDispute(events: readonly { type: string; data: Record<string, unknown> }[]): CaseStage | undefined {
  const raised = events.filter((e) => e.type === 'dispute.raised').at(-1);
  return raised?.data.from as CaseStage | undefined;
}

/** Where each outcome of a dispute takes the case. */
export function stageAfterDispute(outcome: DisputeOutcome, before: CaseStage | undefined): CaseStage | undefined {
  if (outcome === 'withdraw') return 'withdrawn';
  if (outcome === 'write_off') return 'written_off';
  return before;
}

async function caseEventList(db: Queryable, row: CaseRow): Promise<{ type: string; data: Record<string, unknown> }[]> {
  return db.query('SELECT type, data FROM events WHERE association_id = $1 AND case_id = $2 ORDER BY id', [row.association_id, row.id]);
}

/** Moves the locked case to `to` with the event explaining it, a `case.updated` webhook, and answers with the case. */
async function moveCase(db: Queryable, auth: AuthContext, row: CaseRow, to: CaseStage, type: string, data: Record<string, unknown>, now: Date) {
  const updated = (await updateCase(db, caseScopeOf(auth), row.id, { stage: to }, now))!;
  await appendEvent(db, { associationId: row.association_id, caseId: row.id, type, data: { ...data, from: row.stage, to, by: auth.kind, userId: auth.userId ?? null }, at: now });
  await enqueueWebhooks(db, {
    associationId: row.association_id,
    creditorId: row.creditor_id,
    type: 'case.updated',
    data: { caseId: row.id, change: type, stage: updated.stage, version: updated.version },
    at: now,
  });
  return updated;
}

/**
 * Disputes (issue 5 §3): the debtor disputes the claim — reported by the creditor or an operator —
 * and the case stops in `disputed`, where the scheduler does nothing (sdk nextDunningAction); an
 * operator resolves it. Both move only along the sdk's stage arrows (canTransition), else 409.
 */
export const caseDisputeRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  notifyChangedCasesAfterResponse(app);

  app.post(
    '/v1/cases/:id/dispute',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: {
        tags: ['case'],
        summary: 'The debtor disputes the claim: the case stops in `disputed` until an operator resolves it',
        params: CaseIdParamsSchema,
        body: DisputeRequestSchema,
        response: { 200: CaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      const documentIds = [...new Set(request.body.documentIds ?? [])];
      if (documentIds.length > 0) {
        const known = new Set((await listCaseDocuments(request.db, row.association_id, row.id)).map((d) => d.id));
        const unknown = documentIds.findIndex((id) => !known.has(id));
        if (unknown >= 0) throw invalidRequest(`documentIds.${unknown}`, 'not a document of this case');
      }
      if (!canTransition(row.stage, 'disputed')) throw new ApiError(409, 'conflict', `A case that is ${row.stage} cannot be disputed.`);
      const now = clock.now();
      const updated = await moveCase(request.db, auth, row, 'disputed', 'dispute.raised', { on: clock.today(), reason: request.body.reason, documentIds }, now);
      caseChanged(request, row.id);
      reply.header('etag', caseEtag(row.id, updated.version));
      return caseView(updated, await caseInvoices(request.db, row.association_id, row.id));
    },
  );

  app.post(
    '/v1/cases/:id/dispute/resolution',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: 'Resolve the dispute: continue where the case was, withdraw it or write it off',
        params: CaseIdParamsSchema,
        body: DisputeResolutionRequestSchema,
        response: { 200: CaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const { outcome, note } = request.body;
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      if (row.stage !== 'disputed') throw new ApiError(409, 'conflict', `The case is ${row.stage}, not disputed.`);
      const to = stageAfterDispute(outcome, stageBeforeDispute(await caseEventList(request.db, row)));
      if (!to) throw new ApiError(409, 'conflict', 'No dispute.raised event says which stage the case had; move it with POST /v1/cases/{id}/stage.');
      if (!canTransition(row.stage, to)) throw new ApiError(409, 'conflict', `A case cannot go from ${row.stage} to ${to}.`);
      const now = clock.now();
      const updated = await moveCase(request.db, auth, row, to, 'dispute.resolved', { on: clock.today(), outcome, note }, now);
      caseChanged(request, row.id);
      reply.header('etag', caseEtag(row.id, updated.version));
      return caseView(updated, await caseInvoices(request.db, row.association_id, row.id));
    },
  );
};

export default caseDisputeRoutes;
