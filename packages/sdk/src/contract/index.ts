/**
 * The wire contract: every payload as a zod schema (DESIGN.md §3.1). Types come from the schemas.
 */
export * from './money.js';
export * from './party.js';
export * from './claim.js';
export * from './pricing-plan.js';
export * from './quote.js';
export * from './issues.js';
export * from './api/index.js';
