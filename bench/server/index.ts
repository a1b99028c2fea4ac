/**
 * bench/server — the reference backend under load (issue 3 §9).
 *
 * Per database (PostgreSQL, then PGlite), against the built server (packages/server/dist, so run
 * `npm run build` first) with logs silenced:
 *
 * - status polling on the 304 path: `GET /v1/cases/{id}` with the current ETag in `If-None-Match`,
 *   round-robin over 100 cases, as a member (bearer session);
 * - case creation: `POST /v1/cases` with a fresh `Idempotency-Key` per request and the one-invoice
 *   worked example of fixtures.ts, as the same member;
 *
 * each as a ratio to a bare fastify route returning a constant (`GET /` → `{"ok":true}`),
 * measured just before it in the same run, with p50/p99 latency. Goals, printed, not asserted:
 * 304 path ≥ 50 % of the bare route's throughput; ≥ 500 case creations/s on PostgreSQL.
 *
 * The server runs in a CHILD process (server-process.ts) and autocannon in this one: a load
 * generator in the server's process would take turns with it on one event loop, so every request
 * would pay for producing its own load and the server would look slower than it is. Autocannon,
 * the server and PostgreSQL's backends still share the machine's cores: figures are for this
 * machine as it was during the run.
 *
 * Knobs for finding where the time goes (the table stays the same):
 * - BENCH_SERVER_DATABASES=postgres (or pglite): one database only;
 * - BENCH_SERVER_MEASURE=create (or poll): one path only;
 * - BENCH_SERVER_PROFILE=1: the server prints a time per SQL statement and per transaction on
 *   stop (timed-database.ts);
 * - BENCH_SERVER_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there (node --cpu-prof);
 * - BENCH_SERVER_CONNECTIONS=1: one connection, a request's own latency without queueing;
 * - BENCH_SERVER_ASSOCIATIONS=<n>: case creation round-robin over n associations (the case-number
 *   counter is one row per association and year);
 * - BENCH_SERVER_PG_OPTIONS='-c synchronous_commit=off': settings for the server's connections.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { report } from '../lib/report.js';
import { CASE_BODY } from './fixtures.js';
import { describe, LOAD, measure, type LoadRequest, type Measured } from './load.js';
import type { DatabaseKind, FromServer, ServerCounts, ServerReady, ToServer } from './messages.js';

const kinds: DatabaseKind[] = (process.env.BENCH_SERVER_DATABASES?.split(',') as DatabaseKind[] | undefined) ?? ['postgres', 'pglite'];
const measured = new Set(process.env.BENCH_SERVER_MEASURE?.split(',') ?? ['poll', 'create']);
const cpuProfileDir = process.env.BENCH_SERVER_CPU_PROFILE;
const CREATION_GOAL_PER_SECOND = 500;
const POLL_GOAL_RATIO = 0.5;

interface ServerChild {
  ready: ServerReady;
  request<T extends FromServer['type']>(message: ToServer, answer: T): Promise<Extract<FromServer, { type: T }>>;
  stop(): Promise<void>;
}

function startServer(kind: DatabaseKind): Promise<ServerChild> {
  // Plain `--import tsx` without `--conditions=source`: @collectkit/server resolves to its dist,
  // the code `npm start` runs.
  const child: ChildProcess = fork(new URL('./server-process.ts', import.meta.url).pathname, [kind], {
    execArgv: ['--import', 'tsx', ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<string, (message: FromServer) => void>();
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  return new Promise((resolve, reject) => {
    child.on('message', (message: FromServer) => {
      if (message.type === 'ready') {
        resolve({
          ready: message,
          request: (out, answer) =>
            new Promise((resolveAnswer) => {
              waiting.set(answer, resolveAnswer as (message: FromServer) => void);
              child.send(out);
            }),
          async stop() {
            if (!exited) child.send({ type: 'stop' } satisfies ToServer);
            const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            await exit;
            clearTimeout(killer);
          },
        });
      } else if (message.type === 'failed') reject(new Error(`server (${kind}) failed: ${message.message}`));
      else waiting.get(message.type)?.(message);
    });
    child.once('exit', (code) => reject(new Error(`server (${kind}) exited with ${code} before it was ready`)));
  });
}

const bareRoute = (ready: ServerReady): LoadRequest => ({ url: ready.bareUrl, method: 'GET' });

function pollRequest(ready: ServerReady): LoadRequest {
  let next = 0;
  return {
    url: ready.apiUrl,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const polled = ready.cases[next++ % ready.cases.length]!;
          return { ...request, method: 'GET', path: `/v1/cases/${polled.id}`, headers: { authorization: `Bearer ${ready.tokens[0]}`, 'if-none-match': polled.etag } };
        },
      },
    ],
  };
}

function unauthenticatedRequest(ready: ServerReady): LoadRequest {
  return { url: `${ready.apiUrl}/v1/cases/${ready.cases[0]!.id}`, method: 'GET', headers: { 'if-none-match': ready.cases[0]!.etag } };
}

function createRequest(ready: ServerReady): LoadRequest {
  let next = 0;
  return {
    url: ready.apiUrl,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          method: 'POST',
          path: '/v1/cases',
          headers: {
            authorization: `Bearer ${ready.tokens[next++ % ready.tokens.length]}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: CASE_BODY,
        }),
      },
    ],
  };
}

/** Lets requests that were in flight when a run stopped finish on the server. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

function reportPair(kind: DatabaseKind, what: string, measured: Measured, bare: Measured, goal?: { text: string; met: boolean }): void {
  const baseline = (value: number) => ({ label: 'bare fastify GET / (constant), same run', value });
  report({ figure: `[${kind}] ${what}: throughput`, value: measured.requestsPerSecond, unit: 'req/s', baseline: baseline(bare.requestsPerSecond), ...(goal ? { goal: goal.text, met: goal.met } : {}) });
  // autocannon records latency in whole milliseconds: a bare p50 of 0 means under 1 ms, and a
  // ratio to it would be meaningless, so that baseline goes into the label instead.
  for (const [name, value, bareValue] of [['p50', measured.p50Ms, bare.p50Ms], ['p99', measured.p99Ms, bare.p99Ms]] as const) {
    if (bareValue > 0) report({ figure: `[${kind}] ${what}: latency ${name}`, value, unit: 'ms', baseline: baseline(bareValue) });
    else report({ figure: `[${kind}] ${what}: latency ${name} (bare route: < 1 ms)`, value, unit: 'ms' });
  }
}

async function benchDatabase(kind: DatabaseKind): Promise<void> {
  const setupStart = performance.now();
  const server = await startServer(kind);
  try {
    const { ready } = server;
    console.log(`${kind}: ${ready.storage}; ready in ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);
    const before: ServerCounts = await server.request({ type: 'counts' }, 'counts');

    // Warm-up: JIT, the pool's connections, fastify's and zod's compiled schemas.
    await measure(bareRoute(ready), 200, LOAD.warmUpSeconds);
    if (measured.has('poll')) await measure(pollRequest(ready), 304, LOAD.warmUpSeconds);
    if (measured.has('create')) await measure(createRequest(ready), 201, LOAD.warmUpSeconds);
    await settle();
    const afterWarmUp: ServerCounts = await server.request({ type: 'counts' }, 'counts');

    if (measured.has('poll')) {
      const bare = await measure(bareRoute(ready), 200);
      console.log(`${kind}: bare route        ${describe(bare)}`);
      const poll = await measure(pollRequest(ready), 304);
      console.log(`${kind}: 304 poll          ${describe(poll)}`);
      reportPair(kind, 'GET /v1/cases/{id} → 304 (If-None-Match)', poll, bare, {
        text: `≥ ${POLL_GOAL_RATIO * 100} % of the bare route`,
        met: poll.requestsPerSecond >= POLL_GOAL_RATIO * bare.requestsPerSecond,
      });
      // Where the 304 path's time goes: the same route refused before any database query (no
      // credentials → 401) runs the app's whole fastify stack (hooks, cookie, CORS, auth, error
      // handler) without the two lookups (session, case version) the 304 makes.
      const stack = await measure(unauthenticatedRequest(ready), 401);
      console.log(`${kind}: 401, no database  ${describe(stack)}`);
      report({
        figure: `[${kind}] GET /v1/cases/{id} without credentials → 401 (app stack, no database): throughput`,
        value: stack.requestsPerSecond,
        unit: 'req/s',
        baseline: { label: 'bare fastify GET / (constant), same run', value: bare.requestsPerSecond },
      });
    }
    if (!measured.has('create')) return;
    const bare = await measure(bareRoute(ready), 200);
    console.log(`${kind}: bare route        ${describe(bare)}`);
    const create = await measure(createRequest(ready), 201);
    console.log(`${kind}: case creation     ${describe(create)}`);

    // Every 201 counted must be a case with its own idempotency key in the database. Requests still
    // in flight when autocannon stops finish on the server uncounted: up to one per connection.
    await settle();
    const after: ServerCounts = await server.request({ type: 'counts' }, 'counts');
    const created = after.cases - afterWarmUp.cases;
    const keys = after.idempotencyKeys - afterWarmUp.idempotencyKeys;
    console.log(`${kind}: cases in the database ${before.cases} → ${afterWarmUp.cases} (warm-up) → ${after.cases}; 201s counted ${create.total}`);
    if (keys !== created || created < create.total || created > create.total + LOAD.connections) {
      throw new Error(`${kind}: ${create.total} answers 201 but ${created} new cases and ${keys} new idempotency keys`);
    }

    reportPair(
      kind,
      'POST /v1/cases → 201 (fresh Idempotency-Key)',
      create,
      bare,
      kind === 'postgres' ? { text: `≥ ${CREATION_GOAL_PER_SECOND} cases/s`, met: create.requestsPerSecond >= CREATION_GOAL_PER_SECOND } : undefined,
    );
  } finally {
    await server.stop();
  }
}

console.log(
  `loopback 127.0.0.1, autocannon ${LOAD.connections} connections, pipelining ${LOAD.pipelining}, ${LOAD.durationSeconds} s per measurement ` +
    `(${LOAD.warmUpSeconds} s warm-up each); ${availableParallelism()} cores, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} at start`,
);
let failed = false;
for (const kind of kinds) {
  try {
    await benchDatabase(kind);
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? error.message : error);
  }
}
console.log(`load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} at the end`);
process.exit(failed ? 1 : 0);
