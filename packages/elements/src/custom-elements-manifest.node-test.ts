// custom-elements.json as the build makes it (`npx cem analyze` in packages/elements, with
// custom-elements-manifest.config.mjs; the root's `npm run manifest`): it lists the four tags with the
// attributes their @property decorators declare and the events their JSDoc names. The test runs the
// analyzer itself into a temporary folder, so it checks the sources as they are now (the file is a
// build output, not committed: it would go stale with every JSDoc edit).
// Run: TSX_TSCONFIG_PATH=packages/elements/tsconfig.json node --conditions=source --import tsx --test packages/elements/src/custom-elements-manifest.node-test.ts
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string; type?: { text: string } }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: ManifestDeclaration[]; exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[] }[];
}

/** Runs the analyzer as the build does, into a temporary folder, and reads what it wrote. */
function analyze(): Manifest {
  const out = mkdtempSync(join(tmpdir(), 'cem-'));
  try {
    const cli = fileURLToPath(import.meta.resolve('@custom-elements-manifest/analyzer/cem.js'));
    // The analyzer joins --outdir to its working directory, so it is given relative to it.
    execFileSync(process.execPath, [cli, 'analyze', '--outdir', relative(packageDir, out), '--quiet'], { cwd: packageDir, stdio: 'pipe' });
    return JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as Manifest;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const manifest = analyze();
const element = (tag: string) => {
  const found = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ module: m.path, d }))).find(({ d }) => d.tagName === tag);
  assert.ok(found, `<${tag}> is in custom-elements.json`);
  return found;
};
const names = (list: { name: string }[] | undefined) => (list ?? []).map((x) => x.name).sort();

describe('custom-elements.json', () => {
  it('is what package.json points at and ships', () => {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { customElements?: string; files?: string[] };
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files?.includes('custom-elements.json'));
  });

  // The attributes are the @property({ attribute }) names in each class; the events its JSDoc @event lines.
  const expected = {
    'collect-quote': {
      className: 'CollectQuote',
      attributes: ['api-base', 'as-of', 'country', 'lang', 'plan', 'publishable-key'],
      events: ['collect-change', 'collect-error', 'collect-quote', 'collect-ready'],
    },
    'collect-enrol': {
      className: 'CollectEnrol',
      attributes: ['api-base', 'country', 'lang', 'publishable-key'],
      events: ['collect-change', 'collect-error', 'collect-ready', 'collect-submit'],
    },
    'collect-case': {
      className: 'CollectCase',
      attributes: ['api-base', 'as-of', 'country', 'lang', 'publishable-key'],
      events: ['collect-change', 'collect-error', 'collect-quote', 'collect-ready', 'collect-submit'],
    },
    'collect-status': {
      className: 'CollectStatus',
      attributes: ['api-base', 'case-id', 'country', 'lang', 'publishable-key'],
      events: ['collect-change', 'collect-error', 'collect-ready', 'collect-submit'],
    },
  };

  for (const [tag, want] of Object.entries(expected)) {
    it(`lists <${tag}> (${want.className}) with its attributes, events, parts and custom properties`, () => {
      const { module, d } = element(tag);
      assert.equal(d.name, want.className);
      assert.equal(d.customElement, true);
      assert.ok(d.summary && d.summary.length > 40, 'the @summary is kept');
      assert.deepEqual(names(d.attributes), want.attributes);
      assert.deepEqual(names(d.events), want.events);
      assert.ok(names(d.cssParts).includes('base'), 'the base part');
      assert.ok(names(d.cssProperties).includes('--collect-color-primary'));
      // Module paths name the shipped files, not the TypeScript sources.
      assert.equal(module, `dist/${tag}/${tag}.js`);
      const definition = manifest.modules.find((m) => m.path === `dist/${tag}/define.js`)?.exports?.find((e) => e.kind === 'custom-element-definition');
      assert.deepEqual(definition, { kind: 'custom-element-definition', name: tag, declaration: { name: want.className, module: `dist/${tag}/${tag}.js` } });
    });
  }

  it('types the events as in events.ts; <collect-case>’s collect-submit carries the case', () => {
    const type = (tag: string, event: string) => element(tag).d.events?.find((e) => e.name === event)?.type?.text;
    assert.equal(type('collect-quote', 'collect-quote'), 'CustomEvent<CollectQuoteDetail>');
    assert.equal(type('collect-enrol', 'collect-submit'), 'CustomEvent<CollectSubmitDetail>');
    assert.equal(type('collect-case', 'collect-submit'), 'CustomEvent<CaseSubmitDetail>');
    assert.equal(type('collect-status', 'collect-error'), 'CustomEvent<CollectErrorDetail>');
  });

  it('leaves out private state (Lit @state fields are not API)', () => {
    const quote = element('collect-quote').d as ManifestDeclaration & { members?: { name: string }[] };
    const members = (quote.members ?? []).map((m) => m.name);
    assert.ok(members.includes('quote'), 'the public quote getter');
    assert.ok(!members.includes('step') && !members.includes('invoices'), 'no private @state fields');
  });
});
