export * from './company-ids.js';
export * from './personal-ids.js';
export * from './bank-accounts.js';
export * from './iban.js';
export * from './payment-references.js';
