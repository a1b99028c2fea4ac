import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { createdCase, operatorToken } from './case-test-fixtures.js';
import { stageAfterDispute, stageBeforeDispute } from './case-dispute.js';

describe('stageBeforeDispute / stageAfterDispute', () => {
  it('continues at the stage of the LATEST dispute.raised, ends the case otherwise', () => {
    const events = [
      { type: 'dispute.raised', data: { from: 'reminder' } },
      { type: 'dispute.resolved', data: { outcome: 'continue' } },
      { type: 'dispute.raised', data: { from: 'collection' } },
    ];
    assert.equal(stageBeforeDispute(events), 'collection');
    assert.equal(stageBeforeDispute([]), undefined);
    assert.equal(stageAfterDispute('continue', 'collection'), 'collection');
    assert.equal(stageAfterDispute('withdraw', 'collection'), 'withdrawn');
    assert.equal(stageAfterDispute('write_off', undefined), 'written_off');
  });
});

describeEachDatabase('case disputes', (server) => {
  async function setUp() {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const operator = await operatorToken(server(), a);
    const created = await createdCase(url, member.token);
    const events = async () => (await call(url, 'GET', `/v1/cases/${created.id}/events`, { bearer: member.token })).json.data as { type: string; data: any }[];
    return { url, a, member, operator, id: created.id as string, events };
  }

  it('raises a dispute from collection and continues there on resolution, with events and case.updated webhooks', async () => {
    const { url, a, member, operator, id, events } = await setUp();
    const hook = await call(url, 'POST', '/v1/webhook-endpoints', { bearer: a.secretKey, body: { url: 'https://hooks.example/ck', eventTypes: ['case.updated'] } });
    assert.ok(hook.status === 201 || hook.status === 200, JSON.stringify(hook.json));
    for (const stage of ['reminder', 'notice', 'collection']) {
      assert.equal((await call(url, 'POST', `/v1/cases/${id}/stage`, { bearer: operator, body: { stage, reason: 'test' } })).status, 200);
    }
    const raised = await call(url, 'POST', `/v1/cases/${id}/dispute`, { bearer: member.token, body: { reason: 'The brakes were never repaired' } });
    assert.equal(raised.status, 200, JSON.stringify(raised.json));
    assert.equal(raised.json.stage, 'disputed');
    // Twice: disputed → disputed is not an arrow.
    assert.equal((await call(url, 'POST', `/v1/cases/${id}/dispute`, { bearer: a.secretKey, body: { reason: 'again' } })).status, 409);
    // Only an operator resolves.
    assert.equal((await call(url, 'POST', `/v1/cases/${id}/dispute/resolution`, { bearer: member.token, body: { outcome: 'continue', note: 'x' } })).status, 403);
    const resolved = await call(url, 'POST', `/v1/cases/${id}/dispute/resolution`, { bearer: operator, body: { outcome: 'continue', note: 'Workshop invoice and signed order checked' } });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.json));
    assert.equal(resolved.json.stage, 'collection');
    assert.equal((await call(url, 'POST', `/v1/cases/${id}/dispute/resolution`, { bearer: operator, body: { outcome: 'continue', note: 'again' } })).status, 409);

    const log = await events();
    const r = log.find((e) => e.type === 'dispute.raised')!;
    assert.deepEqual({ from: r.data.from, to: r.data.to, reason: r.data.reason, on: r.data.on, by: r.data.by }, { from: 'collection', to: 'disputed', reason: 'The brakes were never repaired', on: '2026-03-03', by: 'member' });
    const s = log.find((e) => e.type === 'dispute.resolved')!;
    assert.deepEqual({ from: s.data.from, to: s.data.to, outcome: s.data.outcome }, { from: 'disputed', to: 'collection', outcome: 'continue' });
    const deliveries = await server().db.query<{ body: string }>(`SELECT body FROM webhook_deliveries WHERE association_id = $1 AND event_type = 'case.updated' ORDER BY created_at`, [a.associationId]);
    const changes = deliveries.map((d) => JSON.parse(d.body).data).filter((d: any) => d.caseId === id).map((d: any) => `${d.change}:${d.stage}`);
    assert.deepEqual(changes, ['dispute.raised:disputed', 'dispute.resolved:collection']);
  });

  it('withdraws or writes off on resolution; refuses a final case with 409', async () => {
    for (const [outcome, stage] of [['withdraw', 'withdrawn'], ['write_off', 'written_off']] as const) {
      const { url, operator, member, id } = await setUp();
      assert.equal((await call(url, 'POST', `/v1/cases/${id}/dispute`, { bearer: operator, body: { reason: 'Already paid in cash' } })).json.stage, 'disputed');
      const resolved = await call(url, 'POST', `/v1/cases/${id}/dispute/resolution`, { bearer: operator, body: { outcome, note: 'Receipt shown' } });
      assert.equal(resolved.json.stage, stage);
      const again = await call(url, 'POST', `/v1/cases/${id}/dispute`, { bearer: member.token, body: { reason: 'x' } });
      assert.equal(again.status, 409);
    }
  });

  it('answers 404 for another tenant\'s case and writes nothing on malformed bodies or unknown documents', async () => {
    const { url, member, operator, id, events } = await setUp();
    const other = await server().association();
    const otherMember = await enrolActiveMember(url, other.secretKey);
    const otherOperator = await operatorToken(server(), other);
    assert.equal((await call(url, 'POST', `/v1/cases/${id}/dispute`, { bearer: otherMember.token, body: { reason: 'x' } })).status, 404);
    assert.equal((await call(url, 'POST', `/v1/cases/${id}/dispute`, { bearer: other.secretKey, body: { reason: 'x' } })).status, 404);
    assert.equal((await call(url, 'POST', `/v1/cases/${id}/dispute/resolution`, { bearer: otherOperator, body: { outcome: 'continue', note: 'x' } })).status, 404);
    const before = (await events()).length;
    for (const body of [{}, { reason: '' }, { reason: 42 }, { reason: 'x', documentIds: 'doc_1' }, { reason: 'x', documentIds: ['doc_unknown'] }]) {
      const response = await call(url, 'POST', `/v1/cases/${id}/dispute`, { bearer: member.token, body });
      assert.equal(response.status, 400, JSON.stringify(body));
    }
    assert.equal((await call(url, 'POST', `/v1/cases/${id}/dispute`, { bearer: member.token, body: { reason: 'x' } })).status, 200);
    const afterRaise = (await events()).length;
    assert.equal(afterRaise, before + 1);
    for (const body of [{}, { outcome: 'continue' }, { outcome: 'maybe', note: 'x' }, { outcome: 'continue', note: '  ' }]) {
      assert.equal((await call(url, 'POST', `/v1/cases/${id}/dispute/resolution`, { bearer: operator, body })).status, 400, JSON.stringify(body));
    }
    assert.equal((await events()).length, afterRaise);
    const read = await call(url, 'GET', `/v1/cases/${id}`, { bearer: member.token });
    assert.equal(read.json.stage, 'disputed');
  });
});
