import type { PricingPlan } from '../../contract/pricing-plan.js';

/**
 * A trade association's member plan, modelled on Collectia's member terms (RULES.md §7: "members:
 * principal returned in full in the extra-judicial phase, agency keeps the statutory fees the debtor
 * pays"; pricing of an agency, not law):
 *
 * - no registration fee (zero in every currency, so no amount is converted);
 * - no commission in the amicable (extra-judicial) phase: the creditor gets the principal in full;
 * - the agency keeps the statutory costs and the late interest the debtor pays;
 * - in the legal and surveillance phases 10 % of collected principal, Collectia's published
 *   non-member rate ("DKK 395 per case + 10 % of recovered") — our choice for the example;
 * - the 36-month age warning of DESIGN.md §5; no minimum claim.
 */
const ZERO = { DKK: 0, SEK: 0, NOK: 0, EUR: 0 };
const TEN_PERCENT = [{ upTo: null, percent: '10' }];

export const associationMemberPlan: PricingPlan = {
  id: 'association-member',
  name: 'Association member',
  source: 'Collectia member terms (RULES.md §7)',
  currencies: ['DKK', 'SEK', 'NOK', 'EUR'],
  registrationFee: {
    nordics: ZERO,
    europe_1: ZERO,
    europe_2: ZERO,
    americas_1: ZERO,
    americas_2: ZERO,
    apac_1: ZERO,
    apac_2: ZERO,
    rest: ZERO,
  },
  commission: {
    byRegion: {
      nordics: TEN_PERCENT,
      europe_1: TEN_PERCENT,
      europe_2: TEN_PERCENT,
      americas_1: TEN_PERCENT,
      americas_2: TEN_PERCENT,
      apac_1: TEN_PERCENT,
      apac_2: TEN_PERCENT,
      rest: TEN_PERCENT,
    },
    waivedInPhases: ['amicable'],
  },
  debtorPaid: { costs: 'agency', interest: 'agency' },
  maxAgeDays: 1095,
  limitationWarningDays: 90,
};
