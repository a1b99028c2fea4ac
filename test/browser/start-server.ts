/**
 * Starts ONE real Collectkit server for a browser-test run: the fastify app on an in-memory PGlite,
 * migrated, with a test association whose allowed origins are the test page's. Prints one JSON line
 * `{ apiBase, publishableKey, secretKey, associationId }` on stdout when it listens, and stops on
 * SIGTERM or when stdin closes (the test runner went away).
 *
 *   node --conditions=source --import tsx test/browser/start-server.ts --origin http://localhost:8000
 *
 * The system clock, not a fixed test instant: the session cookie's expiry is judged by the browser's
 * real clock, and a cookie that expired "in March" would be dropped on arrival.
 *
 * With `--simulated` the clock starts at the system time and only ever moves forward, by whole days,
 * through the operator's POST /v1/simulation/advance (the demo's simulated time, with the dunning
 * scheduler doing each day's work); the association also gets an operator account, whose e-mail and
 * password the JSON line carries as `operator`. A separate server, so that no other test sees its
 * clock move.
 *
 * With `--cross-site-sessions` the server is built with `crossSiteSessions: true` (the member's cookie
 * SameSite=None; Secure; Partitioned) and listens on 127.0.0.1, its API base `http://127.0.0.1:<port>`:
 * another SITE than the test page on `localhost`, as an association's www.forening.dk and the API's
 * api.inkasso.dk are. Chromium treats loopback as potentially trustworthy, so it takes the Secure
 * cookie over plain http from 127.0.0.1 (from a non-loopback http host it would refuse it).
 */
import type { AddressInfo } from 'node:net';
import { buildApp, migrate, systemClock } from '../../packages/server/src/index.js';
import { openPgliteDatabase } from '../../packages/server/src/store/pglite-database.js';
import { createAssociation } from '../../packages/server/src/store/associations.js';
import { DEFAULT_PLAN_ID } from '../../packages/server/src/pricing-plans.js';
import { offsetClock } from '../../packages/server/src/process/scheduler/simulate.js';
import { hashPassword } from '../../packages/server/src/auth/passwords.js';
import { createUser } from '../../packages/server/src/store/users.js';

function argument(name: string): string[] {
  const values: string[] = [];
  process.argv.forEach((arg, i) => {
    if (arg === `--${name}` && process.argv[i + 1]) values.push(process.argv[i + 1]!);
  });
  return values;
}

const origins = argument('origin');
if (origins.length === 0) throw new Error('start-server: give the test page origin with --origin http://localhost:8000');

const simulated = process.argv.includes('--simulated');
const crossSite = process.argv.includes('--cross-site-sessions');
const db = await openPgliteDatabase('memory://');
const clock = simulated ? offsetClock(systemClock()) : systemClock();
await migrate(db, { appliedAt: clock.now() });
const app = await buildApp({ db, clock, logLevel: 'silent', crossSiteSessions: crossSite });
const association = await createAssociation(
  db,
  { name: 'Browser-test association', country: 'DK', allowedOrigins: origins, pricingPlanId: DEFAULT_PLAN_ID },
  clock.now(),
);
const operator = simulated ? { email: 'operator@browser-test.example', password: 'operatørens lange kodeord' } : undefined;
if (operator) {
  await createUser(db, {
    associationId: association.associationId,
    creditorId: null,
    role: 'operator',
    email: operator.email,
    passwordHash: await hashPassword(operator.password),
    now: clock.now(),
  });
}
// 'localhost' (not 127.0.0.1) so that the page (http://localhost:<wtr port>) and the API are the same
// site: the session cookie is SameSite=Lax, and a cross-site fetch would neither set nor send it.
// The cross-site server is on 127.0.0.1 on purpose: another site than the page.
const host = crossSite ? '127.0.0.1' : 'localhost';
await app.listen({ host, port: 0 });
const { port } = app.server.address() as AddressInfo;

process.stdout.write(
  `${JSON.stringify({ apiBase: `http://${host}:${port}`, publishableKey: association.publishableKey, secretKey: association.secretKey, associationId: association.associationId, ...(operator ? { operator } : {}) })}\n`,
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
