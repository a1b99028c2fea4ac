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

/**
 * An in-process cache of session lookups: the polling path (`GET /v1/cases/{id}` → 304) would
 * otherwise spend one of its two queries on the session every few hundred milliseconds per client.
 *
 * - Entries live `SESSION_CACHE_TTL_MS` (wall time) and never past the session's own expiry on the
 *   server's clock (checked against the `now` each lookup gets).
 * - Sign-out (`revokeSession`) and a password reset (`forgetSessionsOfUser`) in THIS process evict
 *   at once and keep the session (or user) out of the cache for `REVOKE_GUARD_MS`, so that a lookup
 *   racing the revoking transaction's commit cannot put the still-live row back.
 * - Another instance does not see this one's sign-outs: a session ended there stays usable here for
 *   at most `SESSION_CACHE_TTL_MS` (3 s). A change of a user's role or creditor (none exists in the
 *   API today) would likewise take up to that long here.
 */
export const SESSION_CACHE_TTL_MS = 3000;
const REVOKE_GUARD_MS = 10_000;
const MAX_CACHED_SESSIONS = 20_000;

interface CachedSession {
  principal: SessionPrincipal;
  sessionExpiresAt: number;
  /** performance.now() after which the entry is not used. */
  cachedUntil: number;
}

/** By token hash. */
const cachedSessions = new Map<string, CachedSession>();
/** performance.now() of the last in-process revocation, per session id and per user id. */
const revokedSessions = new Map<string, number>();
const revokedUsers = new Map<string, number>();

function recentlyRevoked(principal: SessionPrincipal, since: number): boolean {
  const now = performance.now();
  for (const at of [revokedSessions.get(principal.sessionId), revokedUsers.get(principal.userId)]) {
    if (at !== undefined && (at >= since || now - at < REVOKE_GUARD_MS)) return true;
  }
  return false;
}

function markRevoked(marks: Map<string, number>, id: string): void {
  const now = performance.now();
  marks.delete(id);
  marks.set(id, now);
  for (const [key, at] of marks) {
    if (now - at < 2 * REVOKE_GUARD_MS) break;
    marks.delete(key);
  }
}

export async function findLiveSession(db: Queryable, token: string, now: Date): Promise<SessionPrincipal | undefined> {
  const hash = tokenHash(token);
  const started = performance.now();
  const cached = cachedSessions.get(hash);
  if (cached && cached.cachedUntil > started) {
    if (cached.sessionExpiresAt > now.getTime()) return cached.principal;
    cachedSessions.delete(hash);
  }
  const rows = await db.query<{ session_id: string; association_id: string; user_id: string; role: 'member' | 'operator'; creditor_id: string | null; expires_at: Date }>(
    `SELECT s.id AS session_id, s.association_id, s.user_id, u.role, u.creditor_id, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id AND u.association_id = s.association_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
    [hash, now],
  );
  const row = rows[0];
  if (!row) return undefined;
  const principal: SessionPrincipal = { sessionId: row.session_id, associationId: row.association_id, userId: row.user_id, role: row.role, creditorId: row.creditor_id };
  if (!recentlyRevoked(principal, started)) {
    cachedSessions.delete(hash);
    cachedSessions.set(hash, { principal, sessionExpiresAt: new Date(row.expires_at).getTime(), cachedUntil: performance.now() + SESSION_CACHE_TTL_MS });
    if (cachedSessions.size > MAX_CACHED_SESSIONS) cachedSessions.delete(cachedSessions.keys().next().value!);
  }
  return principal;
}

function evictCachedSessions(matches: (principal: SessionPrincipal) => boolean): void {
  for (const [hash, entry] of cachedSessions) if (matches(entry.principal)) cachedSessions.delete(hash);
}

/** Every session of the user ended in this process (a password reset): drop them from the cache. */
export function forgetSessionsOfUser(userId: string): void {
  markRevoked(revokedUsers, userId);
  evictCachedSessions((principal) => principal.userId === userId);
}

export async function revokeSession(db: Queryable, associationId: string, sessionId: string, now: Date): Promise<void> {
  markRevoked(revokedSessions, sessionId);
  evictCachedSessions((principal) => principal.sessionId === sessionId);
  await db.query('UPDATE sessions SET revoked_at = $3 WHERE association_id = $1 AND id = $2 AND revoked_at IS NULL', [associationId, sessionId, now]);
  // Again after the statement: a lookup that finished in between is evicted too.
  evictCachedSessions((principal) => principal.sessionId === sessionId);
}

/** Empties the cache (tests). */
export function clearSessionCache(): void {
  cachedSessions.clear();
  revokedSessions.clear();
  revokedUsers.clear();
}

/**
 * HttpOnly so page scripts cannot read it. SameSite=Lax by default, so other sites cannot ride it; Secure
 * over https. Where the association's pages are another site than the API (COLLECTKIT_CROSS_SITE_SESSIONS),
 * SameSite=None so the embedded elements' requests carry it, always Secure (browsers demand it) and
 * Partitioned (CHIPS: kept per top-level site, so it works where third-party cookies are restricted and no
 * other site's page shares it). Cross-site riding is then stopped by the Origin check in auth-plugin.ts.
 */
function cookieAttributes(request: FastifyRequest) {
  return request.server.sessionCookieSameSite === 'none'
    ? ({ httpOnly: true, sameSite: 'none', secure: true, partitioned: true, path: '/' } as const)
    : ({ httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', path: '/' } as const);
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: IssuedSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, { ...cookieAttributes(request), expires: session.expiresAt });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieAttributes(request));
}
