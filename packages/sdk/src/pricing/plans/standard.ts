import type { PricingPlan } from '../../contract/pricing-plan.js';

/**
 * A standard agency price list, from Atradius Collections' published Swedish prices
 * (RULES.md §7: SEK, ex VAT; pricing of an agency, not law). It prices in SEK only: to quote
 * another currency an operator publishes its own amounts in that currency (no exchange rate).
 *
 * - registration SEK 730 for debtors in the Nordics, Europe I, Americas I and APAC I; SEK 1,185 elsewhere;
 * - commission on collected principal by region, the lower rate for claims above SEK 26,500;
 * - +4 percentage points when the oldest invoice is over 180 days overdue (SE and DK sites);
 * - costs and interest the debtor pays are kept by the agency.
 * A withdrawal fee "may" apply in the amicable phase, but no amount is published: not modelled.
 * No minimum claim is published. The 36-month age warning is DESIGN.md §5's.
 */
const SEK = (major: number) => ({ SEK: major * 100 });
const band = (low: string, high: string) => [
  { upTo: SEK(26_500), percent: low },
  { upTo: null, percent: high },
];

export const standardPlan: PricingPlan = {
  id: 'standard',
  name: 'Standard',
  source: 'Atradius Collections, Sweden, published prices (RULES.md §7)',
  currencies: ['SEK'],
  registrationFee: {
    nordics: SEK(730),
    europe_1: SEK(730),
    americas_1: SEK(730),
    apac_1: SEK(730),
    europe_2: SEK(1_185),
    americas_2: SEK(1_185),
    apac_2: SEK(1_185),
    rest: SEK(1_185),
  },
  commission: {
    byRegion: {
      nordics: [{ upTo: null, percent: '10.5' }],
      europe_1: band('15.5', '13.5'),
      europe_2: band('19.5', '18.5'),
      americas_1: band('20.5', '19.5'),
      americas_2: band('25.5', '21.5'),
      apac_1: band('20.5', '19.5'),
      apac_2: band('25.5', '21.5'),
      rest: band('30.5', '27.5'),
    },
    waivedInPhases: [],
    ageSurcharge: { overdueMoreThanDays: 180, percentagePoints: '4' },
  },
  debtorPaid: { costs: 'agency', interest: 'agency' },
  maxAgeDays: 1095,
  limitationWarningDays: 90,
};
