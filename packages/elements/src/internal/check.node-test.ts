// The hand-written response checks (internal/check.ts) that replaced zod/mini in the embed bundle:
// they keep zod's safeParse contract (strip unknown keys, leave absent optional keys absent, name
// the first wrong path), for every input fast-check makes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { array, discriminatedUnion, extend, int, literal, nullable, object, oneOf, optional, record, safeParse, string, unknown } from './check.js';

const Money = object({ amount: int(), currency: oneOf(['DKK', 'EUR']) });
const Thing = object({ id: string(), money: Money, note: optional(string()), gone: nullable(string()), tags: array(string()), data: record(unknown()) });
const Union = discriminatedUnion('type', [object({ type: literal('a'), a: int() }), object({ type: literal('b'), b: string() })]);

describe('internal/check.ts', () => {
  it('answers a valid value with a copy holding only the known keys; an absent optional key stays absent', () => {
    const parsed = safeParse(Thing, { id: 'x', money: { amount: 5, currency: 'DKK', extra: 1 }, gone: null, tags: ['t'], data: { k: [1] }, more: true });
    assert.deepEqual(parsed, { success: true, data: { id: 'x', money: { amount: 5, currency: 'DKK' }, gone: null, tags: ['t'], data: { k: [1] } } });
    assert.equal(Object.hasOwn(parsed.success ? parsed.data : {}, 'note'), false);
    assert.deepEqual(safeParse(extend(Money, { at: string() }), { amount: 1, currency: 'EUR', at: 'now' }), { success: true, data: { amount: 1, currency: 'EUR', at: 'now' } });
  });

  it('names the first wrong path', () => {
    assert.deepEqual(safeParse(Thing, { id: 'x', money: { amount: 1.5, currency: 'DKK' }, gone: null, tags: [], data: {} }), {
      success: false,
      error: { issues: [{ path: ['money', 'amount'], message: 'expected an integer' }] },
    });
    const tags = safeParse(Thing, { id: 'x', money: { amount: 1, currency: 'DKK' }, gone: null, tags: ['a', 2], data: {} });
    assert.deepEqual(tags.success ? null : tags.error.issues[0]!.path, ['tags', 1]);
    assert.deepEqual(safeParse(Union, { type: 'c' }).success, false);
    assert.deepEqual(safeParse(Union, { type: 'b', b: 'x', a: 1 }), { success: true, data: { type: 'b', b: 'x' } });
    assert.deepEqual(safeParse(Union, { type: 'a', a: 'x' }).success, false);
  });

  it('accepts exactly the integers, strings and listed values, whatever comes', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        assert.equal(safeParse(int(), value).success, Number.isSafeInteger(value));
        assert.equal(safeParse(string(), value).success, typeof value === 'string');
        assert.equal(safeParse(oneOf(['DKK', 'EUR']), value).success, value === 'DKK' || value === 'EUR');
        assert.equal(safeParse(nullable(int()), value).success, value === null || Number.isSafeInteger(value));
      }),
    );
  });
});
