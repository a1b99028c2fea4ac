import { it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { clearSessionCache, findLiveSession, SESSION_CACHE_TTL_MS } from '../auth/sessions.js';
import { tokenHash } from '../auth/tokens.js';
import { revokeAllSessions } from '../store/password-resets.js';
import { clearCaseVersionCache, VERSION_TTL_MS } from '../store/case-version-cache.js';
import { takeCaseNumber } from '../store/case-number-batcher.js';
import { updateCase } from '../store/cases.js';
import type { Queryable } from '../store/database.js';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { STRONG_PASSWORD } from '../testing/fixtures.js';
import { caseBody, createCase, createdCase } from './case-test-fixtures.js';

/**
 * The two hot paths of issue 3 §9 and what their caches must never get wrong: the session lookup
 * cache (auth/sessions.ts) and the case version cache (store/case-version-cache.ts) of the 304
 * polling path, and case numbers taken outside the creating transaction (store/cases.ts).
 */
describeEachDatabase('hot paths: session and case version caches, concurrent case numbers', (server) => {
  it('serves a session from the cache (a revocation by another instance shows within the TTL), but a sign-out in this process ends it at once', async () => {
    const { url, db } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    clearSessionCache();

    // Cached: a revocation this process did not make (as by another instance, straight in the
    // database) is not seen until the entry expires.
    assert.equal((await call(url, 'GET', '/v1/me', { bearer: member.token })).status, 200);
    const revokedAt = performance.now();
    await db.query('UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2', [server().clock.now(), tokenHash(member.token)]);
    const stale = await call(url, 'GET', '/v1/me', { bearer: member.token });
    if (performance.now() - revokedAt < SESSION_CACHE_TTL_MS) assert.equal(stale.status, 200, 'answered from the cache');
    await sleep(Math.max(0, SESSION_CACHE_TTL_MS - (performance.now() - revokedAt)) + 50);
    assert.equal((await call(url, 'GET', '/v1/me', { bearer: member.token })).status, 401, 'after the TTL, the database decides');

    // Sign-out in this process: at once, though the session was cached a moment before.
    const login = await call(url, 'POST', '/v1/sessions', { bearer: a.publishableKey, body: { email: member.email, password: STRONG_PASSWORD } });
    assert.equal(login.status, 201, JSON.stringify(login.json));
    const token: string = login.json.token;
    assert.equal((await call(url, 'GET', '/v1/me', { bearer: token })).status, 200);
    assert.equal((await call(url, 'GET', '/v1/me', { bearer: token })).status, 200);
    assert.equal((await call(url, 'DELETE', '/v1/sessions/current', { bearer: token })).status, 204);
    assert.equal((await call(url, 'GET', '/v1/me', { bearer: token })).status, 401);
    assert.equal((await call(url, 'GET', '/v1/cases', { bearer: token })).status, 401);
  });

  it('forgets the cached sessions of a user whose sessions a password reset ended in this process', async () => {
    const { url, db, clock } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    clearSessionCache();
    const found = await findLiveSession(db, member.token, clock.now());
    assert.ok(found, 'live');
    assert.deepEqual(await findLiveSession(db, member.token, clock.now()), found, 'the same principal from the cache');
    await db.transaction((tx) => revokeAllSessions(tx, a.associationId, found.userId, clock.now()));
    assert.equal(await findLiveSession(db, member.token, clock.now()), undefined);
    // A cached session still ends at its own expiry on the server's clock (14 days).
    const login = await call(url, 'POST', '/v1/sessions', { bearer: a.publishableKey, body: { email: member.email, password: STRONG_PASSWORD } });
    assert.ok(await findLiveSession(db, login.json.token, clock.now()));
    assert.equal(await findLiveSession(db, login.json.token, new Date(clock.now().getTime() + 15 * 86_400_000)), undefined);
  });

  it('answers the next poll with the new version after a change made in this process, though the old one was cached', async () => {
    const { url, db, clock } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const created = await createdCase(url, member.token);
    const poll = (etag: string) => call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token, headers: { 'if-none-match': etag } });
    clearCaseVersionCache(); // forget the creation's write mark, so the next poll caches version 1
    assert.equal((await poll(`"${created.id}-1"`)).status, 304);

    // Proof that the version is cached: a change this process did not make (as by another
    // instance) is seen only after the TTL (≤ 1 s).
    const changedAt = performance.now();
    await db.query('UPDATE cases SET version = 2 WHERE id = $1', [created.id]);
    const cached = await poll(`"${created.id}-1"`);
    if (performance.now() - changedAt < VERSION_TTL_MS) assert.equal(cached.status, 304, 'answered from the cache');
    await sleep(Math.max(0, VERSION_TTL_MS - (performance.now() - changedAt)) + 50);
    const later = await poll(`"${created.id}-1"`);
    assert.equal(later.status, 200, 'after the TTL, the database decides');
    assert.equal(later.headers.get('etag'), `"${created.id}-2"`);

    // A change through the API in this process: the very next poll sees it.
    clearCaseVersionCache();
    assert.equal((await poll(`"${created.id}-2"`)).status, 304);
    const message = await call(url, 'POST', `/v1/cases/${created.id}/messages`, { bearer: member.token, body: { body: 'Debitor har ringet.' } });
    assert.equal(message.status, 201, JSON.stringify(message.json));
    const afterMessage = await poll(`"${created.id}-2"`);
    assert.equal(afterMessage.status, 200);
    assert.equal(afterMessage.headers.get('etag'), `"${created.id}-3"`);

    // A writer outside HTTP (the dunning scheduler calls updateCase in its own transaction).
    clearCaseVersionCache();
    assert.equal((await poll(`"${created.id}-3"`)).status, 304);
    await db.transaction((tx) => updateCase(tx, { associationId: a.associationId }, created.id, {}, clock.now()));
    const afterScheduler = await poll(`"${created.id}-3"`);
    assert.equal(afterScheduler.status, 200);
    assert.equal(afterScheduler.headers.get('etag'), `"${created.id}-4"`);
  });

  it('does not cache a version read while an in-process write to the case is uncommitted', async (t) => {
    // PGlite has one connection: a poll would wait for the open transaction, so nothing can race.
    if (server().kind === 'pglite') return t.skip('one connection: no poll runs during a transaction');
    const { url, db, clock } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const created = await createdCase(url, member.token);
    const poll = (etag: string) => call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token, headers: { 'if-none-match': etag } });
    clearCaseVersionCache();
    await db.transaction(async (tx) => {
      await updateCase(tx, { associationId: a.associationId }, created.id, {}, clock.now());
      // The database still says version 1 (uncommitted): 304, and it must not stay cached.
      assert.equal((await poll(`"${created.id}-1"`)).status, 304);
    });
    const after = await poll(`"${created.id}-1"`);
    assert.equal(after.status, 200);
    assert.equal(after.headers.get('etag'), `"${created.id}-2"`);
  });

  it('gives 50 concurrent creations in one association 50 distinct case numbers', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const responses = await Promise.all(Array.from({ length: 50 }, () => createCase(url, member.token, caseBody())));
    assert.deepEqual(responses.map((response) => response.status), Array(50).fill(201));
    const numbers = responses.map((response) => response.json.number as string);
    assert.equal(new Set(numbers).size, 50);
    for (const number of numbers) assert.match(number, /^2026-\d{6}$/);
    // Nothing failed, so no gaps either: 2026-000001 … 2026-000050 (the first cases of this association in 2026).
    assert.deepEqual([...numbers].sort(), Array.from({ length: 50 }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`));
    // Each case lists its own invoice, written in the same statement as the case.
    const read = await call(url, 'GET', `/v1/cases/${responses[7]!.json.id}`, { bearer: member.token });
    assert.deepEqual(read.json, responses[7]!.json);
  });

  it('takes one counter reservation for the creations waiting at once, in the order they asked', async () => {
    const { db } = server();
    const a = await server().association();
    let reservations = 0;
    // A wrapper of the database that counts the counter statements (one object: the batcher keys on it).
    const counting: Queryable = {
      query(sql, params) {
        if (sql.includes('case_number_counters')) reservations++;
        return db.query(sql, params);
      },
      exec: (sql) => db.exec(sql),
    };
    const numbers = await Promise.all(Array.from({ length: 30 }, () => takeCaseNumber(counting, a.associationId, 2026)));
    // The first asks alone; the 29 that arrive while its statement runs share the second.
    assert.equal(reservations, 2);
    assert.deepEqual(numbers, Array.from({ length: 30 }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`));
    // One at a time: one statement each, no number skipped; another year starts again at 1.
    assert.equal(await takeCaseNumber(counting, a.associationId, 2026), '2026-000031');
    assert.equal(await takeCaseNumber(counting, a.associationId, 2027), '2027-000001');
    assert.equal(reservations, 4);
  });
});
