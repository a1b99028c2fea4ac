import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';

describeEachDatabase('health, docs and request ids', (server) => {
  it('GET /health checks the database and reports the server clock', async () => {
    const response = await call(server().url, 'GET', '/health');
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, { status: 'ok', database: server().kind, time: server().clock.now().toISOString() });
    const withStaleKey = await call(server().url, 'GET', '/health', { bearer: 'sk_revoked_or_mistyped' });
    assert.equal(withStaleKey.status, 200, 'public routes ignore credentials');
  });

  it('puts a request id on every response, keeping a sane one the caller sent', async () => {
    const generated = await call(server().url, 'GET', '/health');
    assert.match(generated.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const kept = await call(server().url, 'GET', '/health', { headers: { 'x-request-id': 'trace-42' } });
    assert.equal(kept.headers.get('x-request-id'), 'trace-42');
    const replaced = await call(server().url, 'GET', '/health', { headers: { 'x-request-id': 'has spaces <script>' } });
    assert.notEqual(replaced.headers.get('x-request-id'), 'has spaces <script>');
    const missing = await call(server().url, 'GET', '/v1/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.error.code, 'not_found');
    assert.equal(missing.json.error.requestId, missing.headers.get('x-request-id'));
  });

  it('serves the OpenAPI 3.1 document generated from the contract, and readable docs at /api', async () => {
    const doc = await call(server().url, 'GET', '/v1/openapi.json');
    assert.equal(doc.status, 200);
    assert.equal(doc.json.openapi, '3.1.0');
    const enrol = doc.json.paths['/v1/enrolments'].post;
    assert.ok(enrol.requestBody.content['application/json'].schema.properties.company, 'request body schema from the contract');
    assert.ok(enrol.responses['201'], 'response schema from the contract');
    assert.ok(doc.json.paths['/v1/sessions'].post);
    const docs = await fetch(`${server().url}/api/`);
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger-ui/i);
    const asset = await fetch(`${server().url}/api/static/swagger-ui-bundle.js`);
    assert.equal(asset.status, 200, 'the UI assets come from the package, not a CDN');
    assert.match(asset.headers.get('content-type') ?? '', /javascript/);
    await asset.arrayBuffer();
  });
});
