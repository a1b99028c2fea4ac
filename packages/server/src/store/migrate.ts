import type { Database } from './database.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** Any constant shared by every process of one deployment; chosen once, never changed. */
const MIGRATION_LOCK_KEY = 7_245_310_001;

export interface MigrationResult {
  applied: number[];
  alreadyApplied: number[];
}

/**
 * Applies the pending migrations, forward only, in one transaction recorded in `schema_migrations`.
 * A transaction-scoped advisory lock makes two processes starting at once on one PostgreSQL take
 * turns: the second waits, then sees the first one's rows and applies nothing.
 */
export async function migrate(
  db: Database,
  options: { appliedAt: Date; migrations?: readonly Migration[] },
): Promise<MigrationResult> {
  const { appliedAt, migrations = MIGRATIONS } = options;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL
    )`);
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        appliedAt,
      ]);
      applied.push(migration.version);
    }
    return { applied, alreadyApplied: [...done].sort((a, b) => a - b) };
  });
}
