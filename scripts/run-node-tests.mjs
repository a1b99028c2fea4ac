#!/usr/bin/env node
// Runs every Node-side test with node's built-in runner, straight from the TypeScript sources (tsx, and
// the `source` export condition for workspace packages): `*.test.ts` outside the browser-only folders,
// then the elements' `*.node-test.ts` (imports without a DOM), compiled with the elements' tsconfig
// because Lit's decorators need it.
// Extra arguments are passed to `node --test`, e.g. a file filter: npm run test:node -- packages/sdk
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const BROWSER_ONLY = ['packages/elements', 'test/browser'];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.test.ts') || name.endsWith('.node-test.ts')) yield relative(root, path);
  }
}

const all = [...walk(join(root, 'packages')), ...walk(join(root, 'test'))]
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
const nodeTests = all.filter((f) => f.endsWith('.test.ts') && !BROWSER_ONLY.some((prefix) => f.startsWith(prefix)));
const elementNodeTests = all.filter((f) => f.endsWith('.node-test.ts') && f.startsWith('packages/elements'));

if (nodeTests.length + elementNodeTests.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

function run(files, env = {}) {
  if (files.length === 0) return 0;
  const result = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', ...flags, ...files],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', ...env } },
  );
  return result.status ?? 1;
}

const elementsStatus = run(elementNodeTests, { TSX_TSCONFIG_PATH: join(root, 'packages/elements/tsconfig.json') });
const status = run(nodeTests);
process.exit(status || elementsStatus);
