/**
 * The published packages, as a stranger gets them: `npm pack` each workspace package, install the
 * tarballs into an empty project outside the repository, and use them there with plain `node` (no tsx,
 * no `source` condition, no workspace symlinks) and with `tsc` for the types.
 *
 * Needs `npm run build` first (the root `test:pack` script runs it). Installing fetches the packages'
 * dependencies through npm (`--prefer-offline`: from npm's cache when it has them).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGES = ['sdk', 'server', 'elements'] as const;
type PackageName = (typeof PACKAGES)[number];

interface PackResult {
  name: string;
  filename: string;
  files: { path: string }[];
}

/** Runs a command; throws with its output when it fails, so a failure says why. */
function run(command: string, args: string[], cwd: string, timeoutMs: number): SpawnSyncReturns<string> {
  const env = { ...process.env };
  // The test runner's own flags (tsx, --conditions=source) must not leak into the stranger's project.
  delete env.NODE_OPTIONS;
  delete env.NODE_ENV;
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal ?? result.error?.message}):\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm pack → install in an empty project → use', { timeout: 180_000 }, () => {
  let dir: string;
  let consumer: string;
  const packed = new Map<PackageName, PackResult>();

  before(() => {
    for (const entry of ['packages/sdk/dist/index.js', 'packages/server/dist/index.js', 'packages/server/dist/bin.js']) {
      assert.ok(existsSync(join(root, entry)), `${entry} is missing: run \`npm run build\` before the pack test`);
    }
    dir = mkdtempSync(join(tmpdir(), 'collectkit-pack-'));
    const result = run(npm, ['pack', '--json', '--pack-destination', dir, ...PACKAGES.flatMap((p) => ['-w', `packages/${p}`])], root, 60_000);
    const list = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as PackResult[];
    for (const name of PACKAGES) {
      const found = list.find((p) => p.name === `@collectkit/${name}`);
      assert.ok(found, `npm pack produced no tarball for @collectkit/${name}`);
      packed.set(name, found);
    }

    consumer = join(dir, 'consumer');
    run(process.execPath, ['-e', `require('fs').mkdirSync(${JSON.stringify(consumer)})`], dir, 10_000);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'collectkit-consumer', private: true, type: 'module' }, null, 2));
    const tarballs = PACKAGES.map((p) => join(dir, packed.get(p)!.filename));
    run(npm, ['install', ...tarballs, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], consumer, 150_000);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('packs what the exports, types and bin point at, the licence, and no tests or sources of the server', () => {
    for (const name of ['sdk', 'server'] as const) {
      const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
      const files = new Set(packed.get(name)!.files.map((f) => f.path));
      const targets = [manifest.types, manifest.exports['.'].types, manifest.exports['.'].default, ...Object.values(manifest.bin ?? {})] as string[];
      for (const target of targets) assert.ok(files.has(target.replace(/^\.\//, '')), `${name}: ${target} is not in the tarball`);
      assert.ok(files.has('LICENSE'), `${name}: LICENSE`);
      assert.deepEqual([...files].filter((f) => /\.test\.|test-fixtures|^dist\/testing\//.test(f)), [], `${name}: test files in the tarball`);
    }
    assert.deepEqual([...packed.get('server')!.files].filter((f) => f.path.startsWith('src/')), [], 'the server ships JavaScript only');
    assert.equal(JSON.parse(readFileSync(join(root, 'packages/sdk/package.json'), 'utf8')).sideEffects, false);
  });

  it('runs the sdk in plain Node: quote() with the Danish law pack, isValidCvr', () => {
    // Worked example: a DKK 12,500.00 B2B claim, due 2026-01-19, quoted on 2026-03-03 (DK law pack):
    // reminder fee DKK 100 (renteloven § 9 b), compensation DKK 310 (renteloven § 9 a), collection-fee cap
    // DKK 1,700 for a claim of DKK 10,001–25,000 (BEK 601/2002 Bilag 1 as amended by BEK 476/2016).
    const script = `
      import { quote, associationMemberPlan, isValidCvr } from '@collectkit/sdk';
      const q = quote({
        creditorCountry: 'DK', member: true,
        debtor: { type: 'business', name: 'Vognmand Hansen ApS', country: 'DK',
          address: { lines: ['Havnevej 1'], postalCode: '6000', city: 'Kolding', country: 'DK' } },
        invoices: [{ number: '1042', issueDate: '2026-01-05', dueDate: '2026-01-19', amount: { amount: 1250000, currency: 'DKK' } }],
      }, associationMemberPlan, { asOf: '2026-03-03' });
      const line = (code) => q.debtorOwes.lines.find((l) => l.code === code)?.amount;
      console.log(JSON.stringify({
        principal: line('principal'), reminder: line('reminder_fee'), compensation: line('compensation'), collection: line('collection_fee'),
        validCvr: isValidCvr('10150817'), invalidCvr: isValidCvr('10150818'),
        resolved: import.meta.resolve('@collectkit/sdk'),
      }));`;
    writeFileSync(join(consumer, 'use-sdk.mjs'), script);
    const out = JSON.parse(run(process.execPath, ['use-sdk.mjs'], consumer, 30_000).stdout);
    assert.deepEqual(out.principal, { amount: 1250000, currency: 'DKK' });
    assert.deepEqual(out.reminder, { amount: 10000, currency: 'DKK' });
    assert.deepEqual(out.compensation, { amount: 31000, currency: 'DKK' });
    assert.deepEqual(out.collection, { amount: 170000, currency: 'DKK' });
    assert.equal(out.validCvr, true);
    assert.equal(out.invalidCvr, false, 'one digit off breaks the mod-11 check');
    assert.match(out.resolved, /\/consumer\/node_modules\/@collectkit\/sdk\/dist\/index\.js$/, 'the installed copy, not the workspace');
  });

  it('starts @collectkit/server with buildApp on embedded PGlite and answers over HTTP', () => {
    const script = `
      import { buildApp, migrate, openDatabase, systemClock } from '@collectkit/server';
      const db = await openDatabase({ dataDir: 'memory://' });
      const clock = systemClock();
      await migrate(db, { appliedAt: clock.now() });
      const app = await buildApp({ db, clock, logLevel: 'silent', webhookDelivery: false });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const base = 'http://127.0.0.1:' + app.server.address().port;
      const health = await fetch(base + '/health');
      const quoteWithoutKey = await fetch(base + '/v1/quotes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const openapi = await fetch(base + '/v1/openapi.json');
      const result = { health: health.status, healthBody: await health.json(), quote: quoteWithoutKey.status, openapi: (await openapi.json()).openapi };
      await app.close();
      await db.close();
      console.log(JSON.stringify(result));`;
    writeFileSync(join(consumer, 'use-server.mjs'), script);
    const out = JSON.parse(run(process.execPath, ['use-server.mjs'], consumer, 60_000).stdout.trim().split('\n').at(-1)!);
    assert.equal(out.health, 200);
    assert.equal(out.healthBody.status, 'ok');
    assert.equal(out.healthBody.database, 'pglite');
    assert.equal(out.quote, 401, 'quotes need a key');
    assert.equal(out.openapi, '3.1.0');
  });

  it('type-checks a consumer against the packed declarations (exports → types)', () => {
    writeFileSync(
      join(consumer, 'consumer.ts'),
      `import { isValidCvr, quote, type Money, type Quote } from '@collectkit/sdk';
       import { buildApp, type AppConfig } from '@collectkit/server';
       const fee: Money = { amount: 10000, currency: 'DKK' };
       const valid: boolean = isValidCvr('10150817');
       const q: typeof quote = quote;
       const start: (config: AppConfig) => Promise<unknown> = buildApp;
       export { fee, valid, q, start };
       export type { Quote };
       // @ts-expect-error: amounts are integer minor units in an object, never a bare number
       const wrong: Money = 100;
       export { wrong };
      `,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['consumer.ts'] }),
    );
    run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], consumer, 60_000);
  });

  it('packs the elements’ embed bundle, which imports harmlessly where there is no DOM', (t) => {
    const files = new Set(packed.get('elements')!.files.map((f) => f.path));
    if (!existsSync(join(root, 'packages/elements/dist/collect.js'))) {
      t.skip('packages/elements/dist/collect.js is not built (npx rollup -c)');
      return;
    }
    assert.ok(files.has('dist/collect.js'));
    // The language files collect.js imports from beside itself (da, sv, nb, fi; English is inside).
    assert.deepEqual([...files].filter((f) => /^dist\/collect-[a-z]{2}-[\w-]+\.js$/.test(f)).map((f) => f.slice('dist/collect-'.length, 'dist/collect-xx'.length)).sort(), ['da', 'fi', 'nb', 'sv']);
    assert.ok(files.has('LICENSE'));
    writeFileSync(join(consumer, 'use-elements.mjs'), `const m = await import('@collectkit/elements/collect.js'); console.log(JSON.stringify(Object.keys(m).sort()));`);
    const exported = JSON.parse(run(process.execPath, ['use-elements.mjs'], consumer, 30_000).stdout);
    assert.ok(exported.includes('CollectQuote'), `exports: ${exported.join(', ')}`);
  });
});
