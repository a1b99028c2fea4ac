import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CaseStatementSchema, PayoutSchema, createClient, type AgencyInvoice, type Payout } from '@collectkit/sdk';
import { describeEachDatabase, type TestServer } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { dkk, moveTo, pay, paymentScene, type PaymentScene } from './payment-test-fixtures.js';

async function payout(s: TestServer, scene: PaymentScene): Promise<Payout> {
  const response = await call(s.url, 'POST', `/v1/cases/${scene.caseId}/payouts`, { bearer: scene.operator });
  assert.equal(response.status, 201, JSON.stringify(response.json));
  return PayoutSchema.parse(response.json);
}

async function statement(s: TestServer, scene: PaymentScene, bearer = scene.member.token) {
  const response = await call(s.url, 'GET', `/v1/cases/${scene.caseId}/statement`, { bearer });
  assert.equal(response.status, 200, JSON.stringify(response.json));
  return CaseStatementSchema.parse(response.json);
}

/** Collected = kept + paid out, per component and in total (DESIGN.md §5). */
function assertBalanced(st: Payout['statement']) {
  for (const name of ['principal', 'interest', 'costs'] as const) {
    const c = st.components[name];
    assert.equal(c.collected.amount, c.keptByAgency.amount + c.paidToCreditor.amount, name);
  }
  assert.equal(st.totals.collected.amount, st.totals.keptByAgency.amount + st.totals.paidToCreditor.amount);
}

// The claim: DKK 10,000.00 due 15 Jan 2026; interest from 16 Jan up to (not including) 3 Mar = 16 + 28 + 2 = 46 days at 9.75 %
// (renteloven § 5, 2026 H1; RULES.md §4, L): 1,000,000 × 0.0975 × 46 / 365 = 12,287.7 → 12,288 øre. Paying 1,012,288 on 3 March settles it.
const SETTLED_ON_3_MARCH = 1_012_288;

describeEachDatabase(
  'statements, payouts and agency invoices',
  (server) => {
    it('amicable under the member plan: no commission, the interest is the agency\'s, the principal all the creditor\'s; then paid_out', async () => {
      const s = server();
      const scene = await paymentScene(s);
      const paid = await pay(s, scene, SETTLED_ON_3_MARCH, '2026-03-03');
      assert.deepEqual(paid.applied, { costs: dkk(0), interest: dkk(12_288), principal: dkk(1_000_000) });
      assert.equal(paid.caseStage, 'paid');

      const before = await statement(s, scene);
      assert.deepEqual(before.statement.totals, { collected: dkk(SETTLED_ON_3_MARCH), keptByAgency: dkk(12_288), paidToCreditor: dkk(1_000_000) });
      assert.deepEqual(before.notYetPaidOut, dkk(SETTLED_ON_3_MARCH));
      assert.deepEqual(before.claimOutstanding, dkk(0));
      assert.equal(before.statement.agencyFees.commission.waived, true);

      const result = await payout(s, scene);
      assertBalanced(result.statement);
      assert.equal(result.invoice, null, 'no fee, no invoice');
      assert.equal(result.caseStage, 'paid_out');
      const after = await statement(s, scene);
      assert.deepEqual(after.paidOut, { collected: dkk(SETTLED_ON_3_MARCH), keptByAgency: dkk(12_288), paidToCreditor: dkk(1_000_000) });
      assert.deepEqual(after.notYetPaidOut, dkk(0));

      const again = await call(s.url, 'POST', `/v1/cases/${scene.caseId}/payouts`, { bearer: scene.operator });
      assert.equal(again.status, 409, 'nothing left to pay out');
      const events = await call(s.url, 'GET', `/v1/cases/${scene.caseId}/events`, { bearer: scene.member.token });
      assert.deepEqual(events.json.data.map((e: { type: string }) => e.type), ['case.created', 'payment.received', 'stage.changed', 'payout.created', 'stage.changed']);
    });

    it('after legal action: 10 % commission + 25 % Danish VAT, set off against the payout, invoiced with a PDF', async () => {
      const s = server();
      const scene = await paymentScene(s);
      await moveTo(s, scene, 'collection');
      await moveTo(s, scene, 'legal');
      await pay(s, scene, SETTLED_ON_3_MARCH, '2026-03-03');
      const result = await payout(s, scene);
      // Commission 10 % of DKK 10,000.00 = 1,000.00; VAT 25 % (momsloven § 33; sdk pricing/vat.ts) = 250.00; fee 1,250.00.
      assert.equal(result.statement.phase, 'legal');
      assert.deepEqual(result.statement.agencyFees.lines, [
        { code: 'commission', amount: dkk(100_000), percent: '10' },
        { code: 'vat', amount: dkk(25_000), percent: '25' },
      ]);
      assert.deepEqual(result.statement.components.principal, { collected: dkk(1_000_000), keptByAgency: dkk(125_000), paidToCreditor: dkk(875_000) });
      assert.deepEqual(result.statement.components.interest, { collected: dkk(12_288), keptByAgency: dkk(12_288), paidToCreditor: dkk(0) });
      assertBalanced(result.statement);
      const invoice = result.invoice!;
      assert.equal(invoice.number, '2026-000001');
      assert.deepEqual(invoice.total, dkk(125_000));
      assert.deepEqual(invoice.vat, dkk(25_000));
      assert.deepEqual(invoice.deductedFromPayout, dkk(125_000));
      assert.deepEqual(invoice.dueFromCreditor, dkk(0));
      assert.equal(invoice.creditorId, scene.member.creditorId);
      assert.equal(result.caseStage, 'paid_out');

      const pdf = await call(s.url, 'GET', invoice.pdfUrl, { bearer: scene.member.token });
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
      const list = await call(s.url, 'GET', '/v1/invoices', { bearer: scene.member.token });
      assert.deepEqual(list.json.data.map((i: { id: string }) => i.id), [invoice.id]);
    });

    it('pays out in two parts what was collected in two payments; collected = kept + paid out over both', async () => {
      const s = server();
      const scene = await paymentScene(s);
      await moveTo(s, scene, 'collection');
      await moveTo(s, scene, 'legal');
      // 16 Jan – 15 Feb: 8,014 øre interest; DKK 5,000.00 leaves 491,986 for the principal.
      await pay(s, scene, 500_000, '2026-02-15');
      const first = await payout(s, scene);
      // Commission 10 % of 491,986 = 49,198.6 → 49,199; VAT 25 % = 12,299.75 → 12,300; fee 61,499.
      assert.deepEqual(first.statement.agencyFees.total, dkk(61_499));
      assert.deepEqual(first.statement.totals, { collected: dkk(500_000), keptByAgency: dkk(8_014 + 61_499), paidToCreditor: dkk(491_986 - 61_499) });
      assert.equal(first.caseStage, 'legal');
      const rest = await statement(s, scene, scene.operator);
      assert.deepEqual(rest.notYetPaidOut, dkk(0));
      // 15 Feb – 3 Mar = 16 days on 508,014: × 0.0975 × 16 / 365 = 2,171.2 → 2,171 øre.
      const settle = await pay(s, scene, 508_014 + 2_171, '2026-03-03');
      assert.equal(settle.caseStage, 'paid');
      assert.deepEqual(settle.overpayment, dkk(0));
      const second = await payout(s, scene);
      assert.equal(second.caseStage, 'paid_out');
      assert.equal(second.invoice!.number, '2026-000002');
      const collected = first.statement.totals.collected.amount + second.statement.totals.collected.amount;
      const kept = first.statement.totals.keptByAgency.amount + second.statement.totals.keptByAgency.amount;
      const paidOut = first.statement.totals.paidToCreditor.amount + second.statement.totals.paidToCreditor.amount;
      assert.equal(collected, 500_000 + 510_185);
      assert.equal(collected, kept + paidOut);
      const final = await statement(s, scene);
      assert.deepEqual(final.paidOut, { collected: dkk(collected), keptByAgency: dkk(kept), paidToCreditor: dkk(paidOut) });
      const invoices = await call(s.url, 'GET', '/v1/invoices?limit=1', { bearer: scene.member.token });
      assert.equal(invoices.json.data[0].number, '2026-000002', 'newest first');
      const next = await call(s.url, 'GET', `/v1/invoices?limit=1&cursor=${invoices.json.nextCursor}`, { bearer: scene.member.token });
      assert.equal(next.json.data[0].number, '2026-000001');
      assert.equal(next.json.nextCursor, null);
    });

    it('keeps collected = kept + paid out for any payments (fast-check, over HTTP)', async () => {
      const s = server();
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ amount: fc.integer({ min: 1, max: 700_000 }), day: fc.integer({ min: 0, max: 40 }), payoutAfter: fc.boolean() }), { minLength: 1, maxLength: 4 }),
          fc.boolean(),
          async (payments, legal) => {
            const scene = await paymentScene(s);
            if (legal) {
              await moveTo(s, scene, 'collection');
              await moveTo(s, scene, 'legal');
            }
            const sorted = [...payments].sort((a, b) => a.day - b.day);
            const outcomes: Payout[] = [];
            let paidIn = 0;
            let overpaid = 0;
            for (const p of sorted) {
              const date = new Date(Date.UTC(2026, 0, 20 + p.day)).toISOString().slice(0, 10);
              const registered = await pay(s, scene, p.amount, date);
              paidIn += p.amount;
              overpaid += registered.overpayment.amount;
              if (!p.payoutAfter) continue;
              if ((await statement(s, scene)).notYetPaidOut.amount > 0) outcomes.push(await payout(s, scene));
              else assert.equal((await call(s.url, 'POST', `/v1/cases/${scene.caseId}/payouts`, { bearer: scene.operator })).status, 409, 'nothing new to pay out');
            }
            const st = await statement(s, scene);
            assert.equal(st.statement.totals.collected.amount + overpaid, paidIn, 'every øre paid is collected or overpaid');
            assertBalanced(st.statement);
            for (const o of outcomes) assertBalanced(o.statement);
            const sum = (pick: (o: Payout) => number) => outcomes.reduce((t, o) => t + pick(o), 0);
            assert.deepEqual(st.paidOut, {
              collected: dkk(sum((o) => o.statement.totals.collected.amount)),
              keptByAgency: dkk(sum((o) => o.statement.totals.keptByAgency.amount)),
              paidToCreditor: dkk(sum((o) => o.statement.totals.paidToCreditor.amount)),
            });
            assert.equal(st.paidOut.collected.amount + st.notYetPaidOut.amount, st.statement.totals.collected.amount);
          },
        ),
        { numRuns: 8 },
      );
    });

    it('is driven by the SDK client: register a payment, read the statement, pay out, iterate the invoices, list documents', async () => {
      const s = server();
      const scene = await paymentScene(s);
      await moveTo(s, scene, 'collection');
      await moveTo(s, scene, 'legal');
      const operator = createClient({ apiBase: s.url, token: scene.operator });
      const member = createClient({ apiBase: s.url, token: scene.member.token });
      const registered = await operator.payments.register(scene.caseId, { amount: dkk(SETTLED_ON_3_MARCH), receivedOn: '2026-03-03', method: 'bank_transfer' });
      assert.equal(registered.caseStage, 'paid');
      assert.equal((await member.payments.list(scene.caseId)).data.length, 1);
      assert.deepEqual((await member.payouts.statement(scene.caseId)).notYetPaidOut, dkk(SETTLED_ON_3_MARCH));
      const made = await operator.payouts.create(scene.caseId);
      assert.deepEqual(made.invoice!.total, dkk(125_000));
      assert.equal((await member.payouts.list(scene.caseId)).data[0]!.id, made.id);
      const invoices: AgencyInvoice[] = [];
      for await (const invoice of member.invoices.list({ limit: 1 })) invoices.push(invoice);
      assert.deepEqual(invoices.map((i) => i.id), [made.invoice!.id]);
      assert.equal(member.invoices.pdfPath(made.invoice!.id), `v1/invoices/${made.invoice!.id}/pdf`);
      assert.deepEqual((await member.documents.list(scene.caseId)).data, []);
      await assert.rejects(member.payouts.create(scene.caseId), { status: 403 });
    });

    it('serialises concurrent payments and payouts on one case: nothing allocated twice, one payout per collection', async () => {
      const s = server();
      const scene = await paymentScene(s);
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => call(s.url, 'POST', `/v1/cases/${scene.caseId}/payments`, { bearer: scene.operator, body: { amount: dkk(150_000), receivedOn: '2026-03-03', method: 'bank_transfer' } })),
      );
      assert.deepEqual(responses.map((r) => r.status), Array(10).fill(201));
      const payments = (await call(s.url, 'GET', `/v1/cases/${scene.caseId}/payments`, { bearer: scene.operator })).json.data;
      // DKK 15,000.00 paid against 1,012,288 owed: 1,012,288 collected, 487,712 overpaid, whatever order they landed in.
      const applied = payments.reduce((t: number, p: any) => t + p.applied.costs.amount + p.applied.interest.amount + p.applied.principal.amount, 0);
      const overpaid = payments.reduce((t: number, p: any) => t + p.overpayment.amount, 0);
      assert.equal(applied, SETTLED_ON_3_MARCH);
      assert.equal(overpaid, 1_500_000 - SETTLED_ON_3_MARCH);
      const payouts = await Promise.all(Array.from({ length: 3 }, () => call(s.url, 'POST', `/v1/cases/${scene.caseId}/payouts`, { bearer: scene.operator })));
      assert.deepEqual(payouts.map((r) => r.status).sort(), [201, 409, 409]);
      const st = await statement(s, scene);
      assert.deepEqual(st.paidOut.collected, dkk(SETTLED_ON_3_MARCH));
      assert.deepEqual(st.overpayment, dkk(1_500_000 - SETTLED_ON_3_MARCH));
    });

    it('keeps tenants apart and leaves payouts to the operator', async () => {
      const s = server();
      const scene = await paymentScene(s);
      const other = await paymentScene(s);
      const sameAssociation = await enrolActiveMember(s.url, scene.association.secretKey);
      await moveTo(s, scene, 'collection');
      await moveTo(s, scene, 'legal');
      await pay(s, scene, 100_000, '2026-03-01');
      const before = [await s.count('payouts'), await s.count('agency_invoices')];
      assert.equal((await call(s.url, 'POST', `/v1/cases/${scene.caseId}/payouts`, { bearer: scene.member.token })).status, 403);
      assert.equal((await call(s.url, 'POST', `/v1/cases/${scene.caseId}/payouts`, { bearer: scene.association.secretKey })).status, 403);
      assert.equal((await call(s.url, 'POST', `/v1/cases/${scene.caseId}/payouts`, { bearer: other.operator })).status, 404);
      assert.equal((await call(s.url, 'POST', `/v1/cases/${scene.caseId}/payouts`, { bearer: scene.operator, rawBody: '{"x":', contentType: 'application/json' })).status, 400);
      assert.deepEqual([await s.count('payouts'), await s.count('agency_invoices')], before);
      const made = await payout(s, scene);
      for (const bearer of [other.operator, other.member.token, sameAssociation.token]) {
        assert.equal((await call(s.url, 'GET', `/v1/cases/${scene.caseId}/statement`, { bearer })).status, 404);
        assert.equal((await call(s.url, 'GET', `/v1/cases/${scene.caseId}/payouts`, { bearer })).status, 404);
        assert.equal((await call(s.url, 'GET', made.invoice!.pdfUrl, { bearer })).status, 404);
        assert.deepEqual((await call(s.url, 'GET', '/v1/invoices', { bearer })).json.data, []);
      }
      // A member asking for another creditor's invoices still sees only its own.
      assert.deepEqual((await call(s.url, 'GET', `/v1/invoices?creditorId=${scene.member.creditorId}`, { bearer: sameAssociation.token })).json.data, []);
      assert.equal((await call(s.url, 'GET', `/v1/invoices?creditorId=${scene.member.creditorId}`, { bearer: scene.association.secretKey })).json.data.length, 1);
      assert.equal((await call(s.url, 'GET', '/v1/invoices?cursor=nope', { bearer: scene.member.token })).status, 400);
      assert.equal((await call(s.url, 'GET', '/v1/invoices?limit=0', { bearer: scene.member.token })).status, 400);
      assert.equal((await call(s.url, 'GET', '/v1/invoices/inv_x/pdf', { bearer: scene.member.token })).status, 404);
    });
  },
  { webhookDelivery: false },
);
