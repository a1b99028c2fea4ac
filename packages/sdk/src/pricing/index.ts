/** Quotes and agency fees under pricing plans (DESIGN.md §5). */
export { quote, type QuoteOptions } from './quote.js';
export { regionOf, DEFAULT_COUNTRY_REGIONS } from './regions.js';
export { vatRateOnAgencyFees } from './vat.js';
export {
  commissionTerms,
  discountPercent,
  withdrawalFee,
  type CommissionTerms,
  type CommissionCase,
} from './agency-fees.js';
export { standardPlan } from './plans/standard.js';
export { associationMemberPlan } from './plans/association-member.js';
export { assertQuoteInput, assertPricingPlan, assertCasePhase, type QuoteInput, type QuoteInvoice } from './quote-input.js';
