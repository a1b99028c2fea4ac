import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CollectkitApiError } from './errors.js';
import { backoffDelay, isTransient, parseRetryAfter, withRetry } from './retry.js';

describe('full-jitter back-off', () => {
  it('is uniform below min(maxDelay, base · 2^retry): worked values', () => {
    const policy = { limit: 5, baseDelayMs: 250, maxDelayMs: 3000 };
    // Ceilings 250, 500, 1000, 2000, 3000 (capped), 3000.
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0.5)), [125, 250, 500, 1000, 1500, 1500]);
    assert.equal(backoffDelay(3, policy, () => 0), 0);
  });

  it('never goes below 0 nor reaches the ceiling, for every retry and random draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 120_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, baseDelayMs, maxDelayMs, draw) => {
          const delay = backoffDelay(retry, { limit: 1, baseDelayMs, maxDelayMs }, () => draw);
          const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** retry);
          return Number.isInteger(delay) && delay >= 0 && delay < ceiling;
        },
      ),
    );
  });
});

describe('Retry-After (RFC 9110 § 10.2.3)', () => {
  it('reads delta-seconds and HTTP-dates relative to the given now', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now), 0, 'a date in the past means now');
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });
});

describe('withRetry', () => {
  const transient = new CollectkitApiError({ kind: 'network', status: 0, code: 'network_error', message: 'down' });
  const permanent = new CollectkitApiError({ kind: 'invalid_request', status: 400, code: 'invalid_request', message: 'bad' });

  it('does not repeat what may not be repeated, nor what will fail again', async () => {
    let calls = 0;
    const context = { policy: { limit: 3, baseDelayMs: 1, maxDelayMs: 1 }, random: () => 0, sleep: async () => undefined };
    await assert.rejects(withRetry(async () => (calls++, Promise.reject(transient)), { ...context, repeatable: false }));
    assert.equal(calls, 1);
    calls = 0;
    await assert.rejects(withRetry(async () => (calls++, Promise.reject(permanent)), { ...context, repeatable: true }));
    assert.equal(calls, 1);
    calls = 0;
    await assert.rejects(withRetry(async () => (calls++, Promise.reject(transient)), { ...context, repeatable: true }));
    assert.equal(calls, 4);
  });

  it('counts 408, 429, 502, 503, 504 and network failures as transient, not 500 or 409', () => {
    const status = (s: number) => new CollectkitApiError({ kind: 'server', status: s, code: 'x', message: 'x' });
    assert.deepEqual([408, 429, 502, 503, 504, 500, 409].map((s) => isTransient(status(s))), [true, true, true, true, true, false, false]);
    assert.ok(isTransient(transient));
    assert.ok(!isTransient(new Error('plain')));
  });
});
