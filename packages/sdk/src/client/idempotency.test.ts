import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newIdempotencyKey } from './idempotency.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('is a version-4 UUID, different every time', () => {
    const keys = new Set(Array.from({ length: 1000 }, newIdempotencyKey));
    assert.equal(keys.size, 1000);
    for (const key of keys) assert.match(key, UUID_V4);
  });

  it('falls back on getRandomValues where randomUUID is missing (plain-http pages)', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    // All-ones bytes make the version and variant bits visible: ff → 4f at byte 6, ff → bf at byte 8.
    const fake = { getRandomValues: (a: Uint8Array) => a.fill(0xff), subtle: {} };
    Object.defineProperty(globalThis, 'crypto', { value: fake, configurable: true });
    try {
      assert.equal(newIdempotencyKey(), 'ffffffff-ffff-4fff-bfff-ffffffffffff');
    } finally {
      Object.defineProperty(globalThis, 'crypto', original);
    }
  });
});
