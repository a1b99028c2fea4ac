// Browser tests in Debian's headless Chromium (no tool downloads its own browser here).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { collectkitMiddleware, collectkitServer } from './test/browser/collectkit-server.mjs';
import { reactEsm } from './packages/react/wtr-react-esm.mjs';

const args = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export default {
  files: ['packages/*/src/**/*.browser-test.ts', 'packages/elements/src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  // One real Collectkit server for the run (test/browser/start-server.ts); tests fetch its API base
  // and publishable key from /__collectkit-test-config. The CSP test's pages are served with
  // `Content-Security-Policy: script-src 'self'; style-src 'self'`.
  middleware: [collectkitMiddleware],
  plugins: [reactEsm(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }), collectkitServer()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
};
