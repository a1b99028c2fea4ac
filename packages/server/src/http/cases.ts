import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AddInvoicesRequestSchema,
  addDays,
  CaseErrorResponseSchema,
  CaseIdParamsSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseSchema,
  CreateCaseRequestSchema,
  type ErrorCode,
  type Invoice,
} from '@collectkit/sdk';
import { attachDocumentsToCase } from '../store/documents.js';
import { caseInvoices, insertCaseInvoices, insertCaseWithInvoices, listCases, newCaseId, newCaseInvoiceRows, updateCase, type NewCaseInvoice } from '../store/cases.js';
import { takeCaseNumber } from '../store/case-number-batcher.js';
import { cachedCaseVersion } from '../store/case-version-cache.js';
import { appendEvent } from '../store/events.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import { claimIdempotencyKey, recordIdempotentResponse, requestHash } from '../store/idempotency.js';
import { ApiError, invalidRequest, notFound } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { callerOf } from './idempotency-key.js';
import { caseCreationParties } from './case-creation-parties.js';
import { caseParties, lockedQuote } from './case-quote.js';
import { caseEtag, caseFor, caseScopeOf, caseSummary, caseView, etagMatches } from './case-view.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema, 409: CaseErrorResponseSchema };

const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z.string({ message: 'send an Idempotency-Key header (e.g. a random UUID) so that a retry cannot create a second case' })
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, { message: 'printable ASCII without spaces' }),
});

function invoiceRows(invoices: readonly Invoice[]): NewCaseInvoice[] {
  return invoices.map((invoice) => ({
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    amount: invoice.amount.amount,
    outstanding: (invoice.outstanding ?? invoice.amount).amount,
  }));
}

/** The case number (and the date it was taken on) that a creation's preHandler took for its handler. */
const caseNumbers = new WeakMap<object, { today: string; number: string }>();

/** Cases: create (idempotent, quote locked), list, read with an ETag, add invoices (issue 3 §5). */
export const caseRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  notifyChangedCasesAfterResponse(app);

  app.post(
    '/v1/cases',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: {
        tags: ['case'],
        summary: "Submit a case: the server recomputes the quote with the association's plan and locks it",
        description: 'Requires an `Idempotency-Key`: the same key with the same body answers the first response again; with another body, 409 `idempotency_key_reused`.',
        headers: IdempotencyHeadersSchema,
        body: CreateCaseRequestSchema,
        response: { 200: CaseSchema, 201: CaseSchema, ...errors },
      },
      // The case number is taken here, BEFORE the command's transaction opens (handlers run inside
      // it; hooks do not): its own one-statement commit, shared by the creations waiting at once,
      // holds the association's counter row for one round trip, not for the whole creation
      // (store/cases.ts reserveCaseNumbers, store/case-number-batcher.ts). A request that then
      // fails or replays leaves a gap in the numbers, which is allowed.
      preHandler: async (request) => {
        const today = clock.today();
        caseNumbers.set(request, { today, number: await takeCaseNumber(request.db, request.auth!.associationId, Number(today.slice(0, 4))) });
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const { associationId } = auth;
      const input = request.body;
      const now = clock.now();
      const { today, number } = caseNumbers.get(request)!;
      const idempotency = { associationId, caller: callerOf(auth), key: request.headers['idempotency-key'], operation: 'POST /v1/cases' };
      const claim = await claimIdempotencyKey(request.db, { ...idempotency, requestHash: requestHash(input), now });
      if (claim.kind === 'reused') {
        throw new ApiError(409, 'idempotency_key_reused', 'This Idempotency-Key was used with a different request; use a new key for a new case.');
      }
      if (claim.kind === 'replay') {
        reply.code(claim.status).header('idempotent-replayed', 'true');
        return claim.body as z.infer<typeof CaseSchema>;
      }

      const creditorId = auth.kind === 'member' ? auth.creditorId! : input.creditorId;
      if (!creditorId) throw invalidRequest('creditorId', 'say which creditor the case is for');
      const parties = await caseCreationParties(request.db, associationId, creditorId);
      const quote = lockedQuote(parties, input, today);
      const id = newCaseId();
      const invoices = invoiceRows(input.invoices);
      const row = await insertCaseWithInvoices(
        request.db,
        {
          id,
          associationId,
          creditorId,
          number,
          reference: input.reference ?? null,
          stage: 'submitted',
          debtor: input.debtor,
          currency: quote.currency,
          principal: quote.principal.amount,
          quote,
          documentIds: input.documentIds ?? [],
          now,
        },
        invoices,
      );
      // Documents uploaded before the case (POST /v1/documents) join it in the same transaction.
      await attachDocumentsToCase(request.db, { associationId, creditorId, caseId: id, documentIds: input.documentIds ?? [] });
      await appendEvent(request.db, {
        associationId,
        caseId: id,
        type: 'case.created',
        data: {
          number,
          creditorId,
          stage: 'submitted',
          principal: quote.principal,
          invoiceCount: invoices.length,
          documentIds: row.document_ids,
          quoteAsOf: quote.asOf,
          ...(input.discountCode ? { discountCode: input.discountCode } : {}),
        },
        at: now,
      });
      await enqueueWebhooks(request.db, { associationId, creditorId, type: 'case.created', data: { caseId: id, number, stage: 'submitted', principal: quote.principal, reference: row.reference }, at: now });
      caseChanged(request, id);
      // The invoices as just inserted (positions from 0): no need to read them back.
      const body = caseView(row, newCaseInvoiceRows(invoices));
      await recordIdempotentResponse(request.db, idempotency, 201, body);
      reply.code(201).header('etag', caseEtag(id, row.version)).header('location', `/v1/cases/${id}`);
      return body;
    },
  );

  app.get(
    '/v1/cases',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: {
        tags: ['case'],
        summary: 'Cases, newest first, with filters and cursor pagination',
        querystring: CaseListQuerySchema,
        response: { 200: CaseListSchema, ...errors },
      },
    },
    async (request) => {
      const query = request.query;
      if (query.createdFrom && query.createdTo && query.createdTo < query.createdFrom) {
        throw invalidRequest('createdTo', 'must not be before createdFrom');
      }
      const rows = await listCases(request.db, caseScopeOf(request.auth!), {
        stage: query.stage,
        q: query.q,
        createdFrom: query.createdFrom ? new Date(`${query.createdFrom}T00:00:00.000Z`) : undefined,
        createdBefore: query.createdTo ? new Date(`${addDays(query.createdTo, 1)}T00:00:00.000Z`) : undefined,
        after: decodeCursor(query.cursor),
        limit: query.limit,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        data: page.map(caseSummary),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
      };
    },
  );

  app.get(
    '/v1/cases/:id',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: {
        tags: ['case'],
        summary: 'A case with its invoices, totals, stage and locked quote; ETag and If-None-Match (304)',
        params: CaseIdParamsSchema,
        response: { 200: CaseSchema, 304: z.null().describe('Not modified'), ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const { id } = request.params;
      const ifNoneMatch = request.headers['if-none-match'];
      // The polling path: one indexed lookup of the version, no body built.
      if (ifNoneMatch) {
        // From this process's version cache when fresh (store/case-version-cache.ts: never hides a
        // change made here; another instance's change shows within 1 s).
        const version = await cachedCaseVersion(request.db, caseScopeOf(auth), id);
        if (version === undefined) throw notFound('case');
        if (etagMatches(ifNoneMatch, caseEtag(id, version))) {
          // No body (RFC 9110 §15.4.5): returning no payload skips the serialiser, which would write
          // `null` (Content-Length 4), and fastify adds no Content-Length; the 200's caching headers go along.
          reply.code(304).header('etag', caseEtag(id, version)).header('cache-control', 'private, no-cache');
          return;
        }
      }
      const row = await caseFor(request.db, auth, id);
      reply.header('etag', caseEtag(id, row.version)).header('cache-control', 'private, no-cache');
      return caseView(row, await caseInvoices(request.db, row.association_id, row.id));
    },
  );

  app.post(
    '/v1/cases/:id/invoices',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: {
        tags: ['case'],
        summary: 'Add invoices in the case currency: re-quoted and locked again as of today',
        params: CaseIdParamsSchema,
        body: AddInvoicesRequestSchema,
        response: { 200: CaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      const added = request.body.invoices;
      const currency = added[0]!.amount.currency;
      if (currency !== row.currency) throw invalidRequest('invoices.0.amount.currency', `must be the case currency ${row.currency}`);
      if (row.stage === 'closed' || row.stage === 'withdrawn' || row.stage === 'written_off' || row.stage === 'paid_out') {
        throw new ApiError(409, 'conflict', `Invoices cannot be added to a case that is ${row.stage}.`);
      }
      const existing = await caseInvoices(request.db, row.association_id, row.id);
      const allInvoices = [
        ...existing.map((invoice) => ({
          number: invoice.number,
          issueDate: invoice.issue_date,
          dueDate: invoice.due_date,
          amount: { amount: invoice.amount, currency },
          outstanding: { amount: invoice.outstanding, currency },
        })),
        ...added,
      ];
      const now = clock.now();
      const parties = await caseParties(request.db, row.association_id, row.creditor_id);
      const created = await request.db.query<{ data: { discountCode?: string } }>(
        `SELECT data FROM events WHERE association_id = $1 AND case_id = $2 AND type = 'case.created'`,
        [row.association_id, row.id],
      );
      const quote = lockedQuote(parties, { debtor: row.debtor, invoices: allInvoices, discountCode: created[0]?.data.discountCode }, clock.today());
      const rows = invoiceRows(added);
      const addedPrincipal = rows.reduce((sum, invoice) => sum + invoice.outstanding, 0);
      const updated = (await updateCase(request.db, caseScopeOf(auth), row.id, { addPrincipal: addedPrincipal, quote }, now))!;
      await insertCaseInvoices(request.db, row.association_id, row.id, rows, now);
      await appendEvent(request.db, {
        associationId: row.association_id,
        caseId: row.id,
        type: 'invoices.added',
        data: { count: rows.length, numbers: rows.map((invoice) => invoice.number), principalAdded: { amount: addedPrincipal, currency }, quoteAsOf: quote.asOf },
        at: now,
      });
      caseChanged(request, row.id);
      reply.header('etag', caseEtag(row.id, updated.version));
      return caseView(updated, await caseInvoices(request.db, row.association_id, row.id));
    },
  );
};
