import { randomBytes, randomUUID } from 'node:crypto';
import type { WebhookEventType } from '@collectkit/sdk';
import type { Queryable } from './database.js';

/**
 * Webhook endpoints, the delivery outbox and the attempt log (migration 0003). Every query is scoped
 * by association; the delivery worker (process/webhook-delivery.ts) is the one reader across tenants.
 */

export interface WebhookEndpointRow {
  id: string;
  association_id: string;
  creditor_id: string | null;
  url: string;
  event_types: WebhookEventType[];
  description: string | null;
  seq: string;
  created_at: Date;
}

const ENDPOINT_COLUMNS = 'id, association_id, creditor_id, url, event_types, description, seq::text AS seq, created_at';

/** 32 random bytes: the HMAC key of the endpoint's signatures, shown to the caller once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export async function createWebhookEndpoint(
  db: Queryable,
  input: { associationId: string; creditorId: string | null; url: string; eventTypes: readonly WebhookEventType[]; description: string | null; secret: string; now: Date },
): Promise<WebhookEndpointRow> {
  const rows = await db.query<WebhookEndpointRow>(
    `INSERT INTO webhook_endpoints (id, association_id, creditor_id, url, event_types, description, secret, created_at)
     VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8) RETURNING ${ENDPOINT_COLUMNS}`,
    [randomUUID(), input.associationId, input.creditorId, input.url, input.eventTypes, input.description, input.secret, input.now],
  );
  return rows[0]!;
}

/** Live endpoints of the association, oldest first, after the `afterSeq` cursor. */
export async function listWebhookEndpoints(db: Queryable, associationId: string, afterSeq: string | null, limit: number): Promise<WebhookEndpointRow[]> {
  return db.query<WebhookEndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints
      WHERE association_id = $1 AND deleted_at IS NULL AND ($2::bigint IS NULL OR seq > $2::bigint)
      ORDER BY seq LIMIT $3`,
    [associationId, afterSeq, limit],
  );
}

export async function findWebhookEndpoint(db: Queryable, associationId: string, id: string): Promise<WebhookEndpointRow | undefined> {
  const rows = await db.query<WebhookEndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE association_id = $1 AND id = $2 AND deleted_at IS NULL`,
    [associationId, id],
  );
  return rows[0];
}

/** Whether the association has, or had, this endpoint (deleted endpoints keep their delivery log). */
export async function webhookEndpointExisted(db: Queryable, associationId: string, id: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM webhook_endpoints WHERE association_id = $1 AND id = $2', [associationId, id]);
  return rows.length > 0;
}

/** Ends the endpoint and cancels what it still had pending. False when there was no such live endpoint. */
export async function deleteWebhookEndpoint(db: Queryable, associationId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    'UPDATE webhook_endpoints SET deleted_at = $3 WHERE association_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id',
    [associationId, id, now],
  );
  if (rows.length === 0) return false;
  await db.query(
    `UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL, completed_at = $3
      WHERE association_id = $1 AND endpoint_id = $2 AND status = 'pending'`,
    [associationId, id, now],
  );
  return true;
}

export interface WebhookEventInput {
  associationId: string;
  /** The creditor the event concerns; null for association-wide events. Endpoints bound to another creditor do not get it. */
  creditorId: string | null;
  type: WebhookEventType;
  data: Record<string, unknown>;
  at: Date;
}

/**
 * Writes one delivery per matching endpoint into the outbox, in the caller's transaction: a
 * rolled-back command sends nothing, a committed one is delivered by the worker even if this
 * process dies right after the commit. Returns the event id (the same in every endpoint's copy).
 */
export async function enqueueWebhooks(tx: Queryable, event: WebhookEventInput): Promise<{ eventId: string; deliveries: number }> {
  const eventId = randomUUID();
  const body = JSON.stringify({ id: eventId, type: event.type, createdAt: event.at.toISOString(), data: event.data });
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO webhook_deliveries (id, association_id, endpoint_id, event_id, event_type, body, status, next_attempt_at, created_at)
     SELECT gen_random_uuid(), e.association_id, e.id, $3::uuid, $4::text, $5::text, 'pending', $6::timestamptz, $6::timestamptz
       FROM webhook_endpoints e
      WHERE e.association_id = $1 AND e.deleted_at IS NULL AND $4::text = ANY (e.event_types)
        AND (e.creditor_id IS NULL OR e.creditor_id = $2::uuid)
      ORDER BY e.seq
     RETURNING id`,
    [event.associationId, event.creditorId, eventId, event.type, body, event.at],
  );
  return { eventId, deliveries: rows.length };
}

export interface ClaimedDelivery {
  id: string;
  association_id: string;
  endpoint_id: string;
  url: string;
  secret: string;
  body: string;
  attempt_count: number;
}

/**
 * Claims up to `limit` due deliveries for one attempt each. `FOR UPDATE SKIP LOCKED` lets several
 * workers (several server instances on one PostgreSQL) claim side by side without waiting on each
 * other; moving `next_attempt_at` to the end of the lease in the same statement means no other worker
 * sees the delivery as due while this one is sending it. A worker that dies mid-send leaves the
 * delivery to be retried when the lease ends (at least once; receivers deduplicate on the event id).
 */
export async function claimDueDeliveries(db: Queryable, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
  return db.query<ClaimedDelivery>(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d
        WHERE d.status = 'pending' AND d.next_attempt_at <= $1
        ORDER BY d.next_attempt_at, d.seq
        LIMIT $3
        FOR UPDATE SKIP LOCKED
     )
     UPDATE webhook_deliveries d SET next_attempt_at = $2
       FROM due, webhook_endpoints e
      WHERE d.id = due.id AND e.id = d.endpoint_id
     RETURNING d.id, d.association_id, d.endpoint_id, e.url, e.secret, d.body, d.attempt_count`,
    [now, leaseUntil, limit],
  );
}

export interface AttemptOutcome {
  at: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  succeeded: boolean;
  /** When the next attempt is due after a failure; null: give up (status failed). */
  retryAt: Date | null;
}

/** Logs the attempt and moves the delivery on: succeeded, pending until `retryAt`, or failed. */
export async function recordAttempt(db: Queryable, delivery: ClaimedDelivery, outcome: AttemptOutcome, completedAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO webhook_delivery_attempts (association_id, delivery_id, attempted_at, status_code, duration_ms, error)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [delivery.association_id, delivery.id, outcome.at, outcome.statusCode, outcome.durationMs, outcome.error],
  );
  const status = outcome.succeeded ? 'succeeded' : outcome.retryAt ? 'pending' : 'failed';
  // `status = 'pending'` guards against an endpoint deleted (delivery cancelled) while the attempt ran.
  await db.query(
    `UPDATE webhook_deliveries
        SET attempt_count = attempt_count + 1, status = $2, next_attempt_at = $3, completed_at = $4
      WHERE id = $1 AND status = 'pending'`,
    [delivery.id, status, status === 'pending' ? outcome.retryAt : null, status === 'pending' ? null : completedAt],
  );
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: WebhookEventType;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  next_attempt_at: Date | null;
  created_at: Date;
  seq: string;
  attempts: { at: string; statusCode: number | null; durationMs: number; error: string | null }[];
}

/** An endpoint's deliveries, newest first, each with its attempts in order. */
export async function listDeliveries(db: Queryable, associationId: string, endpointId: string, beforeSeq: string | null, limit: number): Promise<DeliveryRow[]> {
  return db.query<DeliveryRow>(
    `SELECT d.id, d.event_id, d.event_type, d.status, d.next_attempt_at, d.created_at, d.seq::text AS seq,
            COALESCE((SELECT json_agg(json_build_object('at', a.attempted_at, 'statusCode', a.status_code,
                                                         'durationMs', a.duration_ms, 'error', a.error) ORDER BY a.id)
                        FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id), '[]'::json) AS attempts
       FROM webhook_deliveries d
      WHERE d.association_id = $1 AND d.endpoint_id = $2 AND ($3::bigint IS NULL OR d.seq < $3::bigint)
      ORDER BY d.seq DESC LIMIT $4`,
    [associationId, endpointId, beforeSeq, limit],
  );
}
