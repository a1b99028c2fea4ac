// A @web/test-runner plugin that serves React to the browser as ES modules. React 19 ships only
// CommonJS, which the dev server cannot serve as it is; this bundles react, react-dom/client and the
// JSX runtimes once with esbuild (one copy of React for all of them) and answers each bare import
// with a small module re-exporting that package's names from the bundle.
//
// In web-test-runner.config.mjs: `plugins: [reactEsm(), esbuildPlugin(…), …]`.
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES = ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client'];
const PREFIX = '/__react-esm/';
const BUNDLE = `${PREFIX}bundle.js`;

/**
 * Each package's export names, read in a child process: React's development build wraps `console`
 * when it loads, which breaks the test runner's own console wrapper in this process.
 */
function exportNames() {
  const script = `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(PACKAGES)}.map((p) => [p, Object.keys(require(p))]))))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
}

export function reactEsm() {
  let bundle;
  let names;
  const bundleCode = () =>
    (bundle ??= build({
      stdin: {
        contents: PACKAGES.map((name, i) => `import * as p${i} from '${name}';`).join('\n') +
          `\nexport const packages = { ${PACKAGES.map((name, i) => `'${name}': p${i}`).join(', ')} };`,
        resolveDir: root,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      write: false,
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0].text));

  return {
    name: 'collectkit-react-esm',
    resolveImport({ source }) {
      if (PACKAGES.includes(source)) return `${PREFIX}${source}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      if (context.path === BUNDLE) return { body: await bundleCode(), type: 'js' };
      const name = context.path.slice(PREFIX.length, -'.js'.length);
      if (!PACKAGES.includes(name)) return;
      names ??= exportNames();
      const keys = names[name].filter((key) => key !== 'default' && /^[A-Za-z_$][\w$]*$/.test(key));
      const body = [
        `import { packages } from '${BUNDLE}';`,
        `const m = packages['${name}'];`,
        `export default m.default ?? m;`,
        ...keys.map((key) => `export const ${key} = m.${key};`),
      ].join('\n');
      return { body, type: 'js' };
    },
  };
}
