// Server rendering safety, in Node (no window, no document): importing an element's define file must
// not throw. Not picked up by wtr (*.test.ts) nor by scripts/run-node-tests.mjs (which skips
// packages/elements); run it with:
//   TSX_TSCONFIG_PATH=packages/elements/tsconfig.json node --conditions=source --import tsx --test packages/elements/src/ssr.node-test.ts
// (the tsconfig path gives tsx the Lit decorator settings).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('importing @collectkit/elements where there is no DOM', () => {
  it('has no window or document here', () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  });

  it('imports <collect-quote>, <collect-enrol>, their define files and the package index without throwing', async () => {
    const { CollectQuote } = await import('./collect-quote/define.js');
    assert.equal(typeof CollectQuote, 'function');
    const { CollectEnrol } = await import('./collect-enrol/define.js');
    assert.equal(typeof CollectEnrol, 'function');
    const index = await import('./index.js');
    assert.equal(typeof index.defineElement, 'function');
  });

  it('the guard never throws, whether a registry exists (Lit’s SSR shim) or not', async () => {
    const { defineElement } = await import('./define-element.js');
    const registry = (globalThis as { customElements?: unknown }).customElements;
    try {
      (globalThis as { customElements?: unknown }).customElements = undefined;
      assert.equal(defineElement('ssr-probe-none', class {} as unknown as CustomElementConstructor), false);
    } finally {
      (globalThis as { customElements?: unknown }).customElements = registry;
    }
    assert.doesNotThrow(() => defineElement('collect-quote', class {} as unknown as CustomElementConstructor));
  });
});
