import { testPostgresUrl } from '../../packages/server/src/testing/test-databases.js';

/** The test PostgreSQL, found exactly as the server's tests find it; the benchmark needs one. */
export async function reachablePostgresUrl(): Promise<string> {
  const url = await testPostgresUrl();
  if (!url) throw new Error('PostgreSQL at 127.0.0.1:5432/test is not reachable');
  return url;
}
