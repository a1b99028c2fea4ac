/**
 * @collectkit/sdk — the typed core of Collectkit.
 *
 * Pure TypeScript that runs in browsers and in Node: no DOM, no Node built-ins, no clock reads.
 * @packageDocumentation
 */
export * from './errors.js';
export * from './calendar/index.js';
export * from './money/index.js';
export * from './identifiers/index.js';
export * from './dunning/index.js';
export * from './client/index.js';
export * from './contract/index.js';
export * from './ledger/allocation.js';
export * from './ledger/payout.js';
export * from './law/index.js';
export * from './ledger/interest.js';
export * from './pricing/index.js';
export * from './ledger/case-ledger.js';
