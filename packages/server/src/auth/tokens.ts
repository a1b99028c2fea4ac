import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets (API keys, session, enrolment and reset tokens): 32 random bytes, base64url, with a
 * prefix saying what they are. Only their SHA-256 is stored, so a database leak yields no usable
 * secret; a plain hash suffices because the secret itself has 256 bits of entropy.
 */
export type TokenPrefix = 'pk' | 'sk' | 'ses' | 'enr' | 'rst';

export function newToken(prefix: TokenPrefix): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What listings show of a key: enough to recognise it, useless to an attacker. */
export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, token.indexOf('_') + 7);
}
