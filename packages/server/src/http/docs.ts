import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * The documentation site at /docs: the static build of docs/ (`npm run docs` → docs/dist), or, when
 * it has not been built, a short page saying how to build it. Public, like /api.
 *
 * The site loads nothing from elsewhere and has no inline script or style, so it is served under a
 * strict CSP — the same kind the elements promise to work under (the live demo runs in it).
 */

export interface DocsOptions {
  /** The built site; default `docs/dist` of the repository this file lives in (src/http and dist/http alike). */
  root?: string;
}

/** From packages/server/{src,dist}/http/ up to the repository root. */
const DEFAULT_ROOT = fileURLToPath(new URL('../../../../docs/dist', import.meta.url));

export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Collectkit docs not built</title></head>
<body>
<h1>The Collectkit docs have not been built</h1>
<p>Run <code>npm run docs</code> in the repository, then restart the server: it serves the site from <code>docs/dist</code> at <code>/docs</code>.</p>
<p>Meanwhile the HTTP API reference is at <a href="/api">/api</a> and the OpenAPI document at <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
</body>
</html>
`;

function sendNotBuilt(reply: FastifyReply, status: number) {
  return reply.code(status).header('content-security-policy', DOCS_CSP).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
}

const docsRoutes: FastifyPluginAsync<DocsOptions> = async (app, options) => {
  const root = options.root ?? DEFAULT_ROOT;
  const publicRoute = { config: { auth: 'public' as const }, schema: { hide: true } };

  if (!existsSync(join(root, 'index.html'))) {
    app.get('/docs', publicRoute, async (_request, reply) => sendNotBuilt(reply, 200));
    app.get('/docs/', publicRoute, async (_request, reply) => sendNotBuilt(reply, 200));
    app.get('/docs/*', publicRoute, async (_request, reply) => sendNotBuilt(reply, 404));
    return;
  }

  await app.register(fastifyStatic, {
    root,
    prefix: '/docs/',
    index: 'index.html',
    // @fastify/swagger-ui registers its own copy; the reply decorator may exist only once.
    decorateReply: false,
    // Hidden from the OpenAPI document; no config.auth, so the auth hook lets it through (public).
    schemaHide: true,
    setHeaders: (res) => {
      res.setHeader('content-security-policy', DOCS_CSP);
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });
  // /docs → /docs/, so that the pages' relative links resolve.
  app.get('/docs', publicRoute, async (_request, reply) => reply.redirect('/docs/', 301));
};

export default docsRoutes;
