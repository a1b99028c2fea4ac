import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adjustableClock } from './clock.js';
import { seedDemo } from './seed-demo.js';
import { migrate } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';

describe('seedDemo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'collectkit-seed-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the demo association once, and a restart on another origin adds that origin', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      const clock = adjustableClock(new Date('2026-03-02T09:00:00Z'));
      await migrate(db, { appliedAt: clock.now() });
      const first = await seedDemo(db, clock, { dataDir, allowedOrigins: ['http://localhost:8080'] });
      assert.equal(first.created, true);
      const second = await seedDemo(db, clock, { dataDir, allowedOrigins: ['http://localhost:9090', 'http://localhost:8080'] });
      assert.equal(second.created, false);
      assert.equal(second.credentials?.publishableKey, first.credentials?.publishableKey);
      const rows = await db.query<{ allowed_origins: string[] }>('SELECT allowed_origins FROM associations');
      assert.equal(rows.length, 1, 'seeded once');
      assert.deepEqual(rows[0]!.allowed_origins, ['http://localhost:8080', 'http://localhost:9090']);
    } finally {
      await db.close();
    }
  });
});
