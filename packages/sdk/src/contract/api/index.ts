/** Request and response schemas of the HTTP API, one file per resource. */
export * from './errors.js';
export * from './health.js';
export * from './association.js';
export * from './account.js';
export * from './enrolment.js';
export * from './webhook.js';
export * from './case.js';
export * from './document.js';
export * from './payment.js';
export * from './payment-import.js';
export * from './payout.js';
export * from './business-rules.js';
export * from './dispute-legal.js';
export * from './instalment-plan.js';
