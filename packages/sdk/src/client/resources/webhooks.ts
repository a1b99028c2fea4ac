/**
 * Webhook endpoints and their delivery log (packages/server/src/http/webhook-endpoints.ts), for a
 * secret key or an operator. Verify what arrives with `verifyWebhook` (client/webhooks.ts).
 */
import type { z } from 'zod';
import {
  CreateWebhookEndpointRequestSchema,
  CreatedWebhookEndpointSchema,
  WebhookDeliveryListSchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../../contract/api/webhook.js';
import type { CoreClient } from '../create-client.js';
import { pathOf } from '../http.js';
import { paginate, type PageList } from '../pagination.js';
import type { CallOptions } from './call-options.js';

export interface WebhookListOptions extends CallOptions {
  /** Items per page, 1–100 (default 50). */
  limit?: number | undefined;
}

export const webhookEndpointsResource = (client: CoreClient) => ({
  /** `POST /v1/webhook-endpoints` → the endpoint with its signing `secret` (shown once). */
  create: (body: z.input<typeof CreateWebhookEndpointRequestSchema>, options?: CallOptions) =>
    client.request({ method: 'POST', path: 'v1/webhook-endpoints', json: body, schema: CreatedWebhookEndpointSchema, ...options }),

  /** `GET /v1/webhook-endpoints`: awaitable for the first page, async-iterable over all. */
  list: ({ limit, ...options }: WebhookListOptions = {}): PageList<WebhookEndpoint> =>
    paginate((cursor) => client.request({ method: 'GET', path: 'v1/webhook-endpoints', query: { limit, cursor }, schema: WebhookEndpointListSchema, ...options })),

  /** `GET /v1/webhook-endpoints/:id`. */
  get: (id: string, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/webhook-endpoints', id), schema: WebhookEndpointSchema, ...options }),

  /** `DELETE /v1/webhook-endpoints/:id` (204): pending deliveries are cancelled; the log stays readable. */
  delete: (id: string, options?: CallOptions) => client.request({ method: 'DELETE', path: pathOf('v1/webhook-endpoints', id), ...options }),

  /** `GET /v1/webhook-endpoints/:id/deliveries`: newest first, each with every attempt. */
  deliveries: (id: string, { limit, ...options }: WebhookListOptions = {}): PageList<WebhookDelivery> =>
    paginate((cursor) =>
      client.request({ method: 'GET', path: pathOf('v1/webhook-endpoints', id, 'deliveries'), query: { limit, cursor }, schema: WebhookDeliveryListSchema, ...options }),
    ),
});
