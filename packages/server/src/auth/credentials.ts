import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../store/database.js';
import { SESSION_COOKIE } from './sessions.js';
import { tokenHash } from './tokens.js';

/** The raw credentials a request carries, before any lookup. */
export interface PresentedCredentials {
  key?: string;
  /** From `Authorization: Bearer ses_…`: an invalid one is an error. */
  bearerSession?: string;
  /** From the cookie: a stale one is ignored (the browser may keep it after logout elsewhere). */
  cookieSession?: string;
}

export function presentedCredentials(request: FastifyRequest): PresentedCredentials {
  const found: PresentedCredentials = {};
  const headerKey = request.headers['x-collectkit-key'];
  if (typeof headerKey === 'string' && headerKey) found.key = headerKey.trim();
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const token = match?.[1];
    if (token?.startsWith('ses_')) found.bearerSession = token;
    else if (token) found.key = token;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) found.cookieSession = cookie;
  return found;
}

export interface ApiKeyPrincipal {
  associationId: string;
  kind: 'publishable' | 'secret';
  allowedOrigins: string[];
}

export async function findApiKey(db: Queryable, key: string): Promise<ApiKeyPrincipal | undefined> {
  if (!/^(pk|sk)_[A-Za-z0-9_-]{20,100}$/.test(key)) return undefined;
  const rows = await db.query<{ association_id: string; kind: 'publishable' | 'secret'; allowed_origins: string[] }>(
    `SELECT k.association_id, k.kind, a.allowed_origins
       FROM api_keys k JOIN associations a ON a.id = k.association_id
      WHERE k.token_hash = $1 AND k.revoked_at IS NULL`,
    [tokenHash(key)],
  );
  const row = rows[0];
  return row && { associationId: row.association_id, kind: row.kind, allowedOrigins: row.allowed_origins };
}

export async function allowedOriginsOf(db: Queryable, associationId: string): Promise<string[]> {
  const rows = await db.query<{ allowed_origins: string[] }>('SELECT allowed_origins FROM associations WHERE id = $1', [associationId]);
  return rows[0]?.allowed_origins ?? [];
}
