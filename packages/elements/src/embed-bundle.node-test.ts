// The one-file embed bundle (rollup.config.mjs → collect.js), built here in memory with the same
// options, imported in Node where there is no window, document or customElements. Not picked up by
// wtr (*.test.ts) nor by scripts/run-node-tests.mjs (which skips packages/elements); run it with:
//   node --conditions=source --import tsx --test packages/elements/src/embed-bundle.node-test.ts
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

interface EmbedModule {
  CollectQuote: unknown;
  CollectEnrol: unknown;
  defineElement: (tag: string, element: CustomElementConstructor) => boolean;
}

let code = '';
let dir = '';
/** The language files beside collect.js, by file name. */
let languageFiles = new Map<string, string>();

before(async () => {
  const { rollup } = await import('rollup');
  // @ts-expect-error: the rollup config is plain .mjs without types
  const { embedBundleOptions, embedOutput } = (await import('../../../rollup.config.mjs')) as {
    embedBundleOptions: () => import('rollup').RollupOptions;
    embedOutput: import('rollup').OutputOptions;
  };
  const bundle = await rollup({ ...embedBundleOptions(), onwarn: () => {} });
  const { output } = await bundle.generate({ ...embedOutput, sourcemap: false });
  await bundle.close();
  const chunks = output.filter((chunk): chunk is import('rollup').OutputChunk => chunk.type === 'chunk');
  code = chunks.find((chunk) => chunk.isEntry)!.code;
  languageFiles = new Map(chunks.filter((chunk) => !chunk.isEntry).map((chunk) => [chunk.fileName, chunk.code]));
  dir = mkdtempSync(join(tmpdir(), 'collect-js-'));
  for (const [name, text] of languageFiles) writeFileSync(join(dir, name), text);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function importCopy(name: string): Promise<EmbedModule> {
  const file = join(dir, name);
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)) as EmbedModule;
}

describe('collect.js (the embed bundle) where there is no DOM', () => {
  it('is one self-contained ES module: no imports left, no eval or Function constructor', () => {
    assert.doesNotMatch(code, /^\s*import[\s{*]/m, 'every dependency is bundled');
    assert.doesNotMatch(code, /\beval\s*\(/);
    assert.doesNotMatch(code, /\bnew Function\s*\(|\bFunction\s*\(\s*["'`]/);
  });

  it('loads only the four non-English catalogues on demand, as plain data modules beside it', async () => {
    const names = [...languageFiles.keys()].sort();
    assert.deepEqual(names.map((name) => name.slice(0, 'collect-xx'.length)), ['collect-da', 'collect-fi', 'collect-nb', 'collect-sv']);
    for (const name of names) {
      assert.ok(code.includes(`import("./${name}")`), `collect.js imports ./${name} relative to its own URL`);
      const text = languageFiles.get(name)!;
      assert.doesNotMatch(text, /\bimport\b/, `${name} imports nothing`);
      const { default: messages } = (await import(pathToFileURL(join(dir, name)).href)) as { default: { locale: string; signIn: { heading: string } } };
      assert.equal(messages.locale, name.slice('collect-'.length, 'collect-xx'.length));
      assert.equal(typeof messages.signIn.heading, 'string');
    }
  });

  it('imports in Node without throwing, registers nothing and leaves no globals behind', async () => {
    const globals = globalThis as { window?: unknown; document?: unknown; customElements?: unknown; HTMLElement?: unknown };
    assert.equal(globals.window, undefined);
    assert.equal(globals.customElements, undefined);
    const embed = await importCopy('collect.mjs');
    assert.equal(typeof embed.CollectQuote, 'function');
    assert.equal(typeof embed.CollectEnrol, 'function');
    assert.equal(embed.defineElement('collect-quote', embed.CollectQuote as CustomElementConstructor), false, 'no registry: nothing to register with');
    for (const name of ['window', 'document', 'customElements', 'HTMLElement'] as const) {
      assert.equal(globals[name], undefined, `${name} stays undefined`);
    }
  });

  it('a second copy imports as well (two plugins on one page)', async () => {
    const second = await importCopy('collect-copy.mjs');
    assert.equal(typeof second.CollectEnrol, 'function');
  });
});
