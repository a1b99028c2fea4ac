import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseErrorResponseSchema,
  CaseIdParamsSchema,
  CaseMessageListSchema,
  CaseMessageSchema,
  CaseMessagesQuerySchema,
  CreateMessageRequestSchema,
  type CaseMessage,
} from '@collectkit/sdk';
import { updateCase } from '../store/cases.js';
import { insertCaseMessage, listCaseMessages, type CaseMessageRow } from '../store/case-messages.js';
import { appendEvent } from '../store/events.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { caseFor, caseScopeOf } from './case-view.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema };

function messageView(row: CaseMessageRow): CaseMessage {
  return { id: row.id, authorRole: row.author_role, body: row.body, at: row.created_at.toISOString() };
}

/** Messages between the creditor (member or its integration's secret key) and the case handler (operator). */
export const caseMessageRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  notifyChangedCasesAfterResponse(app);
  const access = { auth: ['member', 'secret', 'operator'] as const };

  app.post(
    '/v1/cases/:id/messages',
    {
      config: access,
      schema: {
        tags: ['case'],
        summary: 'Write to the case handler (or, as operator, to the creditor)',
        params: CaseIdParamsSchema,
        body: CreateMessageRequestSchema,
        response: { 201: CaseMessageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      // Lock the case before its event: event ids of one case then grow in commit order.
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      const now = clock.now();
      const authorRole = auth.kind === 'operator' ? 'operator' : 'creditor';
      const message = await insertCaseMessage(request.db, {
        associationId: row.association_id,
        caseId: row.id,
        authorRole,
        authorUserId: auth.userId ?? null,
        body: request.body.body,
        now,
      });
      await updateCase(request.db, caseScopeOf(auth), row.id, {}, now);
      await appendEvent(request.db, {
        associationId: row.association_id,
        caseId: row.id,
        type: 'message.posted',
        data: { messageId: message.id, authorRole },
        at: now,
      });
      caseChanged(request, row.id);
      reply.code(201);
      return messageView(message);
    },
  );

  app.get(
    '/v1/cases/:id/messages',
    {
      config: access,
      schema: {
        tags: ['case'],
        summary: 'Messages of the case, oldest first',
        params: CaseIdParamsSchema,
        querystring: CaseMessagesQuerySchema,
        response: { 200: CaseMessageListSchema, ...errors },
      },
    },
    async (request) => {
      const row = await caseFor(request.db, request.auth!, request.params.id);
      const { cursor, limit } = request.query;
      const rows = await listCaseMessages(request.db, row.association_id, row.id, { after: decodeCursor(cursor), limit });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { data: page.map(messageView), nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null };
    },
  );
};
