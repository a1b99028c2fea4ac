import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponseSchema, MeSchema } from '@collectkit/sdk';
import { findAssociation } from '../store/associations.js';
import { findCreditor } from '../store/creditors.js';
import { findUser } from '../store/users.js';
import { notFound } from './api-error.js';
import type { RouteOptions } from './route-options.js';

/** The signed-in user, its association and (for members) its company. */
export const meRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/v1/me',
    {
      config: { auth: ['member', 'operator'] },
      schema: { tags: ['account'], summary: 'Who am I', response: { 200: MeSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema } },
    },
    async (request) => {
      const { associationId, userId, creditorId } = request.auth!;
      const [user, association, creditor] = await Promise.all([
        findUser(request.db, associationId, userId!),
        findAssociation(request.db, associationId),
        creditorId ? findCreditor(request.db, associationId, creditorId) : undefined,
      ]);
      if (!user || !association) throw notFound('account');
      return {
        user: { id: user.id, email: user.email, role: user.role },
        association: { id: association.id, name: association.name, country: association.country, pricingPlanId: association.pricing_plan_id },
        creditor: creditor
          ? { id: creditor.id, status: creditor.status, name: creditor.company.name, nationalId: creditor.company.nationalId, country: creditor.company.country }
          : null,
      };
    },
  );
};
