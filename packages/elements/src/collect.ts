/**
 * The one-file embed bundle's entry (rollup.config.mjs → dist/collect.js): registers every element.
 *
 * ```html
 * <script type="module" src="https://collect.example.org/collect.js"></script>
 * <collect-enrol publishable-key="pk_…" api-base="https://collect.example.org"></collect-enrol>
 * ```
 *
 * Loading it twice (two plugins on one WordPress page) warns instead of throwing; importing it
 * where there is no DOM registers nothing.
 */
import './collect-quote/define.js';
import './collect-enrol/define.js';
import './collect-case/define.js';
import './collect-status/define.js';

export { CollectQuote } from './collect-quote/collect-quote.js';
export { CollectEnrol } from './collect-enrol/collect-enrol.js';
export { CollectCase } from './collect-case/collect-case.js';
export { CollectStatus } from './collect-status/collect-status.js';
export { defineElement } from './define-element.js';
