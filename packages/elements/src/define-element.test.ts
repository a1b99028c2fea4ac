import { expect } from '@open-wc/testing';
import { defineElement } from './define-element.js';

class FirstCopy extends HTMLElement {}
class SecondCopy extends HTMLElement {}

describe('defineElement', () => {
  let warnings: unknown[][];
  const originalWarn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('registers a free tag', () => {
    expect(defineElement('guard-probe-free', FirstCopy)).to.equal(true);
    expect(customElements.get('guard-probe-free')).to.equal(FirstCopy);
    expect(warnings).to.have.length(0);
  });

  it('defining the same class twice is silent (one bundle imported twice)', () => {
    expect(defineElement('guard-probe-free', FirstCopy)).to.equal(false);
    expect(warnings).to.have.length(0);
  });

  it('a second copy of the bundle warns once per tag and never throws', () => {
    customElements.define('guard-probe-taken', FirstCopy.bind(null) as unknown as CustomElementConstructor);
    expect(() => defineElement('guard-probe-taken', SecondCopy)).not.to.throw();
    expect(() => defineElement('guard-probe-taken', SecondCopy)).not.to.throw();
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('<guard-probe-taken> is already defined');
    expect(customElements.get('guard-probe-taken')).not.to.equal(SecondCopy);
  });

  it('an invalid tag warns instead of throwing', () => {
    expect(defineElement('NoDash', SecondCopy)).to.equal(false);
    expect(warnings).to.have.length(1);
  });

  it('registers declared dependencies first', () => {
    class Child extends HTMLElement {}
    class Parent extends HTMLElement {
      static dependencies = { 'guard-probe-child': Child };
    }
    defineElement('guard-probe-parent', Parent);
    expect(customElements.get('guard-probe-child')).to.equal(Child);
  });

  it('imports and runs where there is no window and no customElements (a worker, as in server rendering)', async () => {
    // A module worker has neither `window`, `document` nor `customElements`.
    const worker = new Worker(new URL('./define-element.worker-probe.ts', import.meta.url), { type: 'module' });
    const reply = await new Promise<unknown>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message));
    });
    worker.terminate();
    expect(reply).to.deep.equal({ hasWindow: false, hasCustomElements: false, defined: false });
  });
});
