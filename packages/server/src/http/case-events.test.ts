import { it } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { appendEvent } from '../store/events.js';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { caseEventNotifier, FALLBACK_POLL_MS } from './case-event-notifier.js';
import { createdCase } from './case-test-fixtures.js';

describeEachDatabase('case events: timeline and long-poll', (server) => {
  async function memberWithCase() {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const created = await createdCase(url, member.token);
    return { url, a, member, created, path: `/v1/cases/${created.id}/events` };
  }

  it('pages the timeline with ?after= and hands back the given cursor when nothing is new', async () => {
    const { url, member, created, path } = await memberWithCase();
    for (const text of ['one', 'two', 'three']) await call(url, 'POST', `/v1/cases/${created.id}/messages`, { bearer: member.token, body: { body: text } });
    const all = await call(url, 'GET', path, { bearer: member.token });
    assert.deepEqual(all.json.data.map((e: { type: string }) => e.type), ['case.created', 'message.posted', 'message.posted', 'message.posted']);
    const ids: string[] = all.json.data.map((e: { id: string }) => e.id);
    assert.equal(all.json.nextCursor, ids[3]);
    const page = await call(url, 'GET', `${path}?after=${ids[0]}&limit=2`, { bearer: member.token });
    assert.deepEqual(page.json.data.map((e: { id: string }) => e.id), [ids[1], ids[2]]);
    assert.equal(page.json.nextCursor, ids[2]);
    const none = await call(url, 'GET', `${path}?after=${ids[3]}`, { bearer: member.token });
    assert.deepEqual(none.json, { data: [], nextCursor: ids[3] });
    for (const bad of ['after=abc', 'after=-1', 'wait=26', 'wait=-1', 'wait=x', 'limit=0']) {
      assert.equal((await call(url, 'GET', `${path}?${bad}`, { bearer: member.token })).status, 400, bad);
    }
  });

  it('keeps the timeline in event order where the ids gain a digit (9 → 10), and resumes after the last one', async () => {
    const { url, member, created, path } = await memberWithCase();
    // Move the id sequence (forward only) to just below the next power of ten: the next events are …98, …99, 1…00, 1…01.
    const [sequence] = await server().db.query<{ last: string }>('SELECT last_value::text AS last FROM events_id_seq');
    const below = 10n ** BigInt(sequence!.last.length) - 3n;
    await server().db.query('SELECT setval($1::regclass, $2::bigint)', ['events_id_seq', below.toString()]);
    for (const text of ['a', 'b', 'c', 'd']) await call(url, 'POST', `/v1/cases/${created.id}/messages`, { bearer: member.token, body: { body: text } });
    const all = await call(url, 'GET', path, { bearer: member.token });
    const ids: string[] = all.json.data.map((e: { id: string }) => e.id);
    assert.equal(ids.length, 5);
    assert.deepEqual([...ids].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1)), ids, `in id order: ${ids.join(', ')}`);
    assert.ok(ids.at(-1)!.length > ids[1]!.length, `the ids cross a power of ten: ${ids.join(', ')}`);
    assert.equal(all.json.nextCursor, ids.at(-1));
    const page = await call(url, 'GET', `${path}?after=${ids[0]}&limit=3`, { bearer: member.token });
    assert.deepEqual(page.json.data.map((e: { id: string }) => e.id), ids.slice(1, 4));
  });

  it('answers a waiting request within ~100 ms of a new event', async () => {
    const { url, member, created, path } = await memberWithCase();
    const first = await call(url, 'GET', path, { bearer: member.token });
    const cursor = first.json.nextCursor;
    const started = performance.now();
    const waiting = call(url, 'GET', `${path}?after=${cursor}&wait=10`, { bearer: member.token });
    await sleep(300);
    const posted = await call(url, 'POST', `/v1/cases/${created.id}/messages`, { bearer: member.token, body: { body: 'Ny besked' } });
    const postedAt = performance.now();
    assert.equal(posted.status, 201);
    const answer = await waiting;
    const answeredAt = performance.now();
    assert.ok(answeredAt - started >= 300, 'it waited for the event');
    assert.ok(answeredAt - postedAt < 100, `answered ${Math.round(answeredAt - postedAt)} ms after the post`);
    assert.deepEqual(answer.json.data.map((e: { type: string }) => e.type), ['message.posted']);
    assert.equal(answer.json.nextCursor, answer.json.data[0].id);
  });

  it('returns an empty page with the same cursor once the wait is over', async () => {
    const { url, member, path } = await memberWithCase();
    const cursor = (await call(url, 'GET', path, { bearer: member.token })).json.nextCursor;
    const started = performance.now();
    const answer = await call(url, 'GET', `${path}?after=${cursor}&wait=1`, { bearer: member.token });
    const took = performance.now() - started;
    assert.deepEqual(answer.json, { data: [], nextCursor: cursor });
    assert.ok(took >= 950 && took < 2000, `took ${Math.round(took)} ms`);
  });

  it('wakes on an event written past this instance (no in-process notice) within the fallback check interval', async () => {
    const { url, a, member, created, path } = await memberWithCase();
    const cursor = (await call(url, 'GET', path, { bearer: member.token })).json.nextCursor;
    const waiting = call(url, 'GET', `${path}?after=${cursor}&wait=10`, { bearer: member.token });
    await sleep(100);
    // As another server instance (or a writer that does not notify) would: straight into the table.
    const writtenAt = performance.now();
    await server().db.transaction(async (tx) => {
      await tx.query('UPDATE cases SET version = version + 1 WHERE id = $1', [created.id]);
      await appendEvent(tx, { associationId: a.associationId, caseId: created.id, type: 'reminder.sent', data: { step: 1 }, at: server().clock.now() });
    });
    const answer = await waiting;
    assert.deepEqual(answer.json.data.map((e: { type: string }) => e.type), ['reminder.sent']);
    assert.ok(performance.now() - writtenAt < FALLBACK_POLL_MS + 500);
  });

  it('stops waiting when the client goes away', async () => {
    const { url, member, path } = await memberWithCase();
    const notifier = caseEventNotifier(server().app.server);
    const cursor = (await call(url, 'GET', path, { bearer: member.token })).json.nextCursor;
    // A connection of its own (not fetch's keep-alive pool), closed the way a closed browser tab closes it.
    const abort = new AbortController();
    const request = new Promise<void>((resolve) => {
      get(`${url}${path}?after=${cursor}&wait=20`, { headers: { authorization: `Bearer ${member.token}` }, agent: false, signal: abort.signal })
        .on('error', () => resolve())
        .on('response', () => resolve());
    });
    await sleep(200);
    assert.equal(notifier.waiting, 1);
    const abortedAt = performance.now();
    abort.abort();
    await request;
    while (notifier.waiting > 0 && performance.now() - abortedAt < 1000) await sleep(10);
    assert.equal(notifier.waiting, 0, 'the wait ended with the connection');
  });
});
