import { z } from 'zod';

/**
 * Outbound webhooks (issue 3 §5): an association, or one of its creditors, registers an HTTPS
 * endpoint and the event types it wants. Every delivery is signed with the endpoint's secret
 * (`Collectkit-Signature: t=<unix>,v1=<hex>`, see client/webhooks.ts) and retried with back-off;
 * each attempt is logged and readable at `GET /v1/webhook-endpoints/{id}/deliveries`.
 */

/** `payment.unmatched` (an imported payment no case could take) goes to the association's endpoints only, not to creditors'. */
export const WEBHOOK_EVENT_TYPES = ['case.created', 'case.updated', 'payment.received', 'payment.unmatched', 'payout.created'] as const;
export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventTypeSchema>;

/** http(s) only, no credentials in the URL (they would be logged and shown in listings). */
export const WebhookUrlSchema = z
  .url({ protocol: /^https?$/, message: 'expected an http(s) URL' })
  .max(2000)
  // User name or password in the URL would be logged and shown in listings.
  .refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), { message: 'expected an http(s) URL without user name or password' });

export const CreateWebhookEndpointRequestSchema = z.object({
  url: WebhookUrlSchema,
  eventTypes: z
    .array(WebhookEventTypeSchema)
    .min(1, { message: 'choose at least one event type' })
    .max(WEBHOOK_EVENT_TYPES.length)
    .refine((types) => new Set(types).size === types.length, { message: 'each event type once' }),
  /** Only this creditor's events; absent: every creditor of the association. */
  creditorId: z.uuid().optional(),
  description: z.string().trim().max(200).optional(),
});
export type CreateWebhookEndpointRequest = z.infer<typeof CreateWebhookEndpointRequestSchema>;

export const WebhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  eventTypes: z.array(WebhookEventTypeSchema),
  creditorId: z.uuid().nullable(),
  description: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** The creation response adds the signing secret (`whsec_…`): shown once, keep it with the receiver. */
export const CreatedWebhookEndpointSchema = WebhookEndpointSchema.extend({ secret: z.string().startsWith('whsec_') });
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpointSchema>;

export const WebhookEndpointListSchema = z.object({ data: z.array(WebhookEndpointSchema), nextCursor: z.string().nullable() });

export const WebhookEndpointIdParamsSchema = z.object({ id: z.uuid() });

export const WebhookDeliveryStatusSchema = z.enum(['pending', 'succeeded', 'failed', 'cancelled']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatusSchema>;

/** One HTTP attempt: the receiver's status code (null when none came), how long it took, why it failed. */
export const WebhookDeliveryAttemptSchema = z.object({
  at: z.iso.datetime(),
  statusCode: z.int().nullable(),
  durationMs: z.int().min(0),
  error: z.string().nullable(),
});
export type WebhookDeliveryAttempt = z.infer<typeof WebhookDeliveryAttemptSchema>;

export const WebhookDeliverySchema = z.object({
  id: z.uuid(),
  /** The event's id: the same in every endpoint's delivery of it, and across retries (deduplicate on it). */
  eventId: z.uuid(),
  eventType: WebhookEventTypeSchema,
  status: WebhookDeliveryStatusSchema,
  /** When the next attempt is due; null once succeeded, failed or cancelled. */
  nextAttemptAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  attempts: z.array(WebhookDeliveryAttemptSchema),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryListSchema = z.object({ data: z.array(WebhookDeliverySchema), nextCursor: z.string().nullable() });

export const WebhookListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** What the receiver gets as the POST body (parse it only after `verifyWebhook`). */
export const WebhookEventSchema = z.object({
  id: z.uuid(),
  type: WebhookEventTypeSchema,
  createdAt: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;
