import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CaseErrorResponseSchema, CaseEventPageSchema, CaseEventsQuerySchema, CaseIdParamsSchema, type CaseEventPage } from '@collectkit/sdk';
import type { Queryable } from '../store/database.js';
import { caseEventNotifier } from './case-event-notifier.js';
import { caseFor } from './case-view.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema };

async function eventsAfter(db: Queryable, associationId: string, caseId: string, after: string | undefined, limit: number): Promise<CaseEventPage> {
  const rows = await db.query<{ id: string; type: string; data: Record<string, unknown>; created_at: Date }>(
    // ORDER BY events.id, the bigint: a bare `id` would name the text column of the SELECT list and sort "10" before "9".
    `SELECT id::text AS id, type, data, created_at FROM events
     WHERE association_id = $1 AND case_id = $2 AND id > $3 ORDER BY events.id LIMIT $4`,
    [associationId, caseId, after ?? '0', limit],
  );
  return {
    data: rows.map((row) => ({ id: row.id, type: row.type, at: row.created_at.toISOString(), data: row.data })),
    // Where to resume: the last event read, or the cursor given, so a watcher never re-reads.
    nextCursor: rows.at(-1)?.id ?? after ?? null,
  };
}

/**
 * A case's timeline (DESIGN.md §3.5: events are the truth). `?after=` resumes after an event id;
 * `?wait=` holds the request until a new event exists, woken by the notifier, not by polling.
 */
export const caseEventRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  const notifier = caseEventNotifier(app.server);
  app.addHook('onClose', async () => notifier.close());

  app.get(
    '/v1/cases/:id/events',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: {
        tags: ['case'],
        summary: "The case's events, oldest first; long-poll with wait (seconds) for the next ones",
        params: CaseIdParamsSchema,
        querystring: CaseEventsQuerySchema,
        response: { 200: CaseEventPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await caseFor(request.db, request.auth!, request.params.id);
      const { after, wait, limit } = request.query;
      let page = await eventsAfter(request.db, row.association_id, row.id, after, limit);
      if (page.data.length > 0 || wait === 0) return page;

      // The client going away (the response's socket closes) ends the wait.
      const gone = new AbortController();
      const onClose = () => gone.abort();
      reply.raw.once('close', onClose);
      const deadline = Date.now() + wait * 1000;
      try {
        while (page.data.length === 0 && !gone.signal.aborted) {
          const left = deadline - Date.now();
          if (left <= 0) break;
          await notifier.wait({ db: request.db, caseId: row.id, after: BigInt(after ?? '0'), timeoutMs: left, signal: gone.signal });
          if (gone.signal.aborted) break;
          page = await eventsAfter(request.db, row.association_id, row.id, after, limit);
        }
      } finally {
        reply.raw.off('close', onClose);
      }
      return page;
    },
  );
};
