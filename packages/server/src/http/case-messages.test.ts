import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { createdCase, operatorToken } from './case-test-fixtures.js';

describeEachDatabase('case messages', (server) => {
  it('keeps the conversation between creditor and case handler, oldest first, in pages', async () => {
    const { url, clock } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const operator = await operatorToken(server(), a);
    const created = await createdCase(url, member.token);
    const path = `/v1/cases/${created.id}/messages`;
    const first = await call(url, 'POST', path, { bearer: member.token, body: { body: '  Debitor siger, at fakturaen er betalt.  ' } });
    assert.equal(first.status, 201);
    assert.deepEqual({ role: first.json.authorRole, body: first.json.body }, { role: 'creditor', body: 'Debitor siger, at fakturaen er betalt.' });
    clock.advance({ minutes: 5 });
    const answer = await call(url, 'POST', path, { bearer: operator, body: { body: 'Vi beder om kvittering.' } });
    assert.equal(answer.json.authorRole, 'operator');
    clock.advance({ minutes: 5 });
    await call(url, 'POST', path, { bearer: a.secretKey, body: { body: 'Kvittering vedhæftet.' } });

    const page1 = await call(url, 'GET', `${path}?limit=2`, { bearer: member.token });
    assert.deepEqual(page1.json.data.map((m: { authorRole: string }) => m.authorRole), ['creditor', 'operator']);
    const page2 = await call(url, 'GET', `${path}?limit=2&cursor=${page1.json.nextCursor}`, { bearer: operator });
    assert.deepEqual(page2.json.data.map((m: { body: string }) => m.body), ['Kvittering vedhæftet.']);
    assert.equal(page2.json.nextCursor, null);
    const events = await call(url, 'GET', `/v1/cases/${created.id}/events`, { bearer: member.token });
    assert.equal(events.json.data.filter((e: { type: string }) => e.type === 'message.posted').length, 3);
  });

  it('refuses empty, over-long and malformed messages without writing anything', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const created = await createdCase(url, member.token);
    const before = { messages: await server().count('case_messages'), events: await server().count('events') };
    for (const body of [{ body: '' }, { body: '   ' }, { body: 'x'.repeat(5001) }, { body: 42 }, {}, [], null]) {
      const response = await call(url, 'POST', `/v1/cases/${created.id}/messages`, { bearer: member.token, body });
      assert.equal(response.status, 400, JSON.stringify(body)?.slice(0, 40));
    }
    assert.deepEqual({ messages: await server().count('case_messages'), events: await server().count('events') }, before);
    const longest = await call(url, 'POST', `/v1/cases/${created.id}/messages`, { bearer: member.token, body: { body: 'x'.repeat(5000) } });
    assert.equal(longest.status, 201);
  });
});
