import type { FastifyPluginAsync } from 'fastify';

/** The OpenAPI 3.1 document, generated from the contract's zod schemas through the route schemas. */
export const openapiRoutes: FastifyPluginAsync = async (app) => {
  app.get('/v1/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());
};
