/**
 * bench/elements/modules — what collect.js is made of, module by module.
 *
 *   node --conditions=source --import tsx bench/elements/modules.ts [--modules]
 *
 * collect.js is built with rollup.config.mjs's options but without the minifier, so that rollup
 * reports each module's rendered (tree-shaken) code; each group of modules (a package, or a folder
 * of ours) is then minified on its own with the same terser options and gzipped. A group's gzip
 * alone is a little more than its share of the whole (gzip shares repeats across groups), so the
 * groups' sum is shown beside the real min+gzip of collect.js. `--modules` lists every module too.
 */
import { gzipSync } from 'node:zlib';
import { rollup, type OutputChunk, type Plugin, type RollupOptions } from 'rollup';
import { minify } from 'terser';

interface RollupConfigModule {
  embedBundleOptions(): RollupOptions;
  embedOutput: { intro: string };
}
const config = (await import(new URL('../../rollup.config.mjs', import.meta.url).href)) as RollupConfigModule;

const options = config.embedBundleOptions();
const plugins = (options.plugins as Plugin[]).filter((p) => p.name !== 'terser');
const bundle = await rollup({ ...options, plugins, onwarn: () => {} });
const { output } = await bundle.generate({ format: 'es', intro: config.embedOutput.intro });
await bundle.close();
const chunk = output.find((o): o is OutputChunk => o.type === 'chunk')!;

const terserOptions = { module: true, ecma: 2022 as const, compress: { passes: 2 }, format: { comments: false } };
const minified = (await minify(chunk.code, terserOptions)).code ?? '';
const total = { min: Buffer.byteLength(minified), gzip: gzipSync(minified, { level: 9 }).length };

/** The group a module belongs to: its npm package, or our package and folder (catalogues one by one). */
function groupOf(id: string): string {
  const path = id.replace(/\\/g, '/');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (nm) {
    if (nm[1] === 'zod') return 'zod/mini';
    if (/^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(nm[1]!)) return 'lit';
    return nm[1]!;
  }
  const ours = /packages\/([^/]+)\/src\/(.*)$/.exec(path);
  if (!ours) return path;
  const [, pkg, rest] = ours;
  const parts = rest!.split('/');
  if (pkg === 'elements' && parts[0] === 'i18n' && /^(da|sv|nb|fi|en)\.ts$/.test(parts[1] ?? '')) return `elements/i18n/${parts[1]!.replace('.ts', '')}`;
  return parts.length > 1 ? `${pkg}/${parts[0]}` : `${pkg}/${rest}`;
}

const groups = new Map<string, { code: string[]; modules: string[] }>();
for (const [id, module] of Object.entries(chunk.modules)) {
  if (!module.code) continue;
  const group = groupOf(id);
  const entry = groups.get(group) ?? { code: [], modules: [] };
  entry.code.push(module.code);
  entry.modules.push(id);
  groups.set(group, entry);
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
const rows: { group: string; min: number; gzip: number; modules: string[] }[] = [];
for (const [group, { code, modules }] of groups) {
  // Not `module: true` with top-level names mangled away across groups: each group is minified as a module,
  // names it only uses inside shrink as they do in the real bundle.
  const min = (await minify(code.join('\n'), { ...terserOptions, compress: false, mangle: { toplevel: true } })).code ?? '';
  rows.push({ group, min: Buffer.byteLength(min), gzip: gzipSync(min, { level: 9 }).length, modules });
}
rows.sort((a, b) => b.gzip - a.gzip);
const sumGzip = rows.reduce((s, r) => s + r.gzip, 0);
console.log(`collect.js: ${kb(total.min)} KB min, ${kb(total.gzip)} KB min+gzip (the groups below, each gzipped alone, sum to ${kb(sumGzip)} KB)`);
console.log(`${'group'.padEnd(34)} ${'min KB'.padStart(7)} ${'gz KB'.padStart(7)}  share`);
for (const row of rows) {
  console.log(`${row.group.padEnd(34)} ${kb(row.min)}  ${kb(row.gzip)}  ${((row.gzip / sumGzip) * 100).toFixed(1).padStart(5)} %`);
  if (process.argv.includes('--modules')) {
    for (const id of row.modules) console.log(`    ${id.replace(/.*\/(node_modules|packages)\//, '$1/')} ${chunk.modules[id]!.renderedLength} B rendered`);
  }
}
