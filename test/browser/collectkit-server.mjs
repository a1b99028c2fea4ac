// web-test-runner plugin: ONE real Collectkit server for the whole browser-test run, and the pages
// the CSP test loads. Tests read `/__collectkit-test-config` (JSON: apiBase, publishableKey,
// secretKey, associationId); nothing is mocked. Tests that move time read
// `/__collectkit-test-config?clock=simulated`: a second server, started on first use, whose clock an
// operator moves forward (POST /v1/simulation/advance) and whose config adds `operator`
// { email, password } — the shared server's clock never moves under the other tests. Tests of the
// elements on another site than the API read `/__collectkit-test-config?sessions=cross-site`: a third
// server, started on first use, built with `crossSiteSessions: true` and listening on 127.0.0.1 (its
// apiBase `http://127.0.0.1:<port>`, another site than the page on localhost), whose association
// allows the test page's origin.
//
// The server runs in a child process (`node --conditions=source --import tsx start-server.ts`)
// because the config is plain .mjs and the server is TypeScript; it learns the test page's origin
// (http://localhost:<wtr port>) so its publishable key works from there, and it is stopped when
// the run ends (SIGTERM, and its stdin closing if the runner dies).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_CONFIG_PATH = '/__collectkit-test-config';
/** The CSP test's pages live under this prefix and are the only responses that carry the header. */
export const CSP_PREFIX = '/__collectkit-csp/';
export const STRICT_CSP = "script-src 'self'; style-src 'self'";

function startServer(origin, extra = []) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'test/browser/start-server.ts', '--origin', origin, ...extra], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error('the Collectkit test server did not start within 60 s')), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Collectkit test server exited with code ${code} before it listened`));
    });
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      try {
        resolvePromise({ child, config: JSON.parse(line) });
      } catch (error) {
        child.kill('SIGTERM');
        reject(new Error(`unexpected first line from the test server: ${line}`, { cause: error }));
      }
    });
  });
}

/**
 * The embed bundle, built in memory from rollup.config.mjs once per run (the CSP test loads it):
 * collect.js and its language files (`collect-da-<hash>.js`, …), by file name.
 */
let embedBundle;
async function buildEmbedBundle() {
  const [{ rollup }, { embedBundleOptions, embedOutput }] = await Promise.all([import('rollup'), import('../../rollup.config.mjs')]);
  const bundle = await rollup({ ...embedBundleOptions(), onwarn: () => {} });
  const { output } = await bundle.generate({ ...embedOutput, sourcemap: false });
  await bundle.close();
  return new Map(output.filter((chunk) => chunk.type === 'chunk').map((chunk) => [chunk.fileName, chunk.code]));
}

const CSP_FILES = {
  'page.html': 'text/html; charset=utf-8',
  'probe.js': 'text/javascript; charset=utf-8',
  'page.js': 'text/javascript; charset=utf-8',
  'page.css': 'text/css; charset=utf-8',
};

/** The started server, shared by the plugin (starts and stops it) and the middleware (serves its config). */
let running;
/** The simulated-time and cross-site servers, once a test asked for them; and the test page's origin they must allow. */
let simulated;
let crossSite;
let pageOrigin;

async function stopServer(started) {
  const { child } = await started.catch(() => ({}));
  if (!child || child.exitCode !== null) return;
  await new Promise((done) => {
    child.once('exit', done);
    child.kill('SIGTERM');
    setTimeout(done, 5000).unref();
  });
}

/** wtr plugin: starts the server when the dev server starts, stops it when the run ends. */
export function collectkitServer() {
  return {
    name: 'collectkit-server',
    async serverStart({ config }) {
      pageOrigin = `http://${config.hostname}:${config.port}`;
      running = startServer(pageOrigin);
      await running;
    },
    async serverStop() {
      const started = [running, simulated, crossSite].filter(Boolean);
      running = undefined;
      simulated = undefined;
      crossSite = undefined;
      await Promise.all(started.map(stopServer));
    },
  };
}

/** Koa middleware (wtr `middleware`): the test config route and the CSP pages with their header. */
export async function collectkitMiddleware(ctx, next) {
  if (ctx.path === TEST_CONFIG_PATH) {
    if (!running) throw new Error('the Collectkit test server is not running');
    let server = running;
    if (ctx.query.clock === 'simulated') server = simulated ??= startServer(pageOrigin, ['--simulated']);
    else if (ctx.query.sessions === 'cross-site') server = crossSite ??= startServer(pageOrigin, ['--cross-site-sessions']);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify((await server).config);
    return;
  }
  if (ctx.path.startsWith(CSP_PREFIX)) {
    const name = ctx.path.slice(CSP_PREFIX.length);
    if (/^collect(-[a-z]{2}-[\w-]+)?\.js$/.test(name)) {
      embedBundle ??= buildEmbedBundle();
      const code = (await embedBundle).get(name);
      if (code === undefined) return next();
      ctx.type = 'text/javascript; charset=utf-8';
      ctx.body = code;
    } else if (CSP_FILES[name]) {
      ctx.type = CSP_FILES[name];
      ctx.body = await readFile(resolve(root, 'test/browser/csp', name), 'utf8');
    } else {
      return next();
    }
    ctx.set('Content-Security-Policy', STRICT_CSP);
    ctx.set('Cache-Control', 'no-store');
    return;
  }
  return next();
}
