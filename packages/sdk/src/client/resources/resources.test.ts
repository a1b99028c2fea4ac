import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Health } from '../../contract/api/health.js';
import { createClient } from '../create-client.js';
import { isCollectkitApiError } from '../errors.js';
import { sendJson, serve } from '../http-test-server.test.js';

const server = await serve((req, res) => {
  if (req.url === '/api/health') return sendJson(res, 200, { status: 'ok', database: 'pglite', time: '2025-03-01T12:00:00.000Z' });
  sendJson(res, 200, { status: 'ok', database: 'sqlite', time: 'yesterday' });
});
after(() => server.close());

describe('resource bindings', () => {
  it('health.get parses the answer with HealthSchema', async () => {
    const client = createClient({ apiBase: `${server.baseUrl}/api`, publishableKey: 'pk_test' });
    const health: Health = await client.health.get();
    assert.deepEqual(health, { status: 'ok', database: 'pglite', time: '2025-03-01T12:00:00.000Z' });
    assert.equal(server.requests.at(-1)?.method, 'GET');
  });

  it('health.get refuses an answer outside the contract', async () => {
    const client = createClient({ apiBase: `${server.baseUrl}/other`, publishableKey: 'pk_test' });
    await assert.rejects(client.health.get(), (error: unknown) => isCollectkitApiError(error, 'invalid_response'));
  });
});
