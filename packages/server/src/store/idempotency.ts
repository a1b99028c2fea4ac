import { createHash } from 'node:crypto';
import type { Queryable } from './database.js';

/**
 * Idempotency keys of POSTs that create something (DESIGN.md §6): a retried request gets the first
 * response instead of a second case.
 *
 * `claimIdempotencyKey` runs FIRST in the command's transaction: `INSERT … ON CONFLICT DO NOTHING`.
 * On PostgreSQL a concurrent request with the same key blocks on the uncommitted row until the first
 * transaction ends; then it sees the stored response (committed) or inserts its own (rolled back).
 * PGlite has one connection and runs transactions one after another, so there is nothing to race.
 */

export interface IdempotencyRequest {
  associationId: string;
  /** Who sent it: keys are per caller, so one caller never receives another's stored response. */
  caller: string;
  key: string;
  /** e.g. `POST /v1/cases`: the same key on another operation is a different request. */
  operation: string;
  requestHash: string;
  now: Date;
}

export type IdempotencyClaim =
  /** First use: do the work, then `recordIdempotentResponse` in the same transaction. */
  | { kind: 'first' }
  | { kind: 'replay'; status: number; body: unknown }
  /** Same key, another body or operation. */
  | { kind: 'reused' };

export async function claimIdempotencyKey(db: Queryable, request: IdempotencyRequest): Promise<IdempotencyClaim> {
  const inserted = await db.query(
    `INSERT INTO idempotency_keys (association_id, caller, key, operation, request_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
    [request.associationId, request.caller, request.key, request.operation, request.requestHash, request.now],
  );
  if (inserted.length === 1) return { kind: 'first' };
  const rows = await db.query<{ operation: string; request_hash: string; response_status: number | null; response_body: unknown }>(
    `SELECT operation, request_hash, response_status, response_body FROM idempotency_keys
     WHERE association_id = $1 AND caller = $2 AND key = $3`,
    [request.associationId, request.caller, request.key],
  );
  const stored = rows[0];
  if (!stored || stored.operation !== request.operation || stored.request_hash !== request.requestHash) return { kind: 'reused' };
  // The response is written in the transaction that claimed the key, so a committed row has one.
  if (stored.response_status === null) throw new Error('idempotency key committed without a response');
  return { kind: 'replay', status: stored.response_status, body: stored.response_body };
}

export async function recordIdempotentResponse(
  db: Queryable,
  request: Pick<IdempotencyRequest, 'associationId' | 'caller' | 'key'>,
  status: number,
  body: unknown,
): Promise<void> {
  await db.query(
    `UPDATE idempotency_keys SET response_status = $4, response_body = $5::jsonb WHERE association_id = $1 AND caller = $2 AND key = $3`,
    [request.associationId, request.caller, request.key, status, JSON.stringify(body)],
  );
}

/** JSON with object keys sorted at every depth: equal values give equal text, whatever the key order sent. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
