import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, HealthSchema } from '@collectkit/sdk';
import type { RouteOptions } from './route-options.js';

/** For load balancers and `docker run --health-cmd`: 200 only when the database answers. */
export const healthRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock, databaseKind: database }) => {
  app.get(
    '/health',
    {
      config: { auth: 'public' },
      schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: HealthSchema, 503: HealthSchema, 500: ErrorResponseSchema } },
    },
    async (request, reply) => {
      try {
        await request.db.query('SELECT 1');
        return { status: 'ok' as const, database, time: clock.now().toISOString() };
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unreachable');
        return reply.code(503).send({ status: 'unavailable' as const, database, time: clock.now().toISOString() });
      }
    },
  );
};
