import type { Database, Queryable } from '../../store/database.js';
import type { StoredLetter } from '../letters/letter-pdf.js';
import type { NotificationKind } from './kinds.js';

/** Queries of the `notifications` outbox (migration 0005). */

export type NotificationChannel = 'email' | 'sms' | 'letter';

export interface NewNotification {
  associationId: string;
  caseId: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  language: string;
  recipient: string;
  subject: string | null;
  text: string;
  html: string | null;
  /** The letter to render (letter channel; attached to e-mails): rendered after the step, see letters/queued-letters.ts. */
  letter: StoredLetter | null;
  note: string | null;
  /** e.g. `<case id>:reminder:2:email`: a retried step does not queue the same message twice. */
  dedupeKey: string | null;
  at: Date;
}

/** Queues a composed notification in the caller's transaction (its letter is rendered later); returns its id, or null when the dedupe key was already used. */
export async function enqueueNotification(db: Queryable, n: NewNotification): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO notifications (association_id, case_id, kind, channel, language, recipient, subject, text_body, html_body, letter_data,
                                note, dedupe_key, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)
     ON CONFLICT (association_id, dedupe_key) DO NOTHING
     RETURNING id::text`,
    [n.associationId, n.caseId, n.kind, n.channel, n.language, n.recipient, n.subject, n.text, n.html, n.letter === null ? null : JSON.stringify(n.letter), n.note, n.dedupeKey, n.at],
  );
  return rows[0]?.id ?? null;
}

export interface ClaimedNotification {
  id: string;
  association_id: string;
  case_id: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient: string;
  subject: string | null;
  text_body: string;
  html_body: string | null;
  letter_pdf: Uint8Array | null;
  /** Set while the letter is not rendered yet (JSON of a StoredLetter). */
  letter_data: string | null;
  attempts: number;
}

/**
 * Claims up to `limit` queued notifications of `channels` that are due, for `leaseMs`: the row
 * lock (SKIP LOCKED) keeps two dispatchers from taking the same row, and moving next_attempt_at
 * past the lease keeps the claim after the short transaction commits, while the send runs.
 */
export async function claimDueNotifications(
  db: Database,
  channels: readonly NotificationChannel[],
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedNotification[]> {
  if (channels.length === 0) return [];
  return db.transaction((tx) =>
    tx.query<ClaimedNotification>(
      `UPDATE notifications SET next_attempt_at = $3, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM notifications
         WHERE status = 'queued' AND channel = ANY($1::text[]) AND next_attempt_at <= $2
         ORDER BY next_attempt_at, id
         LIMIT $4
         FOR UPDATE SKIP LOCKED)
       RETURNING id::text, association_id::text, case_id, kind, channel, recipient, subject, text_body, html_body, letter_pdf,
                 CASE WHEN letter_pdf IS NULL THEN letter_data::text END AS letter_data, attempts`,
      [[...channels], now, new Date(now.getTime() + leaseMs), limit],
    ),
  );
}

export async function markNotificationSent(db: Queryable, id: string, providerId: string | null, at: Date): Promise<void> {
  await db.query(`UPDATE notifications SET status = 'sent', sent_at = $2, provider_id = $3, last_error = NULL WHERE id = $1`, [id, at, providerId]);
}

/** A failed attempt: retried at `retryAt`, or failed for good when null. */
export async function markNotificationAttemptFailed(db: Queryable, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db.query(
    `UPDATE notifications SET last_error = $2, status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE status END,
       next_attempt_at = COALESCE($3::timestamptz, next_attempt_at) WHERE id = $1`,
    [id, error.slice(0, 500), retryAt],
  );
}

export interface MailboxRow {
  id: string;
  association_id: string;
  case_id: string | null;
  kind: string;
  channel: NotificationChannel;
  language: string;
  recipient: string;
  subject: string | null;
  text_body: string;
  html_body: string | null;
  has_letter: boolean;
  note: string | null;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/** Newest first, for the dev mailbox. */
export function listNotifications(db: Queryable, limit: number): Promise<MailboxRow[]> {
  return db.query<MailboxRow>(
    `SELECT id::text, association_id::text, case_id, kind, channel, language, recipient, subject, text_body, html_body,
            (letter_pdf IS NOT NULL OR letter_data IS NOT NULL) AS has_letter, note, status, attempts, last_error, created_at, sent_at
     FROM notifications ORDER BY notifications.id DESC LIMIT $1`,
    [limit],
  );
}

/** A notification's letter: the stored PDF, or the data to render it from while it is not rendered yet. */
export async function notificationLetter(db: Queryable, id: string): Promise<{ pdf: Uint8Array | null; data: string | null } | undefined> {
  const rows = await db.query<{ letter_pdf: Uint8Array | null; letter_data: string | null }>(
    'SELECT letter_pdf, CASE WHEN letter_pdf IS NULL THEN letter_data::text END AS letter_data FROM notifications WHERE id = $1',
    [id],
  );
  const row = rows[0];
  return row && (row.letter_pdf || row.letter_data) ? { pdf: row.letter_pdf, data: row.letter_data } : undefined;
}

/**
 * Up to `limit` notifications whose letter is not rendered yet, oldest first, locked for the
 * caller's transaction (SKIP LOCKED: two dispatchers render different letters).
 */
export function lettersToRender(tx: Queryable, limit: number): Promise<{ id: string; letter_data: string }[]> {
  return tx.query<{ id: string; letter_data: string }>(
    `SELECT id::text, letter_data::text AS letter_data FROM notifications
      WHERE letter_pdf IS NULL AND letter_data IS NOT NULL ORDER BY notifications.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

/** Stores a rendered letter on the notifications that carry it (an e-mail and a letter of one step share it). */
export async function storeLetterPdf(db: Queryable, ids: readonly string[], pdf: Uint8Array): Promise<void> {
  await db.query('UPDATE notifications SET letter_pdf = $2 WHERE id = ANY($1::bigint[]) AND letter_pdf IS NULL', [[...ids], pdf]);
}
