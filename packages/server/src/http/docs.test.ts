import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import docsRoutes, { DOCS_CSP } from './docs.js';
import { startTestServer, type TestServer } from '../testing/harness.js';

async function appWithDocs(root: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(docsRoutes, { root });
  await app.ready();
  return app;
}

describe('/docs with a built site', () => {
  let dir: string;
  let app: FastifyInstance;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'collectkit-docs-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Collectkit</title><a href="law-dk.html">Denmark</a>');
    writeFileSync(join(dir, 'assets/docs.css'), 'body { margin: 0 }');
    app = await appWithDocs(dir);
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects /docs to /docs/ so that relative links resolve', async () => {
    const response = await app.inject('/docs');
    assert.equal(response.statusCode, 301);
    assert.equal(response.headers.location, '/docs/');
  });

  it('serves the index and the assets under a strict CSP', async () => {
    const index = await app.inject('/docs/');
    assert.equal(index.statusCode, 200);
    assert.match(String(index.headers['content-type']), /text\/html/);
    assert.match(index.body, /law-dk\.html/);
    assert.equal(index.headers['content-security-policy'], DOCS_CSP);
    assert.doesNotMatch(DOCS_CSP, /unsafe/);
    const css = await app.inject('/docs/assets/docs.css');
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /text\/css/);
  });

  it('answers 404 for a page that does not exist, and never serves files outside the site', async () => {
    assert.equal((await app.inject('/docs/no-such-page.html')).statusCode, 404);
    const traversal = await app.inject('/docs/..%2f..%2fetc%2fpasswd');
    assert.notEqual(traversal.statusCode, 200);
  });
});

describe('/docs before `npm run docs`', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await appWithDocs(join(tmpdir(), 'collectkit-docs-never-built-', String(process.pid)));
  });
  after(async () => app.close());

  it('answers /docs and /docs/ with a page saying how to build the docs', async () => {
    for (const url of ['/docs', '/docs/']) {
      const response = await app.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /npm run docs/);
      assert.match(response.body, /href="\/api"/);
      assert.equal(response.headers['content-security-policy'], DOCS_CSP);
    }
  });

  it('answers 404, with the same hint, for any page below it', async () => {
    const response = await app.inject('/docs/law-dk.html');
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /npm run docs/);
  });
});

describe('/docs in the real app', () => {
  let server: (TestServer & { close(): Promise<void> }) | undefined;
  before(async () => {
    server = await startTestServer('pglite');
  });
  after(async () => server?.close());

  it('answers 200 with the built site when docs/dist exists, else with the "run npm run docs" page', async () => {
    const built = existsSync(fileURLToPath(new URL('../../../../docs/dist/index.html', import.meta.url)));
    const response = await fetch(`${server!.url}/docs/`);
    assert.equal(response.status, 200);
    const body = await response.text();
    if (built) assert.match(body, /<nav aria-label="Documentation">/);
    else assert.match(body, /npm run docs/);
    // Public: a broken credential does not stand in the way, as for /health and /api.
    const withStaleKey = await fetch(`${server!.url}/docs/`, { headers: { authorization: 'Bearer sk_revoked' } });
    assert.equal(withStaleKey.status, 200);
    await withStaleKey.arrayBuffer();
  });

  it('keeps /docs out of the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server!.url}/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    assert.deepEqual(Object.keys(doc.paths).filter((path) => path.startsWith('/docs')), []);
  });
});
