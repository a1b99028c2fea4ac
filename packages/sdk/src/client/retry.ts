/**
 * Retries with full-jitter exponential back-off ("Exponential Backoff And Jitter", AWS Architecture
 * Blog, 2015): attempt n waits a uniformly random time in [0, min(maxDelay, baseDelay · 2ⁿ)), so
 * that many widgets hit by the same outage do not come back in lock-step.
 */
import { isCollectkitApiError } from './errors.js';
import type { AbortSignalLike, Sleep } from './platform.js';

export interface RetryPolicy {
  /** Retries after the first attempt (0 disables retrying). */
  limit: number;
  baseDelayMs: number;
  /** Upper bound of one back-off; a `Retry-After` longer than this is not waited for but thrown. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { limit: 2, baseDelayMs: 300, maxDelayMs: 10_000 };

/** Statuses worth another try: request timeout, rate limit, and the gateway family (not 500: a bug stays a bug). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/** Full jitter: `random() · min(maxDelayMs, baseDelayMs · 2^retry)`, `retry` counting from 0. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Transient failures: no response, a timeout, or a retryable status. */
export function isTransient(error: unknown): boolean {
  if (!isCollectkitApiError(error)) return false;
  return error.kind === 'network' || RETRYABLE_STATUSES.has(error.status);
}

export interface RetryContext {
  policy: RetryPolicy;
  random: () => number;
  sleep: Sleep;
  signal?: AbortSignalLike | undefined;
  /** Whether this call may be repeated at all (a POST only with an Idempotency-Key). */
  repeatable: boolean;
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the retries are spent. A server's
 * `Retry-After` replaces the back-off (it knows when it will be ready), unless it is longer than
 * `maxDelayMs`: then the error is thrown with `retryAfterMs` for the caller to schedule.
 */
export async function withRetry<T>(attempt: (retry: number) => Promise<T>, context: RetryContext): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt(retry);
    } catch (error) {
      if (!context.repeatable || retry >= context.policy.limit || !isTransient(error)) throw error;
      const retryAfterMs = isCollectkitApiError(error) ? error.retryAfterMs : undefined;
      if (retryAfterMs !== undefined && retryAfterMs > context.policy.maxDelayMs) throw error;
      const delay = retryAfterMs ?? backoffDelay(retry, context.policy, context.random);
      await context.sleep(delay, context.signal);
    }
  }
}

/**
 * `Retry-After` is either delta-seconds or an HTTP-date (RFC 9110 § 10.2.3); the date form needs
 * the current time, hence `now`. Unparseable values count as absent.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
