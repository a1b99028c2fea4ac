import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { isCollectkitInputError } from '../errors.js';
import { createClient } from './create-client.js';
import { isCollectkitApiError, type CollectkitApiError } from './errors.js';
import { recordingSleep, sendJson, serve, type TestServer } from './http-test-server.test.js';

const CaseSchema = z.object({ id: z.string(), status: z.string() });
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const servers: TestServer[] = [];
async function server(handler: Parameters<typeof serve>[0]): Promise<TestServer> {
  const started = await serve(handler);
  servers.push(started);
  return started;
}
after(async () => Promise.all(servers.map((s) => s.close())));

async function rejection(promise: Promise<unknown>): Promise<CollectkitApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isCollectkitApiError(error), `expected a CollectkitApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('createClient: credentials', () => {
  it('sends the one credential as a bearer token, with the caller headers, and calls onRequest per attempt', async () => {
    const s = await server((_req, res) => sendJson(res, 200, { id: 'cs_1', status: 'draft' }));
    const seen: string[] = [];
    const client = createClient({
      apiBase: `${s.baseUrl}/api/`,
      secretKey: 'sk_test_123',
      headers: { 'x-tenant-hint': 'garages' },
      onRequest: (request) => void seen.push(`${request.method} ${request.url}`),
    });
    const value = await client.request({ method: 'GET', path: 'v1/cases/cs_1', schema: CaseSchema });
    assert.deepEqual(value, { id: 'cs_1', status: 'draft' });
    const [received] = s.requests;
    assert.equal(received?.url, '/api/v1/cases/cs_1');
    assert.equal(received?.headers.authorization, 'Bearer sk_test_123');
    assert.equal(received?.headers['x-tenant-hint'], 'garages');
    assert.equal(received?.headers.accept, 'application/json');
    assert.deepEqual(seen, [`GET ${s.baseUrl}/api/v1/cases/cs_1`]);
  });

  it("passes credentials: 'include' to fetch, for the widget's cookie session", async () => {
    const s = await server((_req, res) => sendJson(res, 200, { id: 'cs_1', status: 'draft' }));
    const modes: string[] = [];
    const widget = createClient({ apiBase: s.baseUrl, publishableKey: 'pk_test', credentials: 'include', onRequest: (r) => void modes.push(r.credentials) });
    const plain = createClient({ apiBase: s.baseUrl, publishableKey: 'pk_test', onRequest: (r) => void modes.push(r.credentials) });
    await widget.request({ method: 'GET', path: 'v1/me', schema: CaseSchema });
    await plain.request({ method: 'GET', path: 'v1/me', schema: CaseSchema });
    assert.deepEqual(modes, ['include', 'same-origin']);
  });

  it('demands exactly one credential, of the right kind', () => {
    const base = { apiBase: 'http://127.0.0.1:1' };
    const field = (make: () => unknown) => {
      try {
        make();
      } catch (error) {
        assert.ok(isCollectkitInputError(error));
        return error.field;
      }
      assert.fail('expected createClient to throw');
    };
    assert.equal(field(() => createClient(base)), 'publishableKey');
    assert.equal(field(() => createClient({ ...base, publishableKey: 'pk_a', secretKey: 'sk_b' })), 'secretKey');
    assert.equal(field(() => createClient({ ...base, publishableKey: 'sk_live_oops' })), 'publishableKey');
    assert.equal(field(() => createClient({ ...base, secretKey: 'pk_live_oops' })), 'secretKey');
    assert.equal(field(() => createClient({ ...base, token: '' })), 'token');
    assert.equal(field(() => createClient({ apiBase: '', token: 't' })), 'apiBase');
    assert.doesNotThrow(() => createClient({ ...base, token: 'session_abc', credentials: 'include' }));
  });
});

describe('typed errors', () => {
  it('reads code, message, issues and the request id of a 400', async () => {
    const s = await server((_req, res) =>
      sendJson(
        res,
        400,
        { error: { code: 'invalid_request', message: 'The body is invalid.', issues: [{ path: 'invoices.0.dueDate', message: 'Invalid date' }] } },
        { 'x-request-id': 'req-42' },
      ),
    );
    const client = createClient({ apiBase: s.baseUrl, publishableKey: 'pk_test' });
    const error = await rejection(client.request({ method: 'POST', path: 'v1/quotes', json: {}, schema: CaseSchema }));
    assert.equal(error.kind, 'invalid_request');
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalid_request');
    assert.equal(error.message, 'The body is invalid.');
    assert.deepEqual(error.issues, [{ path: 'invoices.0.dueDate', message: 'Invalid date' }]);
    assert.equal(error.requestId, 'req-42');
    assert.equal(s.requests.length, 1, 'a 400 is not retried');
  });

  it('maps each status to its kind, and survives a body that is not the error shape', async () => {
    const cases: Array<[number, string, Record<string, string>, string]> = [
      [401, 'authentication', {}, 'unauthenticated'],
      [403, 'permission', {}, 'origin_not_allowed'],
      [404, 'not_found', {}, 'not_found'],
      [409, 'conflict', {}, 'conflict'],
      [429, 'rate_limited', { 'retry-after': '120' }, 'rate_limited'],
      [500, 'server', {}, 'internal_error'],
    ];
    const s = await server((req, res) => {
      const status = Number(req.url.slice(1));
      if (status === 502) {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html>Bad gateway</html>');
        return;
      }
      const [, , headers, code] = cases.find(([st]) => st === status)!;
      sendJson(res, status, { error: { code, message: `status ${status}`, requestId: `body-${status}` } }, headers);
    });
    const client = createClient({ apiBase: s.baseUrl, token: 't', retry: { limit: 0 } });
    for (const [status, kind, , code] of cases) {
      const error = await rejection(client.request({ method: 'GET', path: String(status), schema: CaseSchema }));
      assert.deepEqual([error.status, error.kind, error.code], [status, kind, code]);
      assert.equal(error.requestId, `body-${status}`, 'the body carries the request id when the header is not exposed');
      if (status === 429) assert.equal(error.retryAfterMs, 120_000);
    }
    const gateway = await rejection(client.request({ method: 'GET', path: '502', schema: CaseSchema }));
    assert.deepEqual([gateway.kind, gateway.code, gateway.message, gateway.issues], ['server', 'http_502', 'HTTP 502', []]);
  });

  it('reports a refused connection and a timeout as network errors', async () => {
    const closed = await serve(() => undefined);
    await closed.close();
    const refused = createClient({ apiBase: closed.baseUrl, token: 't', retry: { limit: 0 } });
    const network = await rejection(refused.request({ method: 'GET', path: 'v1/me', schema: CaseSchema }));
    assert.deepEqual([network.kind, network.code, network.status], ['network', 'network_error', 0]);

    const silent = await server(() => undefined); // never answers
    const slow = createClient({ apiBase: silent.baseUrl, token: 't', retry: { limit: 0 }, timeoutMs: 50 });
    const timeout = await rejection(slow.request({ method: 'GET', path: 'v1/me', schema: CaseSchema }));
    assert.deepEqual([timeout.kind, timeout.code], ['network', 'timeout']);
  });

  it('recognises its errors by shape, across realms, and nothing else', () => {
    const fromAnotherCopy = { name: 'CollectkitApiError', kind: 'conflict', status: 409, message: 'x' };
    assert.ok(isCollectkitApiError(fromAnotherCopy));
    assert.ok(isCollectkitApiError(fromAnotherCopy, 'conflict'));
    assert.ok(!isCollectkitApiError(fromAnotherCopy, 'not_found'));
    assert.ok(!isCollectkitApiError(new Error('CollectkitApiError')));
    assert.ok(!isCollectkitApiError(null));
  });

  it('passes the caller abort through as the abort, not as a Collectkit error', async () => {
    const silent = await server(() => undefined);
    const client = createClient({ apiBase: silent.baseUrl, token: 't' });
    const controller = new AbortController();
    const call = client.request({ method: 'GET', path: 'v1/me', schema: CaseSchema, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(call, (error: unknown) => (error as Error).name === 'AbortError' && !isCollectkitApiError(error));
  });
});

describe('retries and idempotency', () => {
  it('retries a POST that failed twice with the same Idempotency-Key, after full-jitter back-off', async () => {
    const s = await server((_req, res, index) =>
      index < 2 ? sendJson(res, 503, { error: { code: 'internal_error', message: 'busy' } }) : sendJson(res, 201, { id: 'cs_9', status: 'submitted' }),
    );
    const { sleep, waits } = recordingSleep();
    const client = createClient({
      apiBase: s.baseUrl,
      secretKey: 'sk_test',
      retry: { limit: 3, baseDelayMs: 300, maxDelayMs: 10_000 },
      random: () => 0.5,
      sleep,
    });
    const created = await client.request({ method: 'POST', path: 'v1/cases', json: { ref: 'INV-1' }, schema: CaseSchema });
    assert.deepEqual(created, { id: 'cs_9', status: 'submitted' });
    assert.equal(s.requests.length, 3);
    const keys = s.requests.map((r) => r.headers['idempotency-key']);
    assert.match(String(keys[0]), UUID_V4);
    assert.deepEqual(keys, [keys[0], keys[0], keys[0]]);
    assert.deepEqual(s.requests.map((r) => r.body), Array(3).fill('{"ref":"INV-1"}'));
    // Full jitter with random() = 0.5: 0.5 · min(10000, 300 · 2⁰) = 150, then 0.5 · min(10000, 300 · 2¹) = 300.
    assert.deepEqual(waits, [150, 300]);
  });

  it('uses the caller key, and a new key for each logical call', async () => {
    const s = await server((_req, res) => sendJson(res, 201, { id: 'cs_1', status: 'draft' }));
    const client = createClient({ apiBase: s.baseUrl, secretKey: 'sk_test' });
    await client.request({ method: 'POST', path: 'v1/cases', json: {}, schema: CaseSchema, idempotencyKey: 'import-2024-0001' });
    await client.request({ method: 'POST', path: 'v1/cases', json: {}, schema: CaseSchema });
    await client.request({ method: 'POST', path: 'v1/cases', json: {}, schema: CaseSchema });
    const keys = s.requests.map((r) => r.headers['idempotency-key']);
    assert.equal(keys[0], 'import-2024-0001');
    assert.notEqual(keys[1], keys[2]);
    assert.equal(s.requests.length, 3);
  });

  it('honours Retry-After instead of the back-off, and does not wait longer than maxDelayMs', async () => {
    const s = await server((req, res, index) => {
      if (req.url === '/long') return sendJson(res, 429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '60' });
      index === 0 ? sendJson(res, 429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '2' }) : sendJson(res, 200, { id: 'a', status: 'b' });
    });
    const { sleep, waits } = recordingSleep();
    const client = createClient({ apiBase: s.baseUrl, token: 't', retry: { limit: 2, baseDelayMs: 100, maxDelayMs: 5000 }, sleep });
    await client.request({ method: 'GET', path: 'short', schema: CaseSchema });
    assert.deepEqual(waits, [2000]);
    const error = await rejection(client.request({ method: 'GET', path: 'long', schema: CaseSchema }));
    assert.deepEqual([error.kind, error.retryAfterMs], ['rate_limited', 60_000]);
    assert.equal(s.requests.filter((r) => r.url === '/long').length, 1, 'a 60 s Retry-After is handed to the caller');
  });

  it('retries a dropped connection, but not a 500, and gives up after the limit', async () => {
    const s = await server((req, res) => {
      if (req.url === '/drop') return void res.socket?.destroy();
      if (req.url === '/bug') return sendJson(res, 500, { error: { code: 'internal_error', message: 'bug' } });
    });
    const { sleep, waits } = recordingSleep();
    const client = createClient({ apiBase: s.baseUrl, token: 't', retry: { limit: 2, baseDelayMs: 100, maxDelayMs: 1000 }, random: () => 0.99, sleep });
    const dropped = await rejection(client.request({ method: 'GET', path: 'drop', schema: CaseSchema }));
    assert.equal(dropped.kind, 'network');
    assert.equal(s.requests.filter((r) => r.url === '/drop').length, 3, 'first attempt + 2 retries');
    assert.deepEqual(waits, [99, 198]);
    await rejection(client.request({ method: 'POST', path: 'bug', json: {}, schema: CaseSchema }));
    assert.equal(s.requests.filter((r) => r.url === '/bug').length, 1);
  });
});

describe('responses are parsed with the schema', () => {
  it('rejects a body that does not match the contract, with the issues, instead of returning it', async () => {
    const s = await server((req, res) =>
      req.url === '/text' ? void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok') : sendJson(res, 200, { id: 7, status: 'draft' }, { 'x-request-id': 'r-1' }),
    );
    const client = createClient({ apiBase: s.baseUrl, token: 't' });
    const mismatch = await rejection(client.request({ method: 'GET', path: 'cases/1', schema: CaseSchema }));
    assert.deepEqual([mismatch.kind, mismatch.code, mismatch.status, mismatch.requestId], ['invalid_response', 'invalid_response', 200, 'r-1']);
    assert.deepEqual(mismatch.issues.map((i) => i.path), ['id']);
    const notJson = await rejection(client.request({ method: 'GET', path: 'text', schema: CaseSchema }));
    assert.equal(notJson.code, 'invalid_response');
  });

  it('resolves to undefined for a call without a schema (204)', async () => {
    const s = await server((_req, res) => void res.writeHead(204).end());
    const client = createClient({ apiBase: s.baseUrl, token: 't' });
    assert.equal(await client.request({ method: 'POST', path: 'v1/sessions/logout', json: {} }), undefined);
  });

  it('sends If-None-Match for a remembered ETag and answers a 304 from the cached parsed body', async () => {
    let version = 1;
    const s = await server((req, res) => {
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) return void (res.writeHead(304, { etag }), res.end());
      sendJson(res, 200, { id: 'cs_1', status: version === 1 ? 'reminder' : 'notice' }, { etag });
    });
    const client = createClient({ apiBase: s.baseUrl, token: 't' });
    const get = () => client.request({ method: 'GET', path: 'v1/cases/cs_1', schema: CaseSchema, conditional: true });
    assert.deepEqual(await get(), { id: 'cs_1', status: 'reminder' });
    assert.deepEqual(await get(), { id: 'cs_1', status: 'reminder' });
    version = 2;
    assert.deepEqual(await get(), { id: 'cs_1', status: 'notice' });
    assert.deepEqual(s.requests.map((r) => r.headers['if-none-match']), [undefined, '"v1"', '"v1"']);
    // Without `conditional` nothing is remembered or sent.
    await client.request({ method: 'GET', path: 'v1/cases/cs_1', schema: CaseSchema });
    assert.equal(s.requests.at(-1)?.headers['if-none-match'], undefined);
  });
});
