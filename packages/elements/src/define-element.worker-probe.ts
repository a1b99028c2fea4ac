// Loaded as a module worker by define-element.test.ts: proves the guard imports and runs with no
// `window` and no `customElements`, as during server rendering.
import { defineElement } from './define-element.js';

const defined = defineElement('worker-probe', class {} as unknown as CustomElementConstructor);
postMessage({
  hasWindow: typeof (globalThis as { window?: unknown }).window !== 'undefined',
  hasCustomElements: typeof (globalThis as { customElements?: unknown }).customElements !== 'undefined',
  defined,
});
