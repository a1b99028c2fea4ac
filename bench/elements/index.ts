/**
 * bench/elements — the embed bundle's size and the elements' first render (issue 4 §9).
 *
 * - `collect.js` (every element, Lit, ky, the sdk's used parts; built with the options of
 *   rollup.config.mjs), min and min+gzip, as a ratio to the dependency floor: lit + ky + zod/mini +
 *   dinero.js bundled alone in the same run with the same minifier (goal: collect.js ≤ 35 KB gz);
 * - what each big part costs inside collect.js (the bytes saved when it is left out);
 * - each per-element entry (Lit external) for bundler users;
 * - time to first render of <collect-quote> beside a bare Lit element in the same headless Chromium
 *   page (median of batches of mounts; the bare element is the floor), and the very first mount
 *   (styles adopted, catalogue first read).
 */
import { gzipSync } from 'node:zlib';
import { rollup, type OutputChunk, type RollupOptions } from 'rollup';
import { minGzipSize } from '../lib/bundle-size.js';
import { report } from '../lib/report.js';

interface RollupConfigModule {
  embedBundleOptions(): RollupOptions;
  embedOutput: { intro: string };
  elementEntries: Record<string, string>;
}
const configUrl = new URL('../../rollup.config.mjs', import.meta.url).href;
const config = (await import(configUrl)) as RollupConfigModule;

async function build(options: RollupOptions, intro = ''): Promise<string> {
  const bundle = await rollup({ ...options, onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', intro });
  await bundle.close();
  return output
    .filter((chunk): chunk is OutputChunk => chunk.type === 'chunk')
    .map((chunk) => chunk.code)
    .join('\n');
}

const sizeOf = (code: string) => ({ min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length });
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

// 1. collect.js and the floor, in this run.
const embedCode = await build(config.embedBundleOptions(), config.embedOutput.intro);
const embed = sizeOf(embedCode);
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
  figure: 'collect.js min+gzip (all four elements, Lit, ky, sdk, 5 catalogues)',
  value: kb(embed.gzip),
  unit: 'KB',
  baseline: { label: 'lit + ky + zod/mini + dinero.js alone', value: kb(floor.gzip) },
  goal: '≤ 35 KB',
  met: embed.gzip <= 35 * 1024,
});
report({ figure: 'collect.js minified', value: kb(embed.min), unit: 'KB', baseline: { label: 'dependency floor minified', value: kb(floor.min) } });

// What each part costs inside collect.js: the min+gzip bytes it saves when left out (made external),
// so the figures account for gzip's sharing across the bundle. What stands between collect.js and the goal.
const parts: Record<string, RegExp> = {
  'four non-English catalogues (da, sv, nb, fi)': /[\\/]elements[\\/]src[\\/]i18n[\\/](da|sv|nb|fi)\.ts$/,
  'sdk law, pricing and ledger (the in-browser quote)': /[\\/]sdk[\\/]src[\\/](law|pricing|ledger)[\\/]/,
  'zod/mini': /^zod/,
  Lit: /^(lit|@lit\/|lit-html|lit-element)/,
  ky: /^ky$/,
  'dinero.js': /^dinero/,
};
for (const [part, external] of Object.entries(parts)) {
  const without = sizeOf(await build({ ...config.embedBundleOptions(), external: (id: string) => external.test(id) }, config.embedOutput.intro));
  report({ figure: `collect.js: share of ${part}`, value: kb(embed.gzip - without.gzip), unit: 'KB' });
}

// 2. Per-element entries for bundler users: Lit external, as a bundler would see them.
const isLit = (id: string) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/');
for (const [name, input] of Object.entries(config.elementEntries)) {
  const { plugins } = config.embedBundleOptions();
  const code = await build({ input, external: isLit, plugins });
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
    await page.setContent('<!doctype html><html lang="da"><body></body></html>');
    await page.addScriptTag({ content: embedCode, type: 'module' });
    await page.addScriptTag({ content: bareElement, type: 'module' });
    await page.waitForFunction(() => customElements.get('collect-quote') && customElements.get('bare-element'));
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
      const first = { quote: await firstRender('collect-quote', 1), bare: await firstRender('bare-element', 1) };
      const quote = [];
      const bare = [];
      for (let i = 0; i < 15; i++) {
        quote.push(await firstRender('collect-quote', 50));
        bare.push(await firstRender('bare-element', 50));
      }
      return { first, quote: median(quote), bare: median(bare) };
    })()`)) as { first: { quote: number; bare: number }; quote: number; bare: number };
    report({
      figure: '<collect-quote> time to first render per element (median of 15 batches of 50)',
      value: Math.round(timings.quote * 1000) / 1000,
      unit: 'ms',
      baseline: { label: 'bare Lit element, same page', value: Math.round(timings.bare * 1000) / 1000 },
    });
    report({
      figure: '<collect-quote> first mount on the page',
      value: Math.round(timings.first.quote * 100) / 100,
      unit: 'ms',
      baseline: { label: 'bare Lit element, first mount', value: Math.round(timings.first.bare * 100) / 100 },
    });
  } finally {
    await browser.close();
  }
} catch (error) {
  console.error(`bench/elements: first-render timing skipped: ${(error as Error).message}`);
}
