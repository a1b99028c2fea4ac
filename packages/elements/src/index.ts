/**
 * @collectkit/elements — Lit web components an association site embeds with one script tag.
 *
 * Importing this module registers nothing: import `./collect-quote/define.js` (or the one-file
 * bundle) to register the tags; import classes from here to extend or register them yourself.
 * @packageDocumentation
 */
export { CollectEnrol, DRAFT_STORAGE_KEY as ENROL_DRAFT_STORAGE_KEY } from './collect-enrol/collect-enrol.js';
export { CollectQuote, quoteRequestFrom } from './collect-quote/collect-quote.js';
export { CollectCase, type CaseSubmitDetail } from './collect-case/collect-case.js';
export { CollectStatus } from './collect-status/collect-status.js';
export * from './controls/index.js';
export { defineElement, type ElementClass } from './define-element.js';
export * from './events.js';
export * from './i18n/index.js';
export * from './theme/index.js';
export type * from './jsx.js';
