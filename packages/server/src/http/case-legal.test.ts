import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deriveDunningCase, type DunningEvent } from '../process/scheduler/dunning-state.js';
import { caseInvoices, findCase } from '../store/cases.js';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { caseBody, createdCase, invoice, operatorToken } from './case-test-fixtures.js';
import { legalEstimate } from './case-legal.js';

const swedishDebtor = { type: 'business', name: 'Svensson Bil AB', country: 'SE', address: { lines: ['Storgatan 1'], postalCode: '11122', city: 'Stockholm', country: 'SE' } };

describe('legalEstimate', () => {
  it('SE: Kronofogden\'s fees from RULES.md §3 — 300 + 600 + at most 380 = SEK 1,280 (128,000 öre), each cited', () => {
    const e = legalEstimate('cs_000000000000000000000001', 'SE', null);
    assert.equal(e.authority, 'kronofogden');
    assert.deepEqual(e.items.map((i) => [i.kind, i.amount?.amount, i.basis]), [['application_fee', 30_000, 'exact'], ['enforcement_fee', 60_000, 'exact'], ['applicant_work', 38_000, 'maximum']]);
    assert.deepEqual(e.knownTotal, { amount: 128_000, currency: 'SEK' });
    assert.equal(e.complete, true);
    assert.ok(e.items.every((i) => i.citation?.includes('RULES.md §3') && i.confidence === 'high'));
  });
  it('DK: no court fee is in RULES.md, so every item is unknown and the estimate incomplete', () => {
    const e = legalEstimate('cs_000000000000000000000001', 'DK', null);
    assert.equal(e.authority, 'fogedret');
    assert.ok(e.items.length > 0 && e.items.every((i) => i.amount === null && i.basis === 'unknown' && i.citation === null));
    assert.equal(e.knownTotal, null);
    assert.equal(e.complete, false);
  });
  it('the version is stable for the same content and differs between cases and countries', () => {
    const id = 'cs_000000000000000000000001';
    assert.equal(legalEstimate(id, 'SE', null).version, legalEstimate(id, 'SE', '2026-03-03').version);
    assert.notEqual(legalEstimate(id, 'SE', null).version, legalEstimate(id, 'DK', null).version);
    assert.notEqual(legalEstimate(id, 'SE', null).version, legalEstimate('cs_000000000000000000000002', 'SE', null).version);
  });
});

describeEachDatabase('legal estimate, approval and acknowledgment', (server) => {
  it('approves the SE estimate once: legal.approved { on, estimate } and the derived DunningCase has legalApproved', async () => {
    const { url, db } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const operator = await operatorToken(server(), a);
    const created = await createdCase(url, member.token, caseBody({ debtor: swedishDebtor, invoices: [invoice('F-1', 500_000, 'SEK')] }));
    const path = `/v1/cases/${created.id}`;
    const estimate = await call(url, 'GET', `${path}/legal-estimate`, { bearer: member.token });
    assert.equal(estimate.status, 200, JSON.stringify(estimate.json));
    assert.deepEqual(estimate.json.knownTotal, { amount: 128_000, currency: 'SEK' });
    assert.equal(estimate.json.approvedOn, null);

    const derive = async () => {
      const row = (await findCase(db, { associationId: a.associationId }, created.id))!;
      const events = await db.query<DunningEvent>('SELECT type, data FROM events WHERE case_id = $1 ORDER BY id', [created.id]);
      return deriveDunningCase({ stage: row.stage, debtorType: row.debtor.type, currency: 'SEK', outstanding: row.outstanding, invoices: await caseInvoices(db, a.associationId, row.id), events });
    };
    assert.equal((await derive()).legalApproved, false);

    // An operator does not approve for the creditor; a stale version is refused.
    assert.equal((await call(url, 'POST', `${path}/legal-approval`, { bearer: operator, body: { approve: true, estimateVersion: estimate.json.version } })).status, 403);
    assert.equal((await call(url, 'POST', `${path}/legal-approval`, { bearer: member.token, body: { approve: true, estimateVersion: 'est_0000000000000000' } })).status, 409);
    const approved = await call(url, 'POST', `${path}/legal-approval`, { bearer: a.secretKey, body: { approve: true, estimateVersion: estimate.json.version } });
    assert.equal(approved.status, 200, JSON.stringify(approved.json));
    assert.equal(approved.json.on, '2026-03-03');
    assert.equal((await derive()).legalApproved, true);
    const events = (await call(url, 'GET', `${path}/events`, { bearer: member.token })).json.data;
    const event = events.find((e: { type: string }) => e.type === 'legal.approved');
    assert.equal(event.data.on, '2026-03-03');
    assert.equal(event.data.estimate.version, estimate.json.version);
    assert.deepEqual(event.data.estimate.knownTotal, { amount: 128_000, currency: 'SEK' });

    assert.equal((await call(url, 'GET', `${path}/legal-estimate`, { bearer: member.token })).json.approvedOn, '2026-03-03');
    assert.equal((await call(url, 'POST', `${path}/legal-approval`, { bearer: member.token, body: { approve: true, estimateVersion: estimate.json.version } })).status, 409);
  });

  it('answers 404 to another tenant and writes nothing on malformed bodies', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const operator = await operatorToken(server(), a);
    const created = await createdCase(url, member.token);
    const path = `/v1/cases/${created.id}`;
    const other = await server().association();
    const otherMember = await enrolActiveMember(url, other.secretKey);
    const otherOperator = await operatorToken(server(), other);
    const version = (await call(url, 'GET', `${path}/legal-estimate`, { bearer: member.token })).json.version;
    assert.equal((await call(url, 'GET', `${path}/legal-estimate`, { bearer: otherMember.token })).status, 404);
    assert.equal((await call(url, 'POST', `${path}/legal-approval`, { bearer: other.secretKey, body: { approve: true, estimateVersion: version } })).status, 404);
    assert.equal((await call(url, 'POST', `${path}/acknowledgment`, { bearer: otherOperator, body: { on: '2026-03-01' } })).status, 404);

    const count = async () => (await call(url, 'GET', `${path}/events`, { bearer: member.token })).json.data.length;
    const before = await count();
    for (const body of [{}, { approve: false, estimateVersion: version }, { approve: 'yes', estimateVersion: version }, { approve: true }]) {
      assert.equal((await call(url, 'POST', `${path}/legal-approval`, { bearer: member.token, body })).status, 400, JSON.stringify(body));
    }
    for (const body of [{}, { on: '2026-02-30' }, { on: '1 March 2026' }, { on: '2026-03-04' }]) {
      assert.equal((await call(url, 'POST', `${path}/acknowledgment`, { bearer: operator, body })).status, 400, JSON.stringify(body));
    }
    assert.equal((await call(url, 'POST', `${path}/acknowledgment`, { bearer: member.token, body: { on: '2026-03-01' } })).status, 403);
    assert.equal(await count(), before);

    const ack = await call(url, 'POST', `${path}/acknowledgment`, { bearer: operator, body: { on: '2026-03-01', note: 'Phone call, debtor confirmed the debt' } });
    assert.equal(ack.status, 201, JSON.stringify(ack.json));
    const acknowledged = (await call(url, 'GET', `${path}/events`, { bearer: member.token })).json.data.filter((e: { type: string }) => e.type === 'debt.acknowledged');
    assert.deepEqual(acknowledged.map((e: { data: { on: string } }) => e.data.on), ['2026-03-01']);
    assert.equal(await count(), before + 1);
  });
});
