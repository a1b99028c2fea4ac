import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../store/database.js';
import { openPgliteDatabase } from '../store/pglite-database.js';
import { openPostgresDatabase } from '../store/postgres-database.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase {
  db: Database;
  /** Opens another handle on the same database (e.g. a second "process" for migration races). */
  openAnother(): Promise<Database>;
  dispose(): Promise<void>;
}

const CANDIDATE_URLS = [
  process.env.COLLECTKIT_TEST_DATABASE_URL,
  'postgres://postgres@127.0.0.1:5432/test',
  'postgres://root@127.0.0.1:5432/test',
].filter((url): url is string => Boolean(url));

let found: Promise<string | undefined> | undefined;

/** The first PostgreSQL test URL that answers, or undefined (then the PostgreSQL runs are skipped). */
export function testPostgresUrl(): Promise<string | undefined> {
  found ??= (async () => {
    for (const url of CANDIDATE_URLS) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return url;
      } catch {
        // try the next candidate
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    return undefined;
  })();
  return found;
}

/** PGlite in memory, or a fresh schema `ck_<random>` on the test PostgreSQL, dropped on dispose. */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPgliteDatabase('memory://');
    return {
      db,
      openAnother: () => Promise.reject(new Error('an in-memory PGlite cannot be opened twice')),
      dispose: () => db.close(),
    };
  }
  const url = await testPostgresUrl();
  if (!url) throw new Error('PostgreSQL test database not reachable');
  const schema = `ck_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const opened: Database[] = [];
  const open = async () => {
    const db = openPostgresDatabase({ connectionString: url, searchPath: schema, max: 20 });
    opened.push(db);
    return db;
  };
  const db = await open();
  return {
    db,
    openAnother: open,
    async dispose() {
      for (const handle of opened) await handle.close().catch(() => undefined);
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
