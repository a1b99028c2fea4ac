export * from './stages.js';
export * from './business-rules.js';
export * from './next-action.js';
export * from './advance.js';
export * from './instalment-plan.js';
