/**
 * Signing and verifying Collectkit webhooks. The server signs with `signWebhookPayload` and a
 * receiver verifies with `verifyWebhook`: one implementation, so the two cannot drift.
 *
 * Header: `Collectkit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. Several
 * `v1=` entries may appear while a secret is being rotated; one match is enough. The timestamp is
 * inside the MAC, and a stale one is refused, so a captured delivery cannot be replayed later.
 */
import { systemClock, utf8, webCrypto } from './platform.js';

export const WEBHOOK_SIGNATURE_HEADER = 'Collectkit-Signature';

export type WebhookErrorCode = 'malformed_signature_header' | 'timestamp_outside_tolerance' | 'signature_mismatch';

export class CollectkitWebhookError extends Error {
  override readonly name = 'CollectkitWebhookError';
  readonly code: WebhookErrorCode;
  constructor(code: WebhookErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Works across realms and bundle copies, unlike `instanceof`. */
export function isCollectkitWebhookError(error: unknown): error is CollectkitWebhookError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'CollectkitWebhookError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** The lowercase hex HMAC-SHA256 of `"<timestamp>.<rawBody>"` under `secret`. */
export async function computeWebhookSignature(
  rawBody: string | Uint8Array,
  secret: string,
  timestamp: number,
): Promise<string> {
  return toHex(await hmacSha256(utf8(secret), signedPayload(timestamp, rawBody)));
}

/**
 * The signature header for a delivery made at `timestamp` (unix seconds):
 * `t=<timestamp>,v1=<hex>`.
 */
export async function signWebhookPayload(rawBody: string | Uint8Array, secret: string, timestamp: number): Promise<string> {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`timestamp must be whole unix seconds, got ${timestamp}`);
  }
  return `t=${timestamp},v1=${await computeWebhookSignature(rawBody, secret, timestamp)}`;
}

export interface VerifyWebhookOptions {
  /** How far the signed timestamp may be from `now`, either way. Default 300 s. */
  toleranceSeconds?: number;
  /** The receiver's current time; default the system clock. */
  now?: Date;
}

/**
 * Verifies a delivery against the raw request body, exactly as received (parse JSON only after
 * this: re-serialising changes the bytes). Resolves with the signed timestamp; rejects with a
 * `CollectkitWebhookError` saying why otherwise.
 */
export async function verifyWebhook(
  rawBody: string | Uint8Array,
  signatureHeader: string,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<{ timestamp: number }> {
  const { timestamp, signatures } = parseSignatureHeader(signatureHeader);
  const toleranceSeconds = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now?.getTime() ?? systemClock()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    throw new CollectkitWebhookError(
      'timestamp_outside_tolerance',
      `Signed at ${timestamp}, ${nowSeconds - timestamp} s from now; the tolerance is ${toleranceSeconds} s`,
    );
  }
  const expected = await hmacSha256(utf8(secret), signedPayload(timestamp, rawBody));
  let matched = false;
  for (const signature of signatures) {
    // No early exit: each candidate is compared in full, and all candidates are compared.
    if (constantTimeEqual(expected, signature)) matched = true;
  }
  if (!matched) throw new CollectkitWebhookError('signature_mismatch', 'No v1 signature matches this body and secret');
  return { timestamp };
}

function parseSignatureHeader(header: string): { timestamp: number; signatures: Uint8Array[] } {
  let timestamp: number | undefined;
  const signatures: Uint8Array[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't' && /^\d{1,15}$/.test(value)) timestamp = Number(value);
    // Other schemes (v0, a future v2) are skipped, as are v1 values that are not 32 bytes of hex.
    if (key === 'v1' && /^[0-9a-fA-F]{64}$/.test(value)) signatures.push(fromHex(value));
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new CollectkitWebhookError('malformed_signature_header', 'Expected "t=<unix seconds>,v1=<64 hex digits>"');
  }
  return { timestamp, signatures };
}

function signedPayload(timestamp: number, rawBody: string | Uint8Array): Uint8Array {
  const prefix = utf8(`${timestamp}.`);
  const body = typeof rawBody === 'string' ? utf8(rawBody) : rawBody;
  const payload = new Uint8Array(prefix.length + body.length);
  payload.set(prefix, 0);
  payload.set(body, prefix.length);
  return payload;
}

async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const subtle = webCrypto().subtle;
  const cryptoKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, data));
}

/** Time depends only on the lengths (both 32 bytes here), never on where the bytes differ. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
