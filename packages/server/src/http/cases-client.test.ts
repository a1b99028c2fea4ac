import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isCollectkitApiError, type CaseEvent } from '@collectkit/sdk';
import { describeEachDatabase } from '../testing/harness.js';
import { enrolActiveMember } from '../testing/members.js';
import { danishDebtor, invoice, operatorToken } from './case-test-fixtures.js';

describeEachDatabase('cases through the SDK client', (server) => {
  it('creates a case, lists it with for-await, reads it conditionally, and watches it receive an event', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const client = createClient({ apiBase: url, token: member.token });

    const created = await client.cases.create({ debtor: danishDebtor() as never, invoices: [invoice('F-1001') as never] }, { idempotencyKey: 'sdk-1' });
    assert.equal(created.stage, 'submitted');
    assert.equal(created.totals.principal.amount, 1_000_000);
    // The same key again answers the same case.
    const replayed = await client.cases.create({ debtor: danishDebtor() as never, invoices: [invoice('F-1001') as never] }, { idempotencyKey: 'sdk-1' });
    assert.equal(replayed.id, created.id);
    await assert.rejects(
      client.cases.create({ debtor: danishDebtor('Another A/S') as never, invoices: [invoice('F-1001') as never] }, { idempotencyKey: 'sdk-1' }),
      (error: unknown) => isCollectkitApiError(error, 'conflict') && error.code === 'idempotency_key_reused',
    );
    const second = await client.cases.create({ debtor: danishDebtor('Jensen VVS ApS') as never, invoices: [invoice('F-2001') as never] });

    const listed: string[] = [];
    for await (const summary of client.cases.list({ limit: 1 })) listed.push(summary.id);
    assert.deepEqual(new Set(listed), new Set([created.id, second.id]));
    assert.equal(listed.length, 2);

    const read = await client.cases.get(created.id);
    const again = await client.cases.get(created.id); // answered by a 304 from the cached body
    assert.deepEqual(again, read);

    const watcher = new AbortController();
    const seen: CaseEvent[] = [];
    const watching = (async () => {
      for await (const event of client.cases.watch(created.id, { signal: watcher.signal, waitSeconds: 5 })) {
        seen.push(event);
        if (event.type === 'stage.changed') watcher.abort();
      }
    })();
    const operator = createClient({ apiBase: url, token: await operatorToken(server(), a) });
    await operator.request({ method: 'POST', path: `v1/cases/${created.id}/stage`, json: { stage: 'reminder', reason: 'first reminder' } });
    await watching;
    assert.deepEqual(seen.map((event) => event.type), ['case.created', 'stage.changed']);
    assert.equal(seen[1]!.data.to, 'reminder');

    const message = await client.cases.messages.create(created.id, { body: 'Debitor har lovet at betale fredag.' });
    const messages = [];
    for await (const m of client.cases.messages.list(created.id)) messages.push(m);
    assert.deepEqual(messages, [message]);

    const preview = await client.cases.withdrawal.preview(created.id);
    assert.deepEqual({ allowed: preview.allowed, fee: preview.fee, phase: preview.phase }, { allowed: true, fee: null, phase: 'amicable' });
    const withdrawn = await client.cases.withdrawal.confirm(created.id, { reason: 'Settled directly' });
    assert.equal(withdrawn.case?.stage, 'withdrawn');
    const updated = await client.cases.get(created.id);
    assert.equal(updated.stage, 'withdrawn');
    const page = await client.cases.events(created.id, { after: seen[1]!.id });
    assert.deepEqual(page.data.map((event) => event.type), ['message.posted', 'case.withdrawn']);
  });
});
