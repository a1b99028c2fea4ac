/**
 * bench/elements — the embed bundle's size and the elements' first render (issue 4 §9).
 *
 * - `collect.js` (every element, Lit, ky, the sdk's used parts, English; built with the options of
 *   rollup.config.mjs) alone and with one language file (da, sv, nb or fi, loaded on demand), min and
 *   min+gzip, as a ratio to the dependency floor: lit + ky + zod/mini +
 *   dinero.js bundled alone in the same run with the same minifier (goal: collect.js ≤ 35 KB gz);
 * - what each big part costs inside collect.js (the bytes saved when it is left out);
 * - each per-element entry (Lit external) for bundler users;
 * - time to first render of <collect-case> (and <collect-quote>) beside a bare Lit element in the same headless Chromium
 *   page (median of batches of mounts; the bare element is the floor), and the very first mount
 *   (styles adopted, catalogue first read).
 */
import { gzipSync } from 'node:zlib';
import { rollup, type OutputChunk, type OutputOptions, type RollupOptions } from 'rollup';
import { minGzipSize } from '../lib/bundle-size.js';
import { report } from '../lib/report.js';

interface RollupConfigModule {
  embedBundleOptions(): RollupOptions;
  embedOutput: OutputOptions;
  elementEntries: Record<string, string>;
}
const configUrl = new URL('../../rollup.config.mjs', import.meta.url).href;
const config = (await import(configUrl)) as RollupConfigModule;

async function chunks(options: RollupOptions, output: OutputOptions = { format: 'es' }): Promise<OutputChunk[]> {
  const bundle = await rollup({ ...options, onwarn: () => {} });
  const generated = await bundle.generate({ ...output, sourcemap: false });
  await bundle.close();
  return generated.output.filter((chunk): chunk is OutputChunk => chunk.type === 'chunk');
}
async function build(options: RollupOptions, output?: OutputOptions): Promise<string> {
  return (await chunks(options, output)).map((chunk) => chunk.code).join('\n');
}

const sizeOf = (code: string) => ({ min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length });
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

// 1. collect.js and the floor, in this run. collect.js holds English; a page in da, sv, nb or fi
//    also loads that language's file (collect-da-<hash>.js, …) from beside it.
const embedChunks = await chunks(config.embedBundleOptions(), config.embedOutput);
const embedCode = embedChunks.find((chunk) => chunk.isEntry)!.code;
const embed = sizeOf(embedCode);
const languageFiles = embedChunks.filter((chunk) => !chunk.isEntry).map((chunk) => ({ name: chunk.fileName, ...sizeOf(chunk.code) }));
const floor = await minGzipSize(
  [
    "export { LitElement, html, css, nothing } from 'lit';",
    "export { property, state } from 'lit/decorators.js';",
    "export { repeat } from 'lit/directives/repeat.js';",
    "export { default as ky } from 'ky';",
    "export { object, string, nullable, enum as oneOf } from 'zod/mini';",
    "export { dinero, add, subtract, multiply, allocate, toSnapshot, toDecimal } from 'dinero.js';",
  ].join('\n'),
);
report({
  figure: 'collect.js alone min+gzip (all four elements, Lit, ky, sdk, English)',
  value: kb(embed.gzip),
  unit: 'KB',
  baseline: { label: 'lit + ky + zod/mini + dinero.js alone', value: kb(floor.gzip) },
  goal: '≤ 35 KB',
  met: embed.gzip <= 35 * 1024,
});
// What a Danish, Swedish, Norwegian or Finnish page downloads: collect.js and its one language file
// (two responses, each gzipped on its own).
const largestLanguage = languageFiles.reduce((a, b) => (b.gzip > a.gzip ? b : a));
report({
  figure: `collect.js + one language file min+gzip (the largest, ${/^collect-([a-z]{2})-/.exec(largestLanguage.name)?.[1]})`,
  value: kb(embed.gzip + largestLanguage.gzip),
  unit: 'KB',
  baseline: { label: 'lit + ky + zod/mini + dinero.js alone', value: kb(floor.gzip) },
  goal: '≤ 35 KB',
  met: embed.gzip + largestLanguage.gzip <= 35 * 1024,
});
for (const file of languageFiles) report({ figure: `language file ${file.name} min+gzip`, value: kb(file.gzip), unit: 'KB' });
report({ figure: 'collect.js minified', value: kb(embed.min), unit: 'KB', baseline: { label: 'dependency floor minified', value: kb(floor.min) } });

// What each part costs inside collect.js: the min+gzip bytes it saves when left out (made external),
// so the figures account for gzip's sharing across the bundle. What stands between collect.js and the goal.
const parts: Record<string, RegExp> = {
  'sdk law, pricing and ledger (the in-browser quote)': /[\\/]sdk[\\/]src[\\/](law|pricing|ledger)[\\/]/,
  Lit: /^(lit|@lit\/|lit-html|lit-element)/,
  ky: /^ky$/,
  'dinero.js': /^dinero/,
};
for (const [part, external] of Object.entries(parts)) {
  const rest = await chunks({ ...config.embedBundleOptions(), external: (id: string) => external.test(id) }, config.embedOutput);
  const without = sizeOf(rest.find((chunk) => chunk.isEntry)!.code);
  report({ figure: `collect.js: share of ${part}`, value: kb(embed.gzip - without.gzip), unit: 'KB' });
}

// 2. Per-element entries for bundler users: Lit external, as a bundler would see them.
const isLit = (id: string) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/');
for (const [name, input] of Object.entries(config.elementEntries)) {
  const { plugins } = config.embedBundleOptions();
  // The element's own code and what it shares; its language files (loaded on demand) not counted.
  const code = (await chunks({ input, external: isLit, plugins }))
    .filter((chunk) => !/^(da|sv|nb|fi)$/.test(chunk.name))
    .map((chunk) => chunk.code)
    .join('\n');
  report({ figure: `${name} entry min+gzip (Lit external)`, value: kb(sizeOf(code).gzip), unit: 'KB' });
}

// 3. Time to first render in headless Chromium.
const bareElement = await build({
  input: '\0bare',
  plugins: [
    {
      name: 'bare-element',
      resolveId: (id: string) => (id === '\0bare' ? id : null),
      load: (id: string) =>
        id === '\0bare'
          ? `import { LitElement, html, css } from 'lit';
             class BareElement extends LitElement {
               static styles = css\`:host { display: block; }\`;
               render() { return html\`<h2>Bare</h2><p>A Lit element with one template.</p>\`; }
             }
             customElements.define('bare-element', BareElement);`
          : null,
    },
    ...((config.embedBundleOptions().plugins as unknown[]) ?? []).slice(1),
  ] as RollupOptions['plugins'],
});

try {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless=new', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    // English: collect.js runs here as an inline script, so it has no URL to load a language file beside.
    await page.setContent('<!doctype html><html lang="en"><body></body></html>');
    await page.addScriptTag({ content: embedCode, type: 'module' });
    await page.addScriptTag({ content: bareElement, type: 'module' });
    await page.waitForFunction(() => customElements.get('collect-case') && customElements.get('collect-quote') && customElements.get('bare-element'));
    // The figure is <collect-case> (its first render is the whole debtor step of the form; with
    // no api-base it asks no server); <collect-quote> beside it for comparison. Each in its own fresh
    // batches, the bare Lit element measured between them as the floor.
    for (const tag of ['collect-case', 'collect-quote']) {
      // A string, not a function: tsx's transform would wrap a function in helpers the page lacks.
      const timings = (await page.evaluate(`(async () => {
        // A batch of elements per sample: one bare Lit element renders faster than the page's
        // (coarsened) clock ticks.
        async function firstRender(tag, count) {
          const els = Array.from({ length: count }, () => document.createElement(tag));
          const start = performance.now();
          document.body.append(...els);
          await Promise.all(els.map((el) => el.updateComplete));
          const ms = (performance.now() - start) / count;
          for (const el of els) el.remove();
          return ms;
        }
        const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        const first = { element: await firstRender('${tag}', 1), bare: await firstRender('bare-element', 1) };
        const element = [];
        const bare = [];
        for (let i = 0; i < 15; i++) {
          element.push(await firstRender('${tag}', 50));
          bare.push(await firstRender('bare-element', 50));
        }
        return { first, element: median(element), bare: median(bare) };
      })()`)) as { first: { element: number; bare: number }; element: number; bare: number };
      report({
        figure: `<${tag}> time to first render per element (median of 15 batches of 50)`,
        value: Math.round(timings.element * 1000) / 1000,
        unit: 'ms',
        baseline: { label: 'bare Lit element, same page', value: Math.round(timings.bare * 1000) / 1000 },
      });
      report({
        figure: `<${tag}> first mount on the page`,
        value: Math.round(timings.first.element * 100) / 100,
        unit: 'ms',
        baseline: { label: 'bare Lit element, first mount', value: Math.round(timings.first.bare * 100) / 100 },
      });
    }
  } finally {
    await browser.close();
  }
} catch (error) {
  console.error(`bench/elements: first-render timing skipped: ${(error as Error).message}`);
}
