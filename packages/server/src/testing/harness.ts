import type { AddressInfo } from 'node:net';
import { after, before, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppConfig } from '../app.js';
import { adjustableClock, type AdjustableClock } from '../clock.js';
import { migrate } from '../store/migrate.js';
import { createAssociation, type CreatedAssociation, type NewAssociation } from '../store/associations.js';
import type { Database } from '../store/database.js';
import { openTestDatabase, testPostgresUrl, type TestDatabase, type TestDatabaseKind } from './test-databases.js';

/** A worked-example instant: Tuesday 3 March 2026, 09:00 in Copenhagen. */
export const TEST_START = new Date('2026-03-03T08:00:00.000Z');

export interface TestServer {
  readonly kind: TestDatabaseKind;
  /** e.g. http://127.0.0.1:53211, no trailing slash */
  readonly url: string;
  readonly db: Database;
  readonly testDatabase: TestDatabase;
  readonly clock: AdjustableClock;
  readonly app: FastifyInstance;
  /** A fresh association with keys; `allowedOrigins` defaults to https://a.example. */
  association(overrides?: Partial<NewAssociation>): Promise<CreatedAssociation>;
  /** `count(*)` of a table, to show that a failed request wrote nothing. */
  count(table: string): Promise<number>;
}

export async function startTestServer(kind: TestDatabaseKind, config: Partial<AppConfig> = {}): Promise<TestServer & { close(): Promise<void> }> {
  const testDatabase = await openTestDatabase(kind);
  const { db } = testDatabase;
  const clock = adjustableClock(TEST_START);
  await migrate(db, { appliedAt: clock.now() });
  const app = await buildApp({ db, clock, logLevel: 'silent', ...config });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  let serial = 0;
  return {
    kind,
    url: `http://127.0.0.1:${port}`,
    db,
    testDatabase,
    clock,
    app,
    association: (overrides = {}) =>
      createAssociation(
        db,
        { name: `Test association ${++serial}`, country: 'DK', allowedOrigins: ['https://a.example'], pricingPlanId: 'association-member', ...overrides },
        clock.now(),
      ),
    async count(table) {
      if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
      const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      return rows[0]!.n;
    },
    async close() {
      await app.close();
      await testDatabase.dispose();
    },
  };
}

const postgresUrl = await testPostgresUrl();

/**
 * Declares the suite once per database: PGlite always, PostgreSQL when 127.0.0.1:5432/test answers.
 * All tests of one `describe` share one started server (PGlite takes seconds to start).
 */
export function describeEachDatabase(name: string, suite: (server: () => TestServer) => void, config: Partial<AppConfig> = {}): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    const skip = kind === 'postgres' && !postgresUrl ? 'PostgreSQL at 127.0.0.1:5432/test not reachable' : false;
    describe(`${name} [${kind}]`, { skip }, () => {
      let server: (TestServer & { close(): Promise<void> }) | undefined;
      before(async () => {
        server = await startTestServer(kind, config);
      });
      after(async () => {
        await server?.close();
      });
      suite(() => {
        if (!server) throw new Error('test server not started');
        return server;
      });
    });
  }
}
