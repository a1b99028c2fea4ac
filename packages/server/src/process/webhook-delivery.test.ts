import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { verifyWebhook, WebhookEventSchema } from '@collectkit/sdk';
import { describeEachDatabase, type TestServer } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { createdCase } from '../http/case-test-fixtures.js';
import { pay, paymentScene } from '../http/payment-test-fixtures.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import type { Database } from '../store/database.js';
import { createWebhookWorker, DEFAULT_RETRY_DELAYS_MS } from './webhook-delivery.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

async function endpoint(server: TestServer, secretKey: string, url: string, body: Record<string, unknown> = {}) {
  const created = await call(server.url, 'POST', '/v1/webhook-endpoints', { bearer: secretKey, body: { url, eventTypes: ['payment.received', 'case.created'], ...body } });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  return created.json as { id: string; secret: string };
}

async function enqueue(db: Database, associationId: string, creditorId: string | null, at: Date, data: Record<string, unknown> = { caseId: 'c1' }) {
  return db.transaction((tx) => enqueueWebhooks(tx, { associationId, creditorId, type: 'payment.received', data, at }));
}

describeEachDatabase(
  'webhook delivery',
  (server) => {
    let receiver: WebhookReceiver;
    before(async () => {
      receiver = await startWebhookReceiver();
    });
    after(async () => {
      await receiver.close();
    });

    it('POSTs the event signed so that the SDK\'s verifyWebhook accepts it, and logs the attempt', async () => {
      const s = server();
      const { associationId, secretKey } = await s.association();
      const { id, secret } = await endpoint(s, secretKey, receiver.url);
      assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      receiver.received.length = 0;
      receiver.respond = () => 204;

      const { eventId, deliveries } = await enqueue(s.db, associationId, null, s.clock.now(), { caseId: 'c1', amount: { amount: 125000, currency: 'DKK' } });
      assert.equal(deliveries, 1);
      const worker = createWebhookWorker({ allowPrivateTargets: true, db: s.db, clock: s.clock });
      assert.equal(await worker.runOnce(), 1);

      assert.equal(receiver.received.length, 1);
      const [hit] = receiver.received;
      const header = hit!.headers['collectkit-signature'] as string;
      assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
      // The timestamp is the server clock's (3 March 2026), so the receiver checks against that instant.
      assert.deepEqual(await verifyWebhook(hit!.rawBody, header, secret, { now: s.clock.now() }), { timestamp: Math.floor(s.clock.now().getTime() / 1000) });
      await assert.rejects(verifyWebhook(hit!.rawBody, header, 'whsec_other', { now: s.clock.now() }), { code: 'signature_mismatch' });
      const event = WebhookEventSchema.parse(JSON.parse(hit!.rawBody));
      assert.deepEqual(event, { id: eventId, type: 'payment.received', createdAt: s.clock.now().toISOString(), data: { caseId: 'c1', amount: { amount: 125000, currency: 'DKK' } } });
      assert.equal(hit!.headers['content-type'], 'application/json');

      const log = await call(s.url, 'GET', `/v1/webhook-endpoints/${id}/deliveries`, { bearer: secretKey });
      assert.equal(log.status, 200);
      assert.equal(log.json.data.length, 1);
      const [delivery] = log.json.data;
      assert.equal(delivery.status, 'succeeded');
      assert.equal(delivery.eventId, eventId);
      assert.equal(delivery.nextAttemptAt, null);
      assert.equal(delivery.attempts.length, 1);
      assert.equal(delivery.attempts[0].statusCode, 204);
      assert.equal(delivery.attempts[0].error, null);
      assert.equal(delivery.attempts[0].at, s.clock.now().toISOString());
      assert.ok(delivery.attempts[0].durationMs >= 0);

      assert.equal(await worker.runOnce(), 0, 'a delivered event is not sent again');
    });

    it('retries a receiver that fails twice: the third attempt comes once the clock passes 1 + 5 minutes', async () => {
      const s = server();
      const { associationId, secretKey } = await s.association();
      const { id, secret } = await endpoint(s, secretKey, receiver.url);
      receiver.received.length = 0;
      receiver.respond = (_request, index) => (index < 2 ? 500 : 200);
      const worker = createWebhookWorker({ allowPrivateTargets: true, db: s.db, clock: s.clock });
      const start = s.clock.now();
      await enqueue(s.db, associationId, null, start);

      assert.equal(await worker.runOnce(), 1);
      assert.equal(receiver.received.length, 1);
      s.clock.advance({ seconds: 59 });
      assert.equal(await worker.runOnce(), 0, 'not before the first back-off of 1 minute');
      s.clock.advance({ seconds: 1 });
      assert.equal(await worker.runOnce(), 1);
      assert.equal(receiver.received.length, 2);
      s.clock.advance({ minutes: 4, seconds: 59 });
      assert.equal(await worker.runOnce(), 0, 'not before the second back-off of 5 minutes');
      s.clock.advance({ seconds: 1 });
      assert.equal(await worker.runOnce(), 1);
      assert.equal(receiver.received.length, 3);

      // Same body each time (receivers deduplicate on its id), signed afresh with the time of each attempt.
      assert.equal(new Set(receiver.received.map((r) => r.rawBody)).size, 1);
      const stamps = receiver.received.map((r) => Number(/t=(\d+)/.exec(r.headers['collectkit-signature'] as string)![1]));
      const t0 = start.getTime() / 1000;
      assert.deepEqual(stamps, [t0, t0 + 60, t0 + 360]);
      await verifyWebhook(receiver.received[2]!.rawBody, receiver.received[2]!.headers['collectkit-signature'] as string, secret, { now: s.clock.now() });

      const log = await call(s.url, 'GET', `/v1/webhook-endpoints/${id}/deliveries`, { bearer: secretKey });
      const [delivery] = log.json.data;
      assert.equal(delivery.status, 'succeeded');
      assert.deepEqual(delivery.attempts.map((a: { statusCode: number; error: string | null }) => [a.statusCode, a.error]), [[500, 'HTTP 500'], [500, 'HTTP 500'], [200, null]]);
    });

    it('gives up after six attempts (1 min, 5 min, 30 min, 2 h, 12 h apart) and logs timeouts and refused connections', async () => {
      const s = server();
      const { associationId, secretKey } = await s.association();
      // A receiver that never answers: each attempt times out.
      const hung = await endpoint(s, secretKey, receiver.url);
      receiver.respond = () => new Promise<number>(() => undefined);
      const worker = createWebhookWorker({ allowPrivateTargets: true, db: s.db, clock: s.clock, timeoutMs: 150 });
      await enqueue(s.db, associationId, null, s.clock.now());
      assert.deepEqual(DEFAULT_RETRY_DELAYS_MS, [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
      for (const delay of [0, ...DEFAULT_RETRY_DELAYS_MS]) {
        s.clock.advance({ seconds: delay / 1000 });
        assert.equal(await worker.runOnce(), 1);
      }
      s.clock.advance({ days: 30 });
      assert.equal(await worker.runOnce(), 0, 'failed for good');
      const log = await call(s.url, 'GET', `/v1/webhook-endpoints/${hung.id}/deliveries`, { bearer: secretKey });
      const [delivery] = log.json.data;
      assert.equal(delivery.status, 'failed');
      assert.equal(delivery.nextAttemptAt, null);
      assert.equal(delivery.attempts.length, 6);
      for (const attempt of delivery.attempts) {
        assert.equal(attempt.statusCode, null);
        assert.equal(attempt.error, 'no answer within 150 ms');
      }
      receiver.respond = () => 204;
      await call(s.url, 'DELETE', `/v1/webhook-endpoints/${hung.id}`, { bearer: secretKey });

      // A port that was free a moment ago and that nothing listens on: the connection is refused.
      const gone = await startWebhookReceiver();
      await gone.close();
      const closed = await endpoint(s, secretKey, gone.url);
      await enqueue(s.db, associationId, null, s.clock.now());
      assert.equal(await worker.runOnce(), 1);
      const refused = await call(s.url, 'GET', `/v1/webhook-endpoints/${closed.id}/deliveries`, { bearer: secretKey });
      assert.equal(refused.json.data[0].status, 'pending');
      assert.equal(refused.json.data[0].attempts[0].error, 'ECONNREFUSED');
      assert.equal(refused.json.data[0].nextAttemptAt, new Date(s.clock.now().getTime() + 60_000).toISOString());
      await call(s.url, 'DELETE', `/v1/webhook-endpoints/${closed.id}`, { bearer: secretKey });
      const cancelled = await call(s.url, 'GET', `/v1/webhook-endpoints/${closed.id}/deliveries`, { bearer: secretKey });
      assert.equal(cancelled.json.data[0].status, 'cancelled', 'a deleted endpoint\'s pending deliveries are cancelled; its log stays readable');
    });

    it('delivers each event exactly once with two workers on one database', async () => {
      const s = server();
      const { associationId, secretKey } = await s.association();
      await endpoint(s, secretKey, receiver.url);
      receiver.received.length = 0;
      // Slow answers keep both workers busy at the same time.
      receiver.respond = () => new Promise((resolve) => setTimeout(() => resolve(200), 5));
      const other = s.kind === 'postgres' ? await s.testDatabase.openAnother() : s.db;
      const eventIds = new Set<string>();
      for (let i = 0; i < 60; i++) eventIds.add((await enqueue(s.db, associationId, null, s.clock.now(), { n: i })).eventId);
      const first = createWebhookWorker({ allowPrivateTargets: true, db: s.db, clock: s.clock, batchSize: 7 });
      const second = createWebhookWorker({ allowPrivateTargets: true, db: other, clock: s.clock, batchSize: 7 });
      const drain = async (worker: typeof first) => {
        let total = 0;
        for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) total += n;
        return total;
      };
      const [a, b] = await Promise.all([drain(first), drain(second)]);
      assert.equal(a + b, 60);
      if (s.kind === 'postgres') assert.ok(a > 0 && b > 0, `both workers took part (${a} + ${b})`);
      const received = receiver.received.map((r) => JSON.parse(r.rawBody).id as string);
      assert.equal(received.length, 60, 'no event twice');
      assert.deepEqual(new Set(received), eventIds, 'every event once');
    });

    it('sends a creditor\'s events to its own endpoints and the association-wide ones, never to another creditor\'s', async () => {
      const s = server();
      const { associationId, secretKey } = await s.association();
      const alice = await enrolActiveMember(s.url, secretKey);
      const bob = await enrolActiveMember(s.url, secretKey);
      await endpoint(s, secretKey, `${receiver.url}?all`);
      await endpoint(s, secretKey, `${receiver.url}?alice`, { creditorId: alice.creditorId });
      await endpoint(s, secretKey, `${receiver.url}?bob`, { creditorId: bob.creditorId });
      await endpoint(s, secretKey, `${receiver.url}?payouts`, { eventTypes: ['payout.created'] });
      assert.equal((await enqueue(s.db, associationId, alice.creditorId, s.clock.now())).deliveries, 2);
      const urls = await s.db.query<{ url: string }>(
        `SELECT e.url FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.association_id = $1 ORDER BY e.url`,
        [associationId],
      );
      assert.deepEqual(urls.map((row) => new URL(row.url).search), ['?alice', '?all']);
    });

    it('delivers case.created, payment.received, case.updated and payout.created from the real routes', async () => {
      const s = server();
      const scene = await paymentScene(s);
      const { secret } = await endpoint(s, scene.association.secretKey, receiver.url, { eventTypes: ['case.created', 'case.updated', 'payment.received', 'payout.created'] });
      receiver.received.length = 0;
      receiver.respond = () => 200;
      const created = await createdCase(s.url, scene.member.token);
      await pay(s, { ...scene, caseId: created.id }, 1_012_288, '2026-03-03'); // settles the DKK 10,000.00 claim (payouts.test.ts)
      const paidOut = await call(s.url, 'POST', `/v1/cases/${created.id}/payouts`, { bearer: scene.operator });
      assert.equal(paidOut.status, 201);
      const worker = createWebhookWorker({ allowPrivateTargets: true, db: s.db, clock: s.clock });
      while ((await worker.runOnce()) > 0);
      // Earlier tests left deliveries of other associations to the same receiver: keep this case's.
      const ofCase = [];
      for (const hit of receiver.received) {
        const event = WebhookEventSchema.parse(JSON.parse(hit.rawBody));
        if (event.data.caseId !== created.id) continue;
        await verifyWebhook(hit.rawBody, hit.headers['collectkit-signature'] as string, secret, { now: s.clock.now() });
        ofCase.push(event);
      }
      assert.deepEqual(ofCase.map((e) => e.type).sort(), ['case.created', 'case.updated', 'case.updated', 'payment.received', 'payout.created']);
      assert.equal(ofCase.find((e) => e.type === 'case.created')!.data.number, created.number);
      assert.deepEqual(ofCase.find((e) => e.type === 'payout.created')!.data.paidToCreditor, { amount: 1_000_000, currency: 'DKK' });
    });

    it('without the opt-in refuses to send to a name that resolves to loopback or to plain http, fails the delivery at once and logs why', async () => {
      const s = server();
      const { associationId, secretKey } = await s.association();
      const port = new URL(receiver.url).port;
      // Registered while the opt-in was on (this suite's server); the worker below runs without it.
      const named = await endpoint(s, secretKey, `https://localhost:${port}/hooks`);
      const plain = await endpoint(s, secretKey, receiver.url);
      receiver.received.length = 0;
      const worker = createWebhookWorker({ allowPrivateTargets: false, db: s.db, clock: s.clock });
      await enqueue(s.db, associationId, null, s.clock.now());
      // Earlier tests' leftovers (other associations) may be claimed too: at least these two.
      assert.ok((await worker.runOnce()) >= 2);
      assert.equal(receiver.received.length, 0, 'nothing was sent');
      const logOf = async (id: string) => (await call(s.url, 'GET', `/v1/webhook-endpoints/${id}/deliveries`, { bearer: secretKey })).json.data[0];
      const refusedName = await logOf(named.id);
      assert.equal(refusedName.status, 'failed', 'a refused target is not retried');
      assert.equal(refusedName.nextAttemptAt, null);
      assert.equal(refusedName.attempts.length, 1);
      assert.equal(refusedName.attempts[0].statusCode, null);
      assert.match(refusedName.attempts[0].error, /^refused: localhost resolves to internal address (127\.0\.0\.1|::1)/);
      assert.match(refusedName.attempts[0].error, /COLLECTKIT_WEBHOOK_ALLOW_PRIVATE/);
      const refusedPlain = await logOf(plain.id);
      assert.equal(refusedPlain.status, 'failed');
      assert.match(refusedPlain.attempts[0].error, /^refused: http:\/\/ is not https/);
      s.clock.advance({ days: 1 });
      await worker.runOnce();
      assert.equal((await logOf(named.id)).attempts.length, 1, 'no retries');

      // The same kind of endpoint with the opt-in is delivered as before.
      await call(s.url, 'DELETE', `/v1/webhook-endpoints/${named.id}`, { bearer: secretKey });
      receiver.respond = () => 204;
      await enqueue(s.db, associationId, null, s.clock.now());
      const allowed = createWebhookWorker({ allowPrivateTargets: true, db: s.db, clock: s.clock });
      while ((await allowed.runOnce()) > 0);
      assert.equal(receiver.received.length, 1);
      assert.equal((await call(s.url, 'GET', `/v1/webhook-endpoints/${plain.id}/deliveries`, { bearer: secretKey })).json.data[0].status, 'succeeded');
      await call(s.url, 'DELETE', `/v1/webhook-endpoints/${plain.id}`, { bearer: secretKey });
    });

    it('writes nothing when the transaction that enqueued the event rolls back', async () => {
      const s = server();
      const { associationId, secretKey } = await s.association();
      await endpoint(s, secretKey, receiver.url);
      const before = await s.count('webhook_deliveries');
      await assert.rejects(
        s.db.transaction(async (tx) => {
          await enqueueWebhooks(tx, { associationId, creditorId: null, type: 'payment.received', data: {}, at: s.clock.now() });
          throw new Error('the command failed after enqueueing');
        }),
      );
      assert.equal(await s.count('webhook_deliveries'), before);
    });
  },
  // The receiver listens on http://127.0.0.1: this suite runs with the development opt-in (webhook-target.ts).
  { webhookDelivery: false, webhookAllowPrivateTargets: true },
);
