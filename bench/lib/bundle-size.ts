import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserModule from '@rollup/plugin-terser';

// The plugin's types describe a CommonJS default export; at run time the ESM build's default is the function.
const terser = ((terserModule as unknown as { default?: unknown }).default ?? terserModule) as unknown as (options?: object) => import('rollup').Plugin;

/**
 * Bundles `code` (an ES module that imports what a browser page would use) the way a site's
 * bundler would — tree-shaken, minified with terser — and returns its minified and gzipped sizes.
 * Workspace packages resolve to their built `dist` (run `npm run build` first).
 */
export async function minGzipSize(code: string, external: string[] = []): Promise<{ min: number; gzip: number }> {
  const entry = '\0bench-entry';
  const bundle = await rollup({
    input: entry,
    external,
    onwarn: () => {},
    plugins: [
      {
        name: 'virtual-entry',
        resolveId: (id) => (id === entry ? entry : null),
        load: (id) => (id === entry ? code : null),
      },
      nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
      terser({ format: { comments: false } }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const source = output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
  return { min: Buffer.byteLength(source), gzip: gzipSync(source, { level: 9 }).length };
}
