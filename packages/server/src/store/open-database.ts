import type { Database } from './database.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';

export const DEFAULT_DATA_DIR = './.collectkit/data';

/** `DATABASE_URL` wins; otherwise PGlite in `dataDir` (`memory://` for tests). */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  if (options.databaseUrl) return openPostgresDatabase({ connectionString: options.databaseUrl });
  return openPgliteDatabase(options.dataDir ?? DEFAULT_DATA_DIR);
}
