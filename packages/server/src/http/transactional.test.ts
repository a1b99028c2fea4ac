import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { CollectkitInputError } from '@collectkit/sdk';
import { migrate } from '../store/migrate.js';
import { openTestDatabase, testPostgresUrl, type TestDatabase } from '../testing/test-databases.js';
import { call } from '../testing/http-client.js';
import { installErrorHandler } from './error-handler.js';
import { installTransactions } from './transactional.js';
import { ApiError } from './api-error.js';
import { appendEvent } from '../store/events.js';
import './fastify-types.js';

const ASSOCIATION = '00000000-0000-4000-8000-00000000000a';
const at = new Date('2026-03-03T08:00:00Z');
const postgresUrl = await testPostgresUrl();

/**
 * One transaction per command: a probe app whose mutating routes write an event and then fail in
 * each way a handler can fail. Whatever the failure, the event is gone; on success it stays.
 */
for (const kind of ['pglite', 'postgres'] as const) {
  describe(`one transaction per command [${kind}]`, { skip: kind === 'postgres' && !postgresUrl ? 'PostgreSQL not reachable' : false }, () => {
    let test: TestDatabase;
    let app: FastifyInstance;
    let url = '';
    const events = async () => (await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]!.n;

    before(async () => {
      test = await openTestDatabase(kind);
      await migrate(test.db, { appliedAt: at });
      await test.db.query(`INSERT INTO associations (id, name, country, pricing_plan_id, created_at) VALUES ($1, 'Probe', 'DK', 'standard', $2)`, [ASSOCIATION, at]);
      app = Fastify({ logger: false });
      installErrorHandler(app);
      installTransactions(app, test.db);
      const write = (request: { db: import('../store/database.js').Queryable }) => appendEvent(request.db, { associationId: ASSOCIATION, type: 'probe', at });
      app.post('/ok', async (request) => {
        await write(request);
        return { ok: true };
      });
      app.post('/api-error', async (request) => {
        await write(request);
        throw new ApiError(409, 'conflict', 'changed my mind');
      });
      app.post('/input-error', async (request) => {
        await write(request);
        throw new CollectkitInputError('invalid_amount', 'invoices.0.amount', 'must be positive');
      });
      app.post('/bug', async (request) => {
        await write(request);
        throw new TypeError('a bug');
      });
      app.post('/bad-sql', async (request) => {
        await write(request);
        await request.db.query('SELECT * FROM no_such_table');
      });
      await app.listen({ host: '127.0.0.1', port: 0 });
      url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await app.close();
      await test.dispose();
    });

    it('commits a command that succeeds', async () => {
      const before = await events();
      assert.equal((await call(url, 'POST', '/ok')).status, 200);
      assert.equal(await events(), before + 1);
    });

    it('rolls back a command that fails, whatever the failure, and maps it to the error shape', async () => {
      const before = await events();
      const expected = { '/api-error': [409, 'conflict'], '/input-error': [400, 'invalid_request'], '/bug': [500, 'internal_error'], '/bad-sql': [500, 'internal_error'] } as const;
      for (const [path, [status, code]] of Object.entries(expected)) {
        const response = await call(url, 'POST', path);
        assert.equal(response.status, status, path);
        assert.equal(response.json.error.code, code, path);
      }
      const input = await call(url, 'POST', '/input-error');
      assert.deepEqual(input.json.error.issues, [{ path: 'invoices.0.amount', message: 'must be positive' }]);
      assert.equal(await events(), before, 'nothing written');
      // The database is usable afterwards (no transaction left open on PGlite's single connection).
      assert.equal((await call(url, 'POST', '/ok')).status, 200);
    });
  });
}
