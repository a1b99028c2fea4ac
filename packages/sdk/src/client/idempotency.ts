/**
 * Idempotency keys: one per logical call, the same on each of its retries, so that a POST whose
 * response was lost can be sent again and the server answers with the first outcome instead of
 * creating a second case.
 */
import { webCrypto } from './platform.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure contexts in browsers, and a
 * widget may sit on a plain-http CMS page, hence the fallback on `getRandomValues` (RFC 9562 § 5.4).
 */
export function newIdempotencyKey(): string {
  const crypto = webCrypto();
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10xx
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
