import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { computeWebhookSignature, isCollectkitWebhookError, signWebhookPayload, verifyWebhook, type WebhookErrorCode } from './webhooks.js';

const secret = 'whsec_test_secret';
const body = '{"type":"case.stage_changed","data":{"caseId":"cs_1","stage":"notice"}}';
const t = 1_735_689_600; // 2025-01-01T00:00:00Z
const at = (seconds: number) => new Date(seconds * 1000);

/** The reference: Node's own HMAC over "<t>.<body>", computed independently of the code under test. */
const reference = (payload: string | Buffer, key = secret, timestamp = t) =>
  createHmac('sha256', key).update(Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.from(payload)])).digest('hex');

async function failure(promise: Promise<unknown>): Promise<WebhookErrorCode> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isCollectkitWebhookError(error), String(error));
    return error.code;
  }
  assert.fail('expected verification to fail');
}

describe('signWebhookPayload', () => {
  it('writes t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">', async () => {
    assert.equal(await signWebhookPayload(body, secret, t), `t=${t},v1=${reference(body)}`);
  });

  it('signs bytes exactly like the same text in UTF-8 (ø, å and ä included)', async () => {
    const text = '{"debtor":"Søren Åberg Bilværksted","city":"Malmö"}';
    const bytes = new TextEncoder().encode(text);
    assert.equal(await computeWebhookSignature(bytes, secret, t), await computeWebhookSignature(text, secret, t));
    assert.equal(await computeWebhookSignature(bytes, secret, t), reference(text));
  });

  it('refuses a timestamp that is not whole seconds', async () => {
    await assert.rejects(signWebhookPayload(body, secret, 1_735_689_600_000.5), RangeError);
  });
});

describe('verifyWebhook', () => {
  it('accepts a fresh, correctly signed delivery', async () => {
    const header = `t=${t},v1=${reference(body)}`;
    assert.deepEqual(await verifyWebhook(body, header, secret, { now: at(t + 299) }), { timestamp: t });
    assert.deepEqual(await verifyWebhook(body, header, secret, { now: at(t - 299) }), { timestamp: t }, 'small clock skew either way');
  });

  it('refuses a stale or future timestamp beyond the tolerance', async () => {
    const header = `t=${t},v1=${reference(body)}`;
    assert.equal(await failure(verifyWebhook(body, header, secret, { now: at(t + 301) })), 'timestamp_outside_tolerance');
    assert.equal(await failure(verifyWebhook(body, header, secret, { now: at(t + 61), toleranceSeconds: 60 })), 'timestamp_outside_tolerance');
    assert.equal(await failure(verifyWebhook(body, header, secret, { now: at(t - 400) })), 'timestamp_outside_tolerance');
  });

  it('refuses a changed body, another secret, and a replayed signature under a new timestamp', async () => {
    const header = `t=${t},v1=${reference(body)}`;
    const now = { now: at(t) };
    assert.equal(await failure(verifyWebhook(body.replace('notice', 'paid'), header, secret, now)), 'signature_mismatch');
    assert.equal(await failure(verifyWebhook(body, header, 'whsec_other', now)), 'signature_mismatch');
    const moved = `t=${t + 100},v1=${reference(body)}`;
    assert.equal(await failure(verifyWebhook(body, moved, secret, { now: at(t + 100) })), 'signature_mismatch');
  });

  it('accepts any of several v1 signatures (secret rotation) and skips unknown schemes', async () => {
    const header = `t=${t}, v0=abc, v1=${reference(body, 'whsec_old')}, v1=${reference(body)}`;
    assert.deepEqual(await verifyWebhook(body, header, secret, { now: at(t) }), { timestamp: t });
    assert.deepEqual(await verifyWebhook(body, header, 'whsec_old', { now: at(t) }), { timestamp: t });
  });

  it('names a malformed header as such', async () => {
    for (const header of ['', `v1=${reference(body)}`, `t=${t}`, `t=${t},v1=not-hex`, `t=soon,v1=${reference(body)}`]) {
      assert.equal(await failure(verifyWebhook(body, header, secret, { now: at(t) })), 'malformed_signature_header', header);
    }
  });

  it('round-trips every body and secret, and any flipped byte of the body breaks it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.string({ minLength: 1 }),
        fc.nat(),
        async (raw, key, position) => {
          const header = await signWebhookPayload(raw, key, t);
          await verifyWebhook(raw, header, key, { now: at(t) });
          const tampered = raw.slice();
          const index = position % raw.length;
          tampered[index] = tampered[index]! ^ 0x01;
          return (await failure(verifyWebhook(tampered, header, key, { now: at(t) }))) === 'signature_mismatch';
        },
      ),
      { numRuns: 100 },
    );
  });
});
