export * from './currency.js';
export * from './decimal.js';
export * from './money.js';
export * from './locale-format.js';
