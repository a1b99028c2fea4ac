import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import type { Database } from '../store/database.js';

const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * One transaction per command: every mutating route's handler runs inside `db.transaction`, with
 * `request.db` bound to it, so a request that fails writes nothing. Handlers return their reply
 * body (never `reply.send`) so that the response leaves only after the commit.
 */
export function installTransactions(app: FastifyInstance, db: Database): void {
  app.decorateRequest('db', null as never);
  app.addHook('onRequest', async (request) => {
    request.db = db;
  });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((method) => READ_ONLY.has(method))) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function transactional(request, reply) {
      const result = await db.transaction(async (tx) => {
        request.db = tx;
        try {
          return await handler.call(this, request, reply);
        } finally {
          request.db = db;
        }
      });
      // A handler with nothing to say (204) returns undefined; send the empty reply after the commit.
      if (result === undefined && !reply.sent) return reply.send();
      return result;
    };
  });
}
