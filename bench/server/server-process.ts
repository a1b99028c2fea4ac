/**
 * The server side of bench/server, run as a child process (see index.ts for why): opens the
 * database, migrates, seeds an association, enrols one member over HTTP, creates the cases that
 * will be polled, and listens on 127.0.0.1 with
 *
 * - the Collectkit app (`buildApp`, built code from packages/server/dist as `npm start` runs it,
 *   logs silenced), and
 * - a bare fastify app answering `GET /` with a constant: the same-run baseline.
 *
 * Argument: `postgres` or `pglite`. PostgreSQL: a fresh schema `ck_bench_<hex>` in the database
 * `test` on 127.0.0.1:5432, dropped on stop (as packages/server/src/testing/test-databases.ts does).
 * PGlite: in memory. The process stops on `stop`, when the parent goes away, or after
 * MAX_LIFETIME_MS, and always tries to drop its schema.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { adjustableClock, buildApp, migrate, openDatabase, seedDemo, type Database } from '@collectkit/server';
import { BENCH_INSTANT, BENCH_PASSWORD, CASE_BODY, garageEnrolment } from './fixtures.js';
import type { DatabaseKind, FromServer, PolledCase, ToServer } from './messages.js';
import { timedDatabase, type QueryTimings } from './timed-database.js';
import { reachablePostgresUrl } from './postgres-url.js';
// Not in the package's exports; only the BENCH_SERVER_ASSOCIATIONS experiment needs more than the
// one association seedDemo makes.
import { createAssociation } from '../../packages/server/dist/store/associations.js';

/** Cases polled round-robin by the 304 measurement: more than one, so it is not one hot row. */
const POLLED_CASES = 100;
/** However the parent fares, this process ends. */
const MAX_LIFETIME_MS = 10 * 60_000;

const kind = process.argv[2] as DatabaseKind;
if (kind !== 'postgres' && kind !== 'pglite') throw new Error('usage: server-process.ts postgres|pglite');
const profileQueries = process.env.BENCH_SERVER_PROFILE === '1';
/** Experiment: case creation spread over this many associations, one member each (default 1). */
const associationCount = Number(process.env.BENCH_SERVER_ASSOCIATIONS ?? 1);
/** Experiment: extra PostgreSQL settings for the server's connections, e.g. `-c synchronous_commit=off`. */
const extraPostgresOptions = process.env.BENCH_SERVER_PG_OPTIONS ?? '';

function send(message: FromServer): void {
  process.send?.(message);
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Opened {
  db: Database;
  storage: string;
  dispose(): Promise<void>;
}

async function openBenchDatabase(): Promise<Opened> {
  if (kind === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    return { db, storage: 'PGlite in memory, in the server process', dispose: () => db.close() };
  }
  const url = await reachablePostgresUrl();
  const schema = `ck_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE SCHEMA ${schema}`);
  // The exported openDatabase with its production pool (10 connections); the schema goes in the
  // connection's startup options, which pg reads from the URL.
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema} ${extraPostgresOptions}`.trim());
  const db = await openDatabase({ databaseUrl: scoped.toString() });
  return {
    db,
    storage: `PostgreSQL ${new URL(url).host}/test, schema ${schema}`,
    async dispose() {
      await db.close().catch(() => undefined);
      await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

async function call(url: string, path: string, init: { method?: string; bearer: string; body?: unknown; headers?: Record<string, string> }) {
  const response = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${init.bearer}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as Record<string, any>) : {};
  return { status: response.status, headers: response.headers, json };
}

function expectStatus(what: string, got: { status: number; json: unknown }, status: number): void {
  if (got.status !== status) throw new Error(`${what}: HTTP ${got.status}, expected ${status}: ${JSON.stringify(got.json)}`);
}

/** Enrols, signs and sets a password with the secret key, as packages/server/src/testing/members.ts does. */
async function enrolMember(apiUrl: string, secretKey: string): Promise<string> {
  const enrolment = garageEnrolment();
  const created = await call(apiUrl, '/v1/enrolments', { method: 'POST', bearer: secretKey, body: enrolment });
  expectStatus('enrolment', created, 201);
  const id: string = created.json.id;
  const contact = enrolment.contact as { name: string };
  const signed = await call(apiUrl, `/v1/enrolments/${id}/signature`, {
    method: 'POST',
    bearer: secretKey,
    body: { name: contact.name, consent: true, sha256: created.json.agreement.sha256 },
  });
  expectStatus('signature', signed, 200);
  const password = await call(apiUrl, `/v1/enrolments/${id}/password`, { method: 'POST', bearer: secretKey, body: { password: BENCH_PASSWORD } });
  expectStatus('password', password, 201);
  return password.json.token as string;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

let stopping: Promise<void> | undefined;
const cleanups: Array<() => Promise<void>> = [];
function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
    send({ type: 'stopped' });
    process.exit(code);
  })();
  return stopping;
}
setTimeout(() => void stop(1), MAX_LIFETIME_MS).unref();
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

async function main(): Promise<void> {
  const opened = await openBenchDatabase();
  cleanups.push(opened.dispose);
  const timings: QueryTimings | undefined = profileQueries ? { statements: new Map(), transactions: [] } : undefined;
  const db = timings ? timedDatabase(opened.db, timings) : opened.db;
  const clock = adjustableClock(BENCH_INSTANT);
  await migrate(db, { appliedAt: clock.now() });

  const app = await buildApp({ db, clock, logLevel: 'silent' });
  const apiUrl = await listen(app);
  cleanups.push(() => app.close());

  // The baseline: fastify with its defaults, no plugins, no logger, one constant answer.
  const bare = Fastify({ logger: false });
  bare.get('/', async () => ({ ok: true }));
  const bareUrl = await listen(bare);
  cleanups.push(() => bare.close());

  const dataDir = mkdtempSync(join(tmpdir(), 'collectkit-bench-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const seeded = await seedDemo(db, clock, { dataDir, allowedOrigins: [apiUrl] });
  if (!seeded.credentials) throw new Error('seedDemo created no association in a fresh database');
  const token = await enrolMember(apiUrl, seeded.credentials.secretKey);
  const tokens = [token];
  for (let i = 1; i < associationCount; i++) {
    const association = await createAssociation(
      db,
      { name: `Bench association ${i}`, country: 'DK', allowedOrigins: [apiUrl], pricingPlanId: 'association-member' },
      clock.now(),
    );
    tokens.push(await enrolMember(apiUrl, association.secretKey));
  }

  const cases: PolledCase[] = [];
  for (let i = 0; i < POLLED_CASES; i++) {
    const created = await call(apiUrl, '/v1/cases', { method: 'POST', bearer: token, body: CASE_BODY, headers: { 'idempotency-key': `setup-${i}` } });
    expectStatus('case creation', created, 201);
    cases.push({ id: created.json.id, etag: created.headers.get('etag')! });
  }
  const polled = await call(apiUrl, `/v1/cases/${cases[0]!.id}`, { bearer: token, headers: { 'if-none-match': cases[0]!.etag } });
  expectStatus('poll with the current ETag', polled, 304);
  timings?.statements.clear();
  timings?.transactions.splice(0);

  process.on('message', (message: ToServer) => {
    if (message.type === 'stop') {
      if (timings) printTimings(timings);
      void stop(0);
    } else if (message.type === 'counts') {
      void (async () => {
        const [row] = await opened.db.query<{ cases: number; keys: number }>(
          'SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM idempotency_keys) AS keys',
        );
        send({ type: 'counts', cases: row!.cases, idempotencyKeys: row!.keys });
      })();
    }
  });
  const settings = [extraPostgresOptions, associationCount > 1 ? `${associationCount} associations` : ''].filter(Boolean).join(', ');
  send({ type: 'ready', apiUrl, bareUrl, tokens, cases, storage: `${opened.storage}${settings ? ` (${settings})` : ''}` });
}

function printTimings(timings: QueryTimings): void {
  const rows = [...timings.statements.entries()].sort((a, b) => b[1].totalMs - a[1].totalMs);
  console.error(`query timings (${kind}): statement, calls, total ms, mean ms`);
  for (const [sql, t] of rows.slice(0, 20)) {
    console.error(`  ${String(t.calls).padStart(7)} ${t.totalMs.toFixed(0).padStart(8)} ${(t.totalMs / t.calls).toFixed(3).padStart(8)}  ${sql}`);
  }
  const tx = timings.transactions;
  if (tx.length > 0) {
    const sorted = [...tx].sort((a, b) => a - b);
    const sum = tx.reduce((a, b) => a + b, 0);
    console.error(`  transactions: ${tx.length}, mean ${(sum / tx.length).toFixed(2)} ms, p50 ${sorted[Math.floor(tx.length / 2)]!.toFixed(2)} ms, p99 ${sorted[Math.floor(tx.length * 0.99)]!.toFixed(2)} ms`);
  }
}

main().catch(async (error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  await stop(1);
});
