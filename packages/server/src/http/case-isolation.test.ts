import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { createdCase, invoice, operatorToken } from './case-test-fixtures.js';

/** Every case route, as [method, path suffix, body]. */
const ROUTES: ReadonlyArray<readonly [string, string, unknown?]> = [
  ['GET', ''],
  ['GET', '/events'],
  ['GET', '/events?wait=1'],
  ['GET', '/messages'],
  ['POST', '/messages', { body: 'Hvornår betaler debitor?' }],
  ['POST', '/invoices', { invoices: [invoice('F-9')] }],
  ['GET', '/withdrawal'],
  ['POST', '/withdrawal?preview=true', {}],
  ['POST', '/withdrawal', {}],
];

describeEachDatabase('cases: tenant isolation', (server) => {
  it("gives creditor B (same and other association), B's secret key and B's operator a 404 on every route of A's case", async () => {
    const { url } = server();
    const a = await server().association();
    const b = await server().association();
    const memberA = await enrolActiveMember(url, a.secretKey);
    const sameAssociationB = await enrolActiveMember(url, a.secretKey);
    const otherAssociationB = await enrolActiveMember(url, b.secretKey);
    const operatorB = await operatorToken(server(), b);
    const caseOfA = await createdCase(url, memberA.token);
    const snapshot = async () => ({
      version: (await server().db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [caseOfA.id]))[0]!.version,
      events: await server().count('events'),
      messages: await server().count('case_messages'),
      invoices: await server().count('case_invoices'),
    });
    const before = await snapshot();

    const outsiders = { sameAssociationB: sameAssociationB.token, otherAssociationB: otherAssociationB.token, secretKeyB: b.secretKey, operatorB };
    for (const [who, bearer] of Object.entries(outsiders)) {
      for (const [method, suffix, body] of ROUTES) {
        const response = await call(url, method, `/v1/cases/${caseOfA.id}${suffix}`, { bearer, ...(body !== undefined ? { body } : {}), headers: { 'idempotency-key': `iso-${who}-${suffix}` } });
        assert.equal(response.status, 404, `${who} ${method} ${suffix}: ${JSON.stringify(response.json)}`);
        assert.equal(response.json.error.code, 'not_found');
      }
      const stage = await call(url, 'POST', `/v1/cases/${caseOfA.id}/stage`, { bearer: operatorB, body: { stage: 'reminder', reason: 'guess' } });
      assert.equal(stage.status, 404);
      const list = await call(url, 'GET', '/v1/cases', { bearer });
      assert.equal(list.status, 200);
      assert.ok(!list.json.data.some((c: { id: string }) => c.id === caseOfA.id), who);
    }
    assert.deepEqual(await snapshot(), before);

    // The owner and its association's own secret key and operator do see it.
    for (const bearer of [memberA.token, a.secretKey, await operatorToken(server(), a)]) {
      assert.equal((await call(url, 'GET', `/v1/cases/${caseOfA.id}`, { bearer })).status, 200);
    }
  });

  it('answers an unknown or impossible id with the same 404, and no credentials with 401', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    for (const id of ['cs_000000000000000000000000', 'cs_x', '1', "cs_'; DROP TABLE cases;--", 'cs_' + 'f'.repeat(90)]) {
      for (const [method, suffix, body] of ROUTES) {
        const response = await call(url, method, `/v1/cases/${encodeURIComponent(id)}${suffix}`, { bearer: member.token, ...(body !== undefined ? { body } : {}) });
        assert.equal(response.status, 404, `${method} ${id}${suffix}`);
      }
    }
    // Past fastify's path-parameter limit (100 characters) the framework itself answers 414.
    assert.equal((await call(url, 'GET', `/v1/cases/cs_${'f'.repeat(500)}`, { bearer: member.token })).status, 414);
    const created = await createdCase(url, member.token);
    for (const [method, suffix, body] of ROUTES) {
      const response = await call(url, method, `/v1/cases/${created.id}${suffix}`, body !== undefined ? { body } : {});
      assert.equal(response.status, 401, `${method} ${suffix}`);
    }
    assert.equal((await call(url, 'GET', '/v1/cases')).status, 401);
    // A publishable key alone is not a member: it may not read cases (401: sign in first).
    assert.equal((await call(url, 'GET', '/v1/cases', { bearer: a.publishableKey })).status, 401);
    // With the member's session it may (the widget on the association's site).
    assert.equal((await call(url, 'GET', '/v1/cases', { bearer: member.token, key: a.publishableKey })).status, 200);
  });
});
