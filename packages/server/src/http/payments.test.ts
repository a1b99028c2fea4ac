import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RegisteredPaymentSchema } from '@collectkit/sdk';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { createdCase } from './case-test-fixtures.js';
import { dkk, pay, paymentScene } from './payment-test-fixtures.js';

describeEachDatabase(
  'debtor payments',
  (server) => {
    it('allocates to interest first, then principal; settles the claim, moves the case to paid, and keeps an overpayment', async () => {
      const s = server();
      const scene = await paymentScene(s);
      // DK interest from 16 January (renteloven § 3) at 9.75 % a year in 2026 H1 (Nationalbanken + 8 points, § 5; RULES.md §4, L).
      // 16 Jan – 15 Feb = 30 days: 1,000,000 × 0.0975 × 30 / 365 = 8,013.7 → 8,014 øre. DKK 5,000.00 pays that and 4,919.86 principal.
      const first = RegisteredPaymentSchema.parse(await pay(s, scene, 500_000, '2026-02-15', { reference: '+71<000000012345678+', method: 'bank_transfer' }));
      assert.deepEqual(first.interestAccrued, dkk(8_014));
      assert.deepEqual(first.applied, { costs: dkk(0), interest: dkk(8_014), principal: dkk(491_986) });
      assert.deepEqual(first.balanceAfter, { costs: dkk(0), interest: dkk(0), principal: dkk(508_014) });
      assert.deepEqual(first.overpayment, dkk(0));
      assert.equal(first.caseStage, 'submitted');
      assert.equal(first.reference, '+71<000000012345678+');
      const afterFirst = await call(s.url, 'GET', `/v1/cases/${scene.caseId}`, { bearer: scene.member.token });
      assert.deepEqual(afterFirst.json.totals.outstanding, dkk(508_014));

      // 15 Feb – 2 Mar = 15 days on 508,014: × 0.0975 × 15 / 365 = 2,035.5 → 2,036 øre. DKK 6,000.00 settles 510,050 and overpays 89,950.
      const second = RegisteredPaymentSchema.parse(await pay(s, scene, 600_000, '2026-03-02', { method: 'card' }));
      assert.deepEqual(second.interestAccrued, dkk(2_036));
      assert.deepEqual(second.applied, { costs: dkk(0), interest: dkk(2_036), principal: dkk(508_014) });
      assert.deepEqual(second.overpayment, dkk(89_950));
      assert.equal(second.caseStage, 'paid');

      // A payment on a paid case is accepted, all of it overpayment.
      const third = RegisteredPaymentSchema.parse(await pay(s, scene, 100, '2026-03-03', { method: 'cash' }));
      assert.deepEqual(third.applied, { costs: dkk(0), interest: dkk(0), principal: dkk(0) });
      assert.deepEqual(third.overpayment, dkk(100));
      assert.equal(third.caseStage, 'paid');

      const list = await call(s.url, 'GET', `/v1/cases/${scene.caseId}/payments`, { bearer: scene.member.token });
      assert.deepEqual(list.json.data.map((p: { id: string }) => p.id), [first.id, second.id, third.id]);
      const read = await call(s.url, 'GET', `/v1/cases/${scene.caseId}`, { bearer: scene.member.token });
      assert.equal(read.json.stage, 'paid');
      assert.deepEqual(read.json.totals.outstanding, dkk(0));
      const events = await call(s.url, 'GET', `/v1/cases/${scene.caseId}/events`, { bearer: scene.member.token });
      assert.deepEqual(events.json.data.map((e: { type: string }) => e.type), ['case.created', 'payment.received', 'payment.received', 'stage.changed', 'payment.received']);
      // Nothing lost: paid = applied + overpaid, to the øre.
      const total = 500_000 + 600_000 + 100;
      const applied = [first, second, third].reduce((sum, p) => sum + p.applied.costs.amount + p.applied.interest.amount + p.applied.principal.amount + p.overpayment.amount, 0);
      assert.equal(applied, total);
    });

    it('writes a payment.received and a case.updated webhook in the same transaction', async () => {
      const s = server();
      const scene = await paymentScene(s);
      const endpoint = await call(s.url, 'POST', '/v1/webhook-endpoints', { bearer: scene.association.secretKey, body: { url: 'https://erp.example/hook', eventTypes: ['payment.received', 'case.updated'], creditorId: scene.member.creditorId } });
      assert.equal(endpoint.status, 201);
      const payment = await pay(s, scene, 1_000, '2026-03-01');
      const deliveries = await s.db.query<{ event_type: string; body: string }>('SELECT event_type, body FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY seq', [endpoint.json.id]);
      assert.deepEqual(deliveries.map((d) => d.event_type), ['payment.received', 'case.updated']);
      const body = JSON.parse(deliveries[0]!.body);
      assert.equal(body.data.caseId, scene.caseId);
      assert.equal(body.data.paymentId, payment.id);
      assert.deepEqual(body.data.amount, dkk(1_000));
    });

    it('refuses bad payments with 400/403/404 and writes nothing', async () => {
      const s = server();
      const scene = await paymentScene(s);
      await pay(s, scene, 10_000, '2026-02-20');
      const counts = async () => [await s.count('case_payments'), await s.count('events'), await s.count('webhook_deliveries')];
      const before = await counts();
      const path = `/v1/cases/${scene.caseId}/payments`;
      const valid = { amount: dkk(1_000), receivedOn: '2026-03-01', method: 'bank_transfer' };
      const bad: [unknown, string][] = [
        [{ ...valid, amount: { amount: 1_000, currency: 'SEK' } }, 'amount.currency'],
        [{ ...valid, amount: dkk(0) }, 'amount.amount'],
        [{ ...valid, amount: dkk(-5) }, 'amount.amount'],
        [{ ...valid, amount: { amount: 10.5, currency: 'DKK' } }, 'amount.amount'],
        [{ ...valid, amount: { amount: '1000', currency: 'DKK' } }, 'amount.amount'],
        [{ ...valid, receivedOn: '2026-03-04' }, 'receivedOn'], // tomorrow on the server's clock
        [{ ...valid, receivedOn: '2026-02-19' }, 'receivedOn'], // before the payment already registered
        [{ ...valid, receivedOn: '2026-02-30' }, 'receivedOn'],
        [{ ...valid, method: 'barter' }, 'method'],
        [{ ...valid, reference: 'x'.repeat(141) }, 'reference'],
        [{ receivedOn: '2026-03-01', method: 'cash' }, 'amount'],
      ];
      for (const [body, path_] of bad) {
        const response = await call(s.url, 'POST', path, { bearer: scene.operator, body });
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(response.json.error.issues[0].path, path_, JSON.stringify(response.json));
      }
      for (const raw of ['', 'null', '[]', '"x"', '{"amount":', '{"amount":{"amount":1e400,"currency":"DKK"},"receivedOn":"2026-03-01","method":"cash"}']) {
        const response = await call(s.url, 'POST', path, { bearer: scene.operator, rawBody: raw, contentType: 'application/json' });
        assert.ok(response.status >= 400 && response.status < 500, `${response.status} for ${raw}`);
      }
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (body) => {
          const response = await call(s.url, 'POST', path, { bearer: scene.operator, body });
          assert.ok(response.status >= 400 && response.status < 500, `status ${response.status} for ${JSON.stringify(body)}`);
        }),
        { numRuns: 30 },
      );
      // Only the agency's operator registers payments: not the creditor, not the association's key.
      assert.equal((await call(s.url, 'POST', path, { bearer: scene.member.token, body: valid })).status, 403);
      assert.equal((await call(s.url, 'POST', path, { bearer: scene.association.secretKey, body: valid })).status, 403);
      assert.deepEqual(await counts(), before);
    });

    it('keeps tenants apart: another association\'s operator gets 404, another creditor cannot read the payments', async () => {
      const s = server();
      const scene = await paymentScene(s);
      const other = await paymentScene(s);
      const otherCreditor = await enrolActiveMember(s.url, scene.association.secretKey);
      await createdCase(s.url, otherCreditor.token);
      const path = `/v1/cases/${scene.caseId}/payments`;
      const before = await s.count('case_payments');
      assert.equal((await call(s.url, 'POST', path, { bearer: other.operator, body: { amount: dkk(1_000), receivedOn: '2026-03-01', method: 'cash' } })).status, 404);
      assert.equal((await call(s.url, 'GET', path, { bearer: other.operator })).status, 404);
      assert.equal((await call(s.url, 'GET', path, { bearer: otherCreditor.token })).status, 404);
      assert.equal((await call(s.url, 'GET', path, { bearer: scene.member.token })).status, 200);
      assert.equal(await s.count('case_payments'), before);
    });
  },
  { webhookDelivery: false },
);
