import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { findApiKey } from '../auth/credentials.js';
import type { Queryable } from '../store/database.js';
import { DEFAULT_DATA_DIR } from '../store/open-database.js';
import { escapeHtml } from '../process/notifications/render-email.js';
import { Html, demoPageHtml, type DemoLanguage } from './demo-page.js';

/**
 * Two things an association's visitor loads from this server:
 *
 * - `/embed/collect.js` (and the language files it imports, `/embed/collect-da-<hash>.js`, …) — the embed bundle of @collectkit/elements (built by `npm run build`
 *   into packages/elements/dist). A stable address for the `<script type="module">` an association
 *   pastes; `?v=<hash>` (the demo pages use it) makes it cacheable for a year.
 * - `/demo/` (Danish) and `/demo/sv/` (Swedish) — the page of the demo association seeded on the first
 *   start (seed-demo.ts), with all four elements embedded against it, under the same strict CSP the
 *   elements promise to work under. The server writes the demo association's publishable key and
 *   its own address into the elements' attributes; whatever stops the demo from working (no keys,
 *   a key of another database, this address not among the association's allowed origins, no
 *   bundle) is said on the page itself.
 */

export interface DemoSiteOptions {
  /** To check that the demo key is live here and which origins it may be used from. */
  db: Queryable;
  /**
   * Where seed-demo.ts keeps `demo-keys.json`. Default as bin.ts reads it (config.ts):
   * COLLECTKIT_DATA_DIR, else ./.collectkit/data; read on every page view, because bin.ts seeds
   * only after the app listens.
   */
  dataDir?: string;
  /** The demo page's assets (in `assets/`); default packages/server/demo. The page itself is demo-page.ts. */
  demoRoot?: string;
  /** The folder holding collect.js; default packages/elements/dist of this repository or the installed package. */
  bundleDir?: string;
}

/** Like the docs' policy (http/docs.ts): nothing inline, nothing from elsewhere. */
export const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** A year: the versioned URL's content never changes, a new build gets a new `v`. */
const VERSIONED_CACHE = 'public, max-age=31536000, immutable';
/** Unversioned: the browser keeps a copy but asks (ETag) every time, so a rebuild shows at once. */
const UNVERSIONED_CACHE = 'no-cache';

const here = dirname(fileURLToPath(import.meta.url));
/** packages/server/{src,dist}/http → packages/server/demo. */
const DEFAULT_DEMO_ROOT = join(here, '../../demo');

/** packages/elements/dist beside this package in the repository, else the installed @collectkit/elements. */
function defaultBundleDir(): string {
  const sibling = join(here, '../../../elements/dist');
  if (existsSync(sibling)) return sibling;
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@collectkit/elements/package.json')), 'dist');
  } catch {
    return sibling; // missing either way; the 404 says how to build it
  }
}

export const BUNDLE_MISSING_MESSAGE =
  'collect.js has not been built: run `npm run build` in the Collectkit repository (it writes packages/elements/dist/collect.js), then reload.\n';

// --- the bundle ---------------------------------------------------------------------------------

interface BundleFile {
  body: Buffer;
  /** First 16 hex digits of the SHA-256 of the bytes: the `v` of the versioned URL and the ETag. */
  version: string;
  stamp: string;
}

/** Reads a built file once per build (size + mtime), so a rebuild while the server runs is picked up. */
function builtFile(path: string): () => BundleFile | undefined {
  let cached: BundleFile | undefined;
  return () => {
    let stamp: string;
    try {
      const stat = statSync(path);
      stamp = `${stat.size}:${stat.mtimeMs}`;
    } catch {
      cached = undefined;
      return undefined;
    }
    if (cached?.stamp !== stamp) {
      const body = readFileSync(path);
      cached = { body, stamp, version: createHash('sha256').update(body).digest('hex').slice(0, 16) };
    }
    return cached;
  };
}

/** `immutable`: the file's name changes with its content (the language files), so it may be cached for good. */
function sendBuilt(request: FastifyRequest, reply: FastifyReply, file: BundleFile, contentType: string, immutable = false) {
  const { v } = request.query as { v?: string };
  const etag = `"${file.version}"`;
  reply
    .header('content-type', contentType)
    .header('etag', etag)
    .header('cache-control', immutable || v === file.version ? VERSIONED_CACHE : UNVERSIONED_CACHE)
    .header('x-content-type-options', 'nosniff')
    // Module scripts are fetched in CORS mode: any association's site may load the bundle.
    .header('access-control-allow-origin', '*');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(file.body);
}

// --- the demo association's key ------------------------------------------------------------------

interface DemoKeyState {
  publishableKey?: string;
  /** What stops the elements from working here, if anything. */
  problem?: { kind: 'no_keys' | 'unknown_key' } | { kind: 'origin_not_allowed'; allowedOrigins: string[] };
}

function readPublishableKey(dataDir: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, 'demo-keys.json'), 'utf8')) as { publishableKey?: unknown };
    return typeof parsed.publishableKey === 'string' && parsed.publishableKey.startsWith('pk_') ? parsed.publishableKey : undefined;
  } catch {
    return undefined;
  }
}

async function demoKeyState(db: Queryable, dataDir: string, pageOrigin: string): Promise<DemoKeyState> {
  const publishableKey = readPublishableKey(dataDir);
  if (!publishableKey) return { problem: { kind: 'no_keys' } };
  // The file may belong to another database (DATABASE_URL changed, PGlite folder replaced).
  const key = await findApiKey(db, publishableKey);
  if (!key || key.kind !== 'publishable') return { problem: { kind: 'unknown_key' } };
  // The auth hook refuses a publishable key from an origin the association does not list.
  if (!key.allowedOrigins.includes(pageOrigin)) return { publishableKey, problem: { kind: 'origin_not_allowed', allowedOrigins: key.allowedOrigins } };
  return { publishableKey };
}

// --- the pages -----------------------------------------------------------------------------------

interface DemoPage {
  path: string;
  lang: DemoLanguage;
}

/** One template (demo-page.ts), one address per language. */
export const DEMO_PAGES: readonly DemoPage[] = [
  { path: '/demo/', lang: 'da' },
  { path: '/demo/sv/', lang: 'sv' },
];

/** Notices for whoever runs the demo, in the page's language; `code` parts are inserted escaped. */
const NOTICES: Record<DemoLanguage, {
  title: string;
  noKeys: (file: string) => string;
  unknownKey: (file: string) => string;
  originNotAllowed: (origin: string, allowed: string) => string;
  noBundle: string;
}> = {
  da: {
    title: 'Demoen er ikke helt klar',
    noKeys: (file) =>
      `Demoforeningens nøgler findes ikke: <code>${file}</code> mangler (nøglerne gemmes kun krypteret i databasen og skrives til filen ved første start). Beregneren virker; tilmelding og sager kræver nøglen. Start serveren med en tom datamappe for at oprette demoforeningen igen.`,
    unknownKey: (file) =>
      `Nøglen i <code>${file}</code> kendes ikke af denne database (en anden <code>DATABASE_URL</code> eller datamappe?). Tilmelding og sager vil blive afvist.`,
    originNotAllowed: (origin, allowed) =>
      `Siden er åbnet fra <code>${origin}</code>, som ikke er blandt demoforeningens tilladte adresser (${allowed}). Serveren afviser tilmelding og sager herfra: åbn siden fra en af de tilladte adresser.`,
    noBundle:
      'Elementerne er ikke bygget: <code>packages/elements/dist/collect.js</code> mangler. Kør <code>npm run build</code>, og genindlæs siden.',
  },
  sv: {
    title: 'Demon är inte helt redo',
    noKeys: (file) =>
      `Demoföreningens nycklar finns inte: <code>${file}</code> saknas (nycklarna lagras bara krypterade i databasen och skrivs till filen vid första starten). Kalkylatorn fungerar; anslutning och ärenden kräver nyckeln. Starta servern med en tom datamapp för att skapa demoföreningen igen.`,
    unknownKey: (file) =>
      `Nyckeln i <code>${file}</code> är okänd för den här databasen (en annan <code>DATABASE_URL</code> eller datamapp?). Anslutning och ärenden kommer att avvisas.`,
    originNotAllowed: (origin, allowed) =>
      `Sidan är öppnad från <code>${origin}</code>, som inte finns bland demoföreningens tillåtna adresser (${allowed}). Servern avvisar anslutning och ärenden härifrån: öppna sidan från en av de tillåtna adresserna.`,
    noBundle:
      'Elementen är inte byggda: <code>packages/elements/dist/collect.js</code> saknas. Kör <code>npm run build</code> och ladda om sidan.',
  },
};

/** The notice box, or nothing; every value in it is escaped here (the texts' markup is `<code>` and links). */
function noticeHtml(lang: DemoLanguage, state: DemoKeyState, pageOrigin: string, dataDir: string, bundleBuilt: boolean): Html | undefined {
  const n = NOTICES[lang];
  const file = escapeHtml(join(dataDir, 'demo-keys.json'));
  const problems: string[] = [];
  if (!bundleBuilt) problems.push(n.noBundle);
  const problem = state.problem;
  if (problem?.kind === 'no_keys') problems.push(n.noKeys(file));
  if (problem?.kind === 'unknown_key') problems.push(n.unknownKey(file));
  if (problem?.kind === 'origin_not_allowed') {
    const allowed = problem.allowedOrigins.map((o) => `<a href="${escapeHtml(o)}/demo/">${escapeHtml(o)}</a>`).join(', ') || '—';
    problems.push(n.originNotAllowed(escapeHtml(pageOrigin), allowed));
  }
  if (problems.length === 0) return undefined;
  return new Html(`<div class="demo-notice" role="alert" data-demo-problem="${escapeHtml(
    [...(bundleBuilt ? [] : ['no_bundle']), ...(problem ? [problem.kind] : [])].join(' '),
  )}"><strong>${n.title}</strong>${problems.map((p) => `<p>${p}</p>`).join('')}</div>`);
}

/** The page's own origin as the browser sees it (trustProxy decides whether X-Forwarded-* count). */
function pageOriginOf(request: FastifyRequest): string {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return '';
  }
}

// --- the plugin ----------------------------------------------------------------------------------

const demoSiteRoutes: FastifyPluginAsync<DemoSiteOptions> = async (app, options) => {
  const demoRoot = options.demoRoot ?? DEFAULT_DEMO_ROOT;
  const bundleDir = options.bundleDir ?? defaultBundleDir();
  const dataDir = options.dataDir ?? (process.env.COLLECTKIT_DATA_DIR || DEFAULT_DATA_DIR);
  const bundle = builtFile(join(bundleDir, 'collect.js'));
  const sourceMap = builtFile(join(bundleDir, 'collect.js.map'));
  // Public like /docs and /api; `cors: false` because the bundle sets its own (any origin).
  const publicRoute = { config: { auth: 'public' as const, cors: false }, schema: { hide: true } };

  app.get('/embed/collect.js', publicRoute, async (request, reply) => {
    const file = bundle();
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send(BUNDLE_MISSING_MESSAGE);
    return sendBuilt(request, reply, file, 'text/javascript; charset=utf-8');
  });
  app.get('/embed/collect.js.map', publicRoute, async (request, reply) => {
    const file = sourceMap();
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send(BUNDLE_MISSING_MESSAGE);
    return sendBuilt(request, reply, file, 'application/json; charset=utf-8');
  });
  // The language files collect.js imports from beside itself when a page speaks da, sv, nb or fi
  // (`collect-da-<hash>.js`, rollup.config.mjs); their names carry their content's hash.
  const languageFiles = new Map<string, () => BundleFile | undefined>();
  app.get('/embed/:file', publicRoute, async (request, reply) => {
    const { file: name } = request.params as { file: string };
    const notFound = () => reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
    if (!/^collect-[a-z]{2}-[\w-]+\.js(\.map)?$/.test(name)) return notFound();
    const read = languageFiles.get(name) ?? builtFile(join(bundleDir, name));
    const file = read();
    if (!file) return notFound();
    languageFiles.set(name, read);
    return sendBuilt(request, reply, file, name.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8', true);
  });

  // A server installed without its demo folder (the page's styles, script and images) still starts; /demo/ then says so.
  if (!existsSync(join(demoRoot, 'assets'))) {
    app.get('/demo/*', publicRoute, async (_request, reply) =>
      reply.code(404).type('text/plain; charset=utf-8').send(`The demo pages are not installed (${demoRoot} is missing).\n`),
    );
    return;
  }
  for (const page of DEMO_PAGES) {
    app.get(page.path, publicRoute, async (request, reply) => {
      const pageOrigin = pageOriginOf(request);
      const state = await demoKeyState(options.db, dataDir, pageOrigin);
      const file = bundle();
      const notices = noticeHtml(page.lang, state, pageOrigin, dataDir, file !== undefined);
      const body = demoPageHtml(page.lang, {
        path: page.path,
        pages: DEMO_PAGES,
        bundleSrc: file ? `/embed/collect.js?v=${file.version}` : '/embed/collect.js',
        ...(state.publishableKey ? { publishableKey: state.publishableKey } : {}),
        // The page's own origin, so that the session cookie the enrolment sets is same-site.
        apiBase: pageOrigin,
        ...(notices ? { notices } : {}),
      });
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', DEMO_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'same-origin')
        // The key and the notices can change between starts.
        .header('cache-control', 'no-store')
        .send(body);
    });
    // /demo → /demo/, /demo/sv → /demo/sv/, so that relative links resolve.
    app.get(page.path.slice(0, -1), publicRoute, async (_request, reply) => reply.redirect(page.path, 301));
  }

  await app.register(fastifyStatic, {
    root: join(demoRoot, 'assets'),
    prefix: '/demo/assets/',
    // @fastify/swagger-ui and the docs register their own copies; the reply decorator may exist only once.
    decorateReply: false,
    schemaHide: true,
    setHeaders: (res) => {
      res.setHeader('content-security-policy', DEMO_CSP);
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });
};

export default demoSiteRoutes;
