import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../store/database.js';
import { newToken, tokenHash } from './tokens.js';

export const SESSION_COOKIE = 'collectkit_session';
/** Two weeks: a member who signs in weekly stays signed in; a lost token stops working soon. */
const SESSION_DAYS = 14;

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export async function createSession(db: Queryable, input: { associationId: string; userId: string; now: Date }): Promise<IssuedSession> {
  const token = newToken('ses');
  const expiresAt = new Date(input.now.getTime() + SESSION_DAYS * 86_400_000);
  await db.query(
    `INSERT INTO sessions (id, association_id, user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), input.associationId, input.userId, tokenHash(token), input.now, expiresAt],
  );
  return { token, expiresAt };
}

export interface SessionPrincipal {
  sessionId: string;
  associationId: string;
  userId: string;
  role: 'member' | 'operator';
  creditorId: string | null;
}

export async function findLiveSession(db: Queryable, token: string, now: Date): Promise<SessionPrincipal | undefined> {
  const rows = await db.query<{ session_id: string; association_id: string; user_id: string; role: 'member' | 'operator'; creditor_id: string | null }>(
    `SELECT s.id AS session_id, s.association_id, s.user_id, u.role, u.creditor_id
       FROM sessions s JOIN users u ON u.id = s.user_id AND u.association_id = s.association_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
    [tokenHash(token), now],
  );
  const row = rows[0];
  return row && { sessionId: row.session_id, associationId: row.association_id, userId: row.user_id, role: row.role, creditorId: row.creditor_id };
}

export async function revokeSession(db: Queryable, associationId: string, sessionId: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $3 WHERE association_id = $1 AND id = $2 AND revoked_at IS NULL', [associationId, sessionId, now]);
}

/** HttpOnly so page scripts cannot read it; Lax so other sites cannot ride it; Secure over https. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: IssuedSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', path: '/' });
}
