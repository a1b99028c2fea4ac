export * from './types.js';
export { lawFor } from './law-for.js';
export {
  createLawPack,
  applyOverrides,
  mergeByValidFrom,
  entryInForce,
  UNDATED_RULES_FROM,
  type LawPackOptions,
} from './law-pack.js';
export { DK_LAW } from './dk.js';
export { SE_LAW } from './se.js';
export { NO_LAW, NO_INKASSOSATS } from './no.js';
export { FI_LAW } from './fi.js';
export { isLawCountry, debtorCountry, type DebtorJurisdiction } from './jurisdiction.js';
