// Browser bundles of @collectkit/elements (run: `npx rollup -c`):
//
// 1. packages/elements/dist/collect.js — the embed: ONE ES module with every element and
//    Lit, ky and the sdk (tree-shaken) inside, minified (no zod: the elements check answers by hand). An association pastes
//    `<script type="module" src=".../collect.js"></script>` and the tags. No eval (the CSP test
//    loads it under `script-src 'self'; style-src 'self'`), and importing it where there is no
//    `window` (server rendering) does nothing and does not throw.
// 2. packages/elements/dist/bundles/<element>/define.js — one ES entry per element for bundler
//    users, Lit external (their app has its own), shared code split into chunks.
//
// TypeScript is stripped by esbuild's transform (already in node_modules through
// @web/dev-server-esbuild); rollup does the resolving, tree-shaking and chunking, terser the minifying.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const root = dirname(fileURLToPath(import.meta.url));
const elements = resolve(root, 'packages/elements');

/** The element entry points, by the name bundler users import (`@collectkit/elements/collect-quote`). */
export const elementEntries = {
  'collect-quote': 'packages/elements/src/collect-quote/define.ts',
  'collect-enrol': 'packages/elements/src/collect-enrol/define.ts',
  'collect-case': 'packages/elements/src/collect-case/define.ts',
  'collect-status': 'packages/elements/src/collect-status/define.ts',
};

const registersElements = (id) => /packages[\\/]elements[\\/]src[\\/](.*[\\/])?(define|collect)\.ts$/.test(id);

/** TypeScript in, JavaScript out, with Lit's legacy decorators (packages/elements/tsconfig.json). */
function typescript() {
  return {
    name: 'collectkit-typescript',
    // NodeNext-style imports say `./x.js` for `./x.ts`.
    async resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const candidate = resolve(dirname(importer), `${source.slice(0, -3)}.ts`);
      if (!existsSync(candidate)) return null;
      // Through node-resolve, so that the sdk's "sideEffects": false still applies to the file.
      const resolved = await this.resolve(candidate, importer, { skipSelf: true });
      // The elements' package.json lists only the built define files as side effects; their
      // sources register the tags too and must not be shaken away.
      return resolved && registersElements(resolved.id) ? { ...resolved, moduleSideEffects: true } : resolved;
    },
    async transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      const result = await transform(code, {
        loader: 'ts',
        target: 'es2022',
        sourcefile: id,
        sourcemap: true,
        tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
      });
      return { code: result.code, map: result.map };
    },
  };
}

/**
 * Lit keeps an html`` or css`` literal's text as written, indentation included, and the minifier
 * leaves template text alone. This drops the indentation: inside the `html`/`css` templates of our
 * own sources, every run of whitespace that holds a line break becomes just its line breaks (so
 * line numbers, and with them the source map, stay right). A line break is whitespace to HTML and
 * to CSS alike, so nothing renders differently. Left untouched: quoted attribute values, HTML
 * comments, <pre>/<textarea>/<script>/<style> contents, CSS strings; CSS comments are dropped
 * (their line breaks kept). Whitespace within a line is never touched.
 *
 * `quasis` are the raw text pieces of one template, split at its `${…}` expressions; the state
 * (inside a tag, inside a quoted value, …) carries across them. Returns the pieces rewritten.
 */
export function collapseTemplateWhitespace(kind, quasis) {
  const lineBreaksOnly = (run) => (run.includes('\n') ? run.replace(/[^\n]/g, '') : run);
  const out = [];
  let state = kind === 'css' ? 'css' : 'text';
  let quote = '';
  let rawTag = ''; // the element whose text is kept verbatim (pre, textarea, …)
  for (const quasi of quasis) {
    let result = '';
    let i = 0;
    while (i < quasi.length) {
      const c = quasi[i];
      if (state === 'text' || state === 'tag' || state === 'css') {
        if (/\s/.test(c)) {
          let j = i;
          while (j < quasi.length && /\s/.test(quasi[j])) j++;
          // A backslash before a line break is a line continuation; keep such a run as it is.
          result += quasi[i - 1] === '\\' ? quasi.slice(i, j) : lineBreaksOnly(quasi.slice(i, j));
          i = j;
          continue;
        }
        if (state === 'css') {
          if (c === '/' && quasi[i + 1] === '*') {
            const end = quasi.indexOf('*/', i + 2);
            if (end < 0) throw new Error('collapseTemplateWhitespace: a CSS comment spans an expression');
            result += quasi.slice(i, end + 2).replace(/[^\n]/g, '');
            i = end + 2;
            continue;
          }
          if (c === '"' || c === "'") {
            state = 'css-string';
            quote = c;
          }
        } else if (state === 'text' && c === '<') {
          if (quasi.startsWith('<!--', i)) state = 'comment';
          else {
            state = 'tag';
            const name = /^<([a-zA-Z][\w-]*)/.exec(quasi.slice(i))?.[1]?.toLowerCase();
            rawTag = name && ['pre', 'textarea', 'script', 'style'].includes(name) ? name : '';
          }
        } else if (state === 'tag') {
          if (c === '"' || c === "'") {
            state = 'value';
            quote = c;
          } else if (c === '>') state = rawTag ? 'raw' : 'text';
        }
      } else if (state === 'value' || state === 'css-string') {
        if (c === quote) state = state === 'value' ? 'tag' : 'css';
      } else if (state === 'comment') {
        if (quasi.startsWith('-->', i)) {
          result += '-->';
          i += 3;
          state = 'text';
          continue;
        }
      } else if (state === 'raw') {
        if (quasi.slice(i, i + 2 + rawTag.length).toLowerCase() === `</${rawTag}`) {
          state = 'tag';
          rawTag = '';
        }
      }
      result += c;
      i++;
    }
    out.push(result);
  }
  return out;
}

/** Applies collapseTemplateWhitespace to every html`` and css`` literal of the elements' sources. */
function litTemplates() {
  const ours = (id) => /packages[\\/]elements[\\/]src[\\/].*\.ts$/.test(id);
  return {
    name: 'collectkit-lit-templates',
    transform(code, id) {
      if (!ours(id) || !/\b(html|css)`/.test(code)) return null;
      const edits = [];
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && (node.tag.name === 'html' || node.tag.name === 'css')) {
          const quasis = node.quasi.quasis;
          const raws = quasis.map((q) => code.slice(q.start, q.end));
          if (raws.some((raw, k) => raw !== quasis[k].value.raw)) throw new Error(`litTemplates: unexpected template positions in ${id}`);
          collapseTemplateWhitespace(node.tag.name, raws).forEach((text, k) => edits.push([quasis[k].start, quasis[k].end, text]));
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object') visit(value);
        }
      };
      visit(this.parse(code));
      if (edits.length === 0) return null;
      let result = '';
      let at = 0;
      for (const [start, end, text] of edits.sort((a, b) => a[0] - b[0])) {
        result += code.slice(at, start) + text;
        at = end;
      }
      // Line breaks are all kept, so the previous source map still holds line for line.
      return { code: result + code.slice(at), map: null };
    },
  };
}

const resolveSource = () =>
  nodeResolve({
    browser: true,
    // `source` first: workspace packages resolve to their TypeScript, so no prior `tsc -b` is needed.
    // `production` stated outright: otherwise the plugin adds `development` whenever NODE_ENV is set to
    // anything else (e.g. `test`), and Lit's dev build (window.ShadyDOM, warnings) lands in the bundle.
    exportConditions: ['source', 'browser', 'production', 'import', 'default'],
    extensions: ['.ts', '.mjs', '.js'],
  });

const minify = () =>
  terser({
    module: true,
    ecma: 2022,
    compress: { passes: 2 },
    format: { comments: false },
  });

/**
 * Lit's browser build declares `class ReactiveElement extends HTMLElement` and reads
 * `document.createTreeWalker` and `CSSStyleSheet` at module level, which throws where there is no DOM. Module-scoped
 * stand-ins — used only when the globals are missing — keep a server-side `import('collect.js')`
 * harmless without touching any global; in a browser they are the real HTMLElement and document.
 * (Lit's `node` build does the same through @lit-labs/ssr-dom-shim, but it also sets `isServer` and
 * a global customElements shim, which a browser bundle must not carry.) The document stand-in is
 * the one lit-html's own node build uses.
 */
const noDomGuard = [
  'const HTMLElement = globalThis.HTMLElement ?? class HTMLElement {};',
  'const document = globalThis.document ?? { createTreeWalker: () => ({}) };',
  // Lit checks `instanceof CSSStyleSheet` while finalizing styles where adoptedStyleSheets are missing.
  'const CSSStyleSheet = globalThis.CSSStyleSheet ?? class CSSStyleSheet {};',
].join('\n');

/** zod's own circular imports and its esbuild-oriented PURE comments are not ours to fix. */
function onwarn(warning, warn) {
  const inZod = (id) => /node_modules[\\/]zod[\\/]/.test(id ?? '');
  if (warning.code === 'CIRCULAR_DEPENDENCY' && inZod(warning.ids?.[0])) return;
  if (warning.code === 'INVALID_ANNOTATION' && inZod(warning.id)) return;
  warn(warning);
}

/** The one-file embed bundle's options, shared with the CSP test and the size benchmark. */
export function embedBundleOptions() {
  return {
    input: 'packages/elements/src/collect.ts',
    // The sdk declares "sideEffects": false: whatever the elements do not use is left out.
    treeshake: { preset: 'recommended' },
    plugins: [typescript(), litTemplates(), resolveSource(), minify()],
    onwarn,
  };
}

/**
 * collect.js and, beside it, the four non-English catalogues as modules of their own
 * (`collect-da-<hash>.js`, …): collect.js imports the one a page speaks when an element first
 * renders (resolved from collect.js's own URL, so they must be served next to it). English is inside.
 * The no-DOM guard goes into collect.js only (the catalogues are plain data).
 */
export const embedOutput = {
  dir: resolve(elements, 'dist'),
  entryFileNames: 'collect.js',
  chunkFileNames: 'collect-[name]-[hash].js',
  format: 'es',
  intro: (chunk) => (chunk.isEntry ? noDomGuard : ''),
  sourcemap: true,
};

/** Language files of earlier builds (other hashes) are removed, so dist holds exactly one set. */
function removeStaleLanguageFiles() {
  return {
    name: 'collectkit-remove-stale-language-files',
    writeBundle(options, bundle) {
      for (const name of readdirSync(options.dir)) {
        if (/^collect-[a-z]{2}-[\w-]+\.js(\.map)?$/.test(name) && !(name in bundle)) rmSync(resolve(options.dir, name));
      }
    },
  };
}

const isLit = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || id.startsWith('lit-html') || id.startsWith('lit-element');

export default [
  { ...embedBundleOptions(), plugins: [...embedBundleOptions().plugins, removeStaleLanguageFiles()], output: embedOutput },
  {
    input: elementEntries,
    external: isLit,
    onwarn,
    plugins: [typescript(), litTemplates(), resolveSource(), minify()],
    output: {
      dir: resolve(elements, 'dist/bundles'),
      format: 'es',
      entryFileNames: '[name]/define.js',
      chunkFileNames: 'chunks/shared-[hash].js',
      sourcemap: true,
    },
  },
];
