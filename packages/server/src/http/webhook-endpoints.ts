import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateWebhookEndpointRequestSchema,
  CreatedWebhookEndpointSchema,
  ErrorResponseSchema,
  WebhookDeliveryListSchema,
  WebhookEndpointIdParamsSchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  WebhookListQuerySchema,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '@collectkit/sdk';
import { findCreditor } from '../store/creditors.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  listDeliveries,
  listWebhookEndpoints,
  newWebhookSecret,
  webhookEndpointExisted,
  type DeliveryRow,
  type WebhookEndpointRow,
} from '../store/webhooks.js';
import { invalidRequest, notFound } from './api-error.js';
import type { RouteOptions } from './route-options.js';
import { webhookUrlProblem } from '../process/webhook-target.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
/** Webhook configuration is the association's (or the agency's) business: not a member's, not a browser's. */
const config = { auth: ['secret', 'operator'] as const };

function endpointView(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    creditorId: row.creditor_id,
    description: row.description,
    createdAt: row.created_at.toISOString(),
  };
}

function deliveryView(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    nextAttemptAt: row.next_attempt_at ? row.next_attempt_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    attempts: row.attempts.map((attempt) => ({ ...attempt, at: new Date(attempt.at).toISOString() })),
  };
}

/** Cursors are the opaque sequence number of the last row a page showed. */
function parseCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  if (!/^[1-9]\d{0,17}$/.test(cursor)) throw invalidRequest('cursor', 'not a cursor this list handed out');
  return cursor;
}

/** Outbound webhook endpoints and their delivery log (issue 3 §5). */
export const webhookEndpointRoutes: FastifyPluginAsyncZod<RouteOptions & { allowPrivateTargets?: boolean }> = async (app, { clock, allowPrivateTargets = false }) => {
  app.post(
    '/v1/webhook-endpoints',
    {
      config,
      schema: {
        tags: ['webhooks'],
        summary: 'Register a webhook endpoint; the signing secret is in this response only',
        body: CreateWebhookEndpointRequestSchema,
        response: { 201: CreatedWebhookEndpointSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { associationId } = request.auth!;
      const { url, eventTypes, creditorId, description } = request.body;
      // No https, or a literal internal address: refused here; names are checked at every delivery (SSRF).
      const problem = webhookUrlProblem(url, allowPrivateTargets);
      if (problem) throw invalidRequest('url', problem);
      if (creditorId !== undefined && !(await findCreditor(request.db, associationId, creditorId))) {
        // Another association's creditor is as unknown as a made-up id.
        throw invalidRequest('creditorId', 'no such creditor in this association');
      }
      const secret = newWebhookSecret();
      const row = await createWebhookEndpoint(request.db, {
        associationId,
        creditorId: creditorId ?? null,
        url,
        eventTypes,
        description: description || null,
        secret,
        now: clock.now(),
      });
      reply.code(201);
      return { ...endpointView(row), secret };
    },
  );

  app.get(
    '/v1/webhook-endpoints',
    { config, schema: { tags: ['webhooks'], summary: 'The association\'s webhook endpoints', querystring: WebhookListQuerySchema, response: { 200: WebhookEndpointListSchema, ...errors } } },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await listWebhookEndpoints(request.db, request.auth!.associationId, parseCursor(request.query.cursor), limit + 1);
      const page = rows.slice(0, limit);
      return { data: page.map(endpointView), nextCursor: rows.length > limit ? page.at(-1)!.seq : null };
    },
  );

  app.get(
    '/v1/webhook-endpoints/:id',
    { config, schema: { tags: ['webhooks'], summary: 'One webhook endpoint', params: WebhookEndpointIdParamsSchema, response: { 200: WebhookEndpointSchema, ...errors } } },
    async (request) => {
      const row = await findWebhookEndpoint(request.db, request.auth!.associationId, request.params.id);
      if (!row) throw notFound('webhook endpoint');
      return endpointView(row);
    },
  );

  app.delete(
    '/v1/webhook-endpoints/:id',
    { config, schema: { tags: ['webhooks'], summary: 'Remove an endpoint; its pending deliveries are cancelled', params: WebhookEndpointIdParamsSchema, response: { 204: z.null().describe('Removed'), ...errors } } },
    async (request, reply) => {
      if (!(await deleteWebhookEndpoint(request.db, request.auth!.associationId, request.params.id, clock.now()))) throw notFound('webhook endpoint');
      reply.code(204);
    },
  );

  app.get(
    '/v1/webhook-endpoints/:id/deliveries',
    {
      config,
      schema: {
        tags: ['webhooks'],
        summary: 'The endpoint\'s deliveries, newest first, with every attempt',
        params: WebhookEndpointIdParamsSchema,
        querystring: WebhookListQuerySchema,
        response: { 200: WebhookDeliveryListSchema, ...errors },
      },
    },
    async (request) => {
      const { associationId } = request.auth!;
      // Deleted endpoints keep their log readable.
      if (!(await webhookEndpointExisted(request.db, associationId, request.params.id))) throw notFound('webhook endpoint');
      const limit = request.query.limit ?? 50;
      const rows = await listDeliveries(request.db, associationId, request.params.id, parseCursor(request.query.cursor), limit + 1);
      const page = rows.slice(0, limit);
      return { data: page.map(deliveryView), nextCursor: rows.length > limit ? page.at(-1)!.seq : null };
    },
  );
};
