import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, QuoteRequestSchema, QuoteSchema, quote } from '@collectkit/sdk';
import { pricingPlan } from '../pricing-plans.js';
import { findAssociation } from '../store/associations.js';
import { notFound } from './api-error.js';
import type { RouteOptions } from './route-options.js';

/**
 * The non-binding quote with the association's pricing plan, as of today on the server's clock.
 * The same `quote()` runs in the widget; the server recomputes and locks it when a case is submitted.
 */
export const quoteRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  app.post(
    '/v1/quotes',
    {
      config: { auth: ['publishable', 'secret', 'member', 'operator'] },
      schema: {
        tags: ['quote'],
        summary: "Quote a claim with the association's pricing plan (non-binding)",
        body: QuoteRequestSchema,
        response: { 200: QuoteSchema, 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema },
      },
    },
    async (request) => {
      const { associationId, kind } = request.auth!;
      const association = await findAssociation(request.db, associationId);
      if (!association) throw notFound('association');
      // A signed-in member is a member of the association, whatever the form said.
      const input = kind === 'member' ? { ...request.body, member: true } : request.body;
      return quote(input, pricingPlan(association.pricing_plan_id), { asOf: clock.today() });
    },
  );
};
