import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { Database } from '../store/database.js';
import { openPostgresDatabase } from '../store/postgres-database.js';
import { appendEvent } from '../store/events.js';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { testPostgresUrl } from '../testing/test-databases.js';
import { caseEventNotifier } from './case-event-notifier.js';
import { createdCase } from './case-test-fixtures.js';

/**
 * Two server instances on ONE PostgreSQL schema: a long-poll on B wakes on an event written through
 * A by NOTIFY, not by the fallback check (lengthened to 10 s here, so only NOTIFY explains a fast wake).
 */
const LONG_FALLBACK_MS = 10_000;
const skip = (await testPostgresUrl()) ? false : 'PostgreSQL at 127.0.0.1:5432/test not reachable';

describe('case events across two server instances [postgres]', { skip }, () => {
  let a: TestServer & { close(): Promise<void> };
  let b: { app: FastifyInstance; url: string; db: Database };

  async function listeningBoth(): Promise<void> {
    const started = performance.now();
    const both = () => caseEventNotifier(a.app.server).listening && caseEventNotifier(b.app.server).listening;
    while (!both() && performance.now() - started < 5000) await sleep(20);
    assert.ok(both(), 'both instances LISTEN');
  }

  before(async () => {
    a = await startTestServer('postgres', { caseEventListeningFallbackPollMs: LONG_FALLBACK_MS });
    const db = await a.testDatabase.openAnother();
    const app = await buildApp({ db, clock: a.clock, logLevel: 'silent', webhookDelivery: false, caseEventListeningFallbackPollMs: LONG_FALLBACK_MS });
    await app.listen({ host: '127.0.0.1', port: 0 });
    b = { app, db, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
    await listeningBoth();
  });

  after(async () => {
    await b?.app.close();
    await a?.close(); // disposes the test database, with B's handle
  });

  async function memberWithCase() {
    const association = await a.association();
    const member = await enrolActiveMember(a.url, association.secretKey);
    const created = await createdCase(a.url, member.token);
    const path = `/v1/cases/${created.id}/events`;
    const cursor: string = (await call(b.url, 'GET', path, { bearer: member.token })).json.nextCursor;
    return { association, member, created, path, cursor };
  }

  it('a long-poll on B answers a message posted on A at once (NOTIFY), far inside the fallback period', async (t) => {
    const { member, created, path, cursor } = await memberWithCase();
    const waiting = call(b.url, 'GET', `${path}?after=${cursor}&wait=20`, { bearer: member.token });
    await sleep(300);
    assert.equal(caseEventNotifier(b.app.server).waiting, 1, 'B holds the request');
    const posted = await call(a.url, 'POST', `/v1/cases/${created.id}/messages`, { bearer: member.token, body: { body: 'Fra instans A' } });
    const postedAt = performance.now();
    assert.equal(posted.status, 201);
    const answer = await waiting;
    const took = performance.now() - postedAt;
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json.data.map((e: { type: string }) => e.type), ['message.posted']);
    t.diagnostic(`B answered ${took.toFixed(1)} ms after A's POST returned`);
    // Typically a few ms; 1 s is a margin for a loaded machine, still a tenth of the 10 s fallback.
    assert.ok(took < 1000, `B answered ${Math.round(took)} ms after A's commit`);
  });

  it('a rolled-back write wakes nobody; a committed one outside HTTP (as the scheduler writes) does', async () => {
    const { association, member, created, path } = await memberWithCase();
    const notifier = caseEventNotifier(b.app.server);
    const seen: string[] = [];
    const notify = notifier.notify.bind(notifier);
    notifier.notify = (caseId: string) => {
      seen.push(caseId);
      notify(caseId);
    };
    try {
      // A malformed command is refused before it writes; a command that fails after appending rolls back.
      const bad = await call(a.url, 'POST', `/v1/cases/${created.id}/messages`, { bearer: member.token, body: { body: '' } });
      assert.equal(bad.status, 400);
      await assert.rejects(
        a.db.transaction(async (tx) => {
          await appendEvent(tx, { associationId: association.associationId, caseId: created.id, type: 'message.posted', data: { body: 'x' }, at: a.clock.now() });
          throw new Error('the command fails after its event');
        }),
        /fails after its event/,
      );
      await sleep(500);
      assert.deepEqual(seen.filter((id) => id === created.id), [], 'no notice for a rolled-back write');
      assert.deepEqual((await call(b.url, 'GET', path, { bearer: member.token })).json.data.map((e: { type: string }) => e.type), ['case.created']);

      // The same write committed (two events, one transaction): one notice, delivered on commit.
      const cursor: string = (await call(b.url, 'GET', path, { bearer: member.token })).json.nextCursor;
      const waiting = call(b.url, 'GET', `${path}?after=${cursor}&wait=20`, { bearer: member.token });
      await sleep(200);
      const committedAt = performance.now();
      await a.db.transaction(async (tx) => {
        for (const step of [1, 2]) await appendEvent(tx, { associationId: association.associationId, caseId: created.id, type: 'reminder.sent', data: { step }, at: a.clock.now() });
      });
      const answer = await waiting;
      assert.ok(performance.now() - committedAt < 1000, 'woken by the notice');
      assert.deepEqual(answer.json.data.map((e: { data: { step: number } }) => e.data.step), [1, 2]);
      assert.deepEqual(seen.filter((id) => id === created.id), [created.id], 'one notice per case per transaction');
    } finally {
      notifier.notify = notify;
    }
  });

  /** A third instance whose connections carry a unique application_name, to tell its LISTEN backend from other test files'. */
  async function namedInstance() {
    const name = `ck_listen_${process.pid}_${Math.random().toString(36).slice(2)}`;
    const schema = (await a.db.query<{ schema: string }>('SELECT current_schema() AS schema'))[0]!.schema;
    const url = new URL((await testPostgresUrl())!);
    url.searchParams.set('application_name', name);
    const db = openPostgresDatabase({ connectionString: url.toString(), searchPath: schema, max: 2 });
    const app = await buildApp({ db, clock: a.clock, logLevel: 'silent', webhookDelivery: false, caseEventListeningFallbackPollMs: LONG_FALLBACK_MS });
    const notifier = caseEventNotifier(app.server);
    const listenBackends = async () =>
      (await a.db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'`, [name])).map((r) => r.pid);
    const until = async (condition: () => boolean | Promise<boolean>, ms = 5000) => {
      const started = performance.now();
      while (!(await condition()) && performance.now() - started < ms) await sleep(20);
      return condition();
    };
    return { db, app, notifier, listenBackends, until };
  }

  it('reconnects a lost LISTEN connection and wakes by NOTIFY again', async () => {
    const c = await namedInstance();
    try {
      await c.app.listen({ host: '127.0.0.1', port: 0 });
      const url = `http://127.0.0.1:${(c.app.server.address() as AddressInfo).port}`;
      assert.ok(await c.until(() => c.notifier.listening));
      const [pid] = await c.listenBackends();
      assert.ok(pid);
      await a.db.query('SELECT pg_terminate_backend($1)', [pid]);
      assert.ok(await c.until(() => !c.notifier.listening), 'the loss is seen');
      assert.ok(await c.until(() => c.notifier.listening), 'listening again');
      const pids = await c.listenBackends();
      assert.equal(pids.length, 1);
      assert.notEqual(pids[0], pid, 'a new connection');

      const { member, created, path, cursor } = await memberWithCase();
      const waiting = call(url, 'GET', `${path}?after=${cursor}&wait=20`, { bearer: member.token });
      await sleep(200);
      const posted = await call(a.url, 'POST', `/v1/cases/${created.id}/messages`, { bearer: member.token, body: { body: 'Efter genforbindelse' } });
      const postedAt = performance.now();
      assert.equal(posted.status, 201);
      const answer = await waiting;
      assert.ok(performance.now() - postedAt < 1000, `answered ${Math.round(performance.now() - postedAt)} ms after the post`);
      assert.deepEqual(answer.json.data.map((e: { type: string }) => e.type), ['message.posted']);
    } finally {
      await c.app.close();
      await c.db.close();
    }
  });

  it('closes the LISTEN connection with the app', async () => {
    const c = await namedInstance();
    assert.ok(await c.until(() => c.notifier.listening));
    assert.equal((await c.listenBackends()).length, 1, 'one LISTEN connection');
    await c.app.close();
    assert.equal(c.notifier.listening, false);
    assert.ok(await c.until(async () => (await c.listenBackends()).length === 0, 3000), 'the LISTEN backend ended with the app');
    await c.db.close();
  });
});
