import { randomUUID } from 'node:crypto';
import { forgetSessionsOfUser } from '../auth/sessions.js';
import { tokenHash } from '../auth/tokens.js';
import type { Queryable } from './database.js';

export async function createPasswordReset(
  db: Queryable,
  input: { associationId: string; userId: string; token: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO password_reset_tokens (id, association_id, user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), input.associationId, input.userId, tokenHash(input.token), input.now, input.expiresAt],
  );
}

/**
 * Marks the token used and returns its user, in one statement: of two concurrent uses only one
 * updates the row. Unknown, expired, used and other associations' tokens all return undefined.
 */
export async function consumePasswordReset(db: Queryable, associationId: string, token: string, now: Date): Promise<string | undefined> {
  const rows = await db.query<{ user_id: string }>(
    `UPDATE password_reset_tokens SET used_at = $3
      WHERE association_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > $3
      RETURNING user_id`,
    [associationId, tokenHash(token), now],
  );
  return rows[0]?.user_id;
}

/** A new password ends every session of the account: whoever knew the old one is signed out. */
export async function revokeAllSessions(db: Queryable, associationId: string, userId: string, now: Date): Promise<void> {
  forgetSessionsOfUser(userId); // this process's session cache (auth/sessions.ts)
  await db.query('UPDATE sessions SET revoked_at = $3 WHERE association_id = $1 AND user_id = $2 AND revoked_at IS NULL', [associationId, userId, now]);
}
