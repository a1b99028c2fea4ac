import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { openTestDatabase, testPostgresUrl, type TestDatabase } from '../testing/test-databases.js';

const postgresUrl = await testPostgresUrl();
const appliedAt = new Date('2026-03-03T08:00:00Z');

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`migrations [${kind}]`, { skip: kind === 'postgres' && !postgresUrl ? 'PostgreSQL not reachable' : false }, () => {
    let test: TestDatabase;
    before(async () => {
      test = await openTestDatabase(kind);
    });
    after(async () => {
      await test.dispose();
    });

    it('applies every migration once, recording each in schema_migrations', async () => {
      const first = await migrate(test.db, { appliedAt });
      assert.deepEqual(first.applied, MIGRATIONS.map((m) => m.version));
      const rows = await test.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows, MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    });

    it('is idempotent: a second start applies nothing and changes nothing', async () => {
      const second = await migrate(test.db, { appliedAt: new Date('2026-03-04T08:00:00Z') });
      assert.deepEqual(second.applied, []);
      assert.deepEqual(second.alreadyApplied, MIGRATIONS.map((m) => m.version));
      const rows = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      assert.equal(rows[0]!.n, MIGRATIONS.length);
    });

    it('applies a later migration forward only, and rolls a failing one back entirely', async () => {
      const next = { version: 9001, name: 'test-table', sql: 'CREATE TABLE migration_probe (id int)' };
      assert.deepEqual((await migrate(test.db, { appliedAt, migrations: [...MIGRATIONS, next] })).applied, [9001]);
      const broken = { version: 9002, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function()' };
      await assert.rejects(migrate(test.db, { appliedAt, migrations: [...MIGRATIONS, next, broken] }));
      const tables = await test.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done' AND table_schema = current_schema()");
      assert.equal(tables.length, 0, 'the failed migration left no table behind');
      const versions = await test.db.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version > 9000');
      assert.deepEqual(versions.map((row) => row.version), [9001]);
    });

    it('keeps the event log append-only', async () => {
      await test.db.query(`INSERT INTO associations (id, name, country, pricing_plan_id, created_at) VALUES ('00000000-0000-4000-8000-000000000001', 'A', 'DK', 'standard', $1)`, [appliedAt]);
      await test.db.query(`INSERT INTO events (association_id, type, created_at) VALUES ('00000000-0000-4000-8000-000000000001', 'probe', $1)`, [appliedAt]);
      await assert.rejects(test.db.query("UPDATE events SET type = 'changed'"), /append-only/);
      await assert.rejects(test.db.query('DELETE FROM events'), /append-only/);
    });

    if (kind === 'postgres') {
      it('lets two processes start at once: the advisory lock makes the second apply nothing', async () => {
        const fresh = await openTestDatabase('postgres');
        try {
          const other = await fresh.openAnother();
          const results = await Promise.all([migrate(fresh.db, { appliedAt }), migrate(other, { appliedAt })]);
          const applied = results.map((result) => result.applied.length).sort();
          assert.deepEqual(applied, [0, MIGRATIONS.length]);
        } finally {
          await fresh.dispose();
        }
      });
    }
  });
}
