import pg from 'pg';

/** The test PostgreSQL, tried as packages/server/src/testing/test-databases.ts tries it. */
const POSTGRES_URLS = [
  process.env.COLLECTKIT_TEST_DATABASE_URL,
  'postgres://postgres@127.0.0.1:5432/test',
  'postgres://root@127.0.0.1:5432/test',
].filter((url): url is string => Boolean(url));

export async function reachablePostgresUrl(): Promise<string> {
  for (const url of POSTGRES_URLS) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return url;
    } catch {
      // the next candidate
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error('PostgreSQL at 127.0.0.1:5432/test is not reachable');
}
