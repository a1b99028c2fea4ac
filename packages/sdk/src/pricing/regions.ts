import type { PricingPlan, Region } from '../contract/pricing-plan.js';

/**
 * Debtor countries (ISO 3166-1 alpha-2) → the regions of agency price lists. RULES.md §7 names the
 * regions (Atradius) but not which country is in which; this grouping is ours (confidence L:
 * Western Europe I, the rest of Europe II, US/CA Americas I, Latin America II, developed
 * Asia-Pacific I, the rest of Asia-Pacific II, everything else `rest`). A plan overrides single
 * countries with `countryRegions`.
 */
const GROUPS: Record<Exclude<Region, 'rest'>, string> = {
  nordics: 'DK SE NO FI IS FO GL AX',
  europe_1: 'AT BE CH DE ES FR GB IE IT LI LU MC NL PT AD SM VA MT GI JE GG IM',
  europe_2: 'PL CZ SK HU SI HR RO BG GR CY EE LV LT RS BA ME MK AL XK MD UA BY RU TR',
  americas_1: 'US CA',
  americas_2: 'MX GT BZ SV HN NI CR PA CU DO HT JM TT BS BB PR BR AR CL CO PE VE EC BO PY UY GY SR',
  apac_1: 'AU NZ JP SG HK KR TW',
  apac_2: 'CN IN ID MY TH VN PH BD PK LK NP KH LA MM MN MO BN FJ PG',
};

export const DEFAULT_COUNTRY_REGIONS: Readonly<Record<string, Region>> = Object.freeze(
  Object.fromEntries(
    (Object.entries(GROUPS) as [Region, string][]).flatMap(([region, countries]) =>
      countries.split(' ').map((country) => [country, region] as const),
    ),
  ),
);

/** The price-list region of a debtor in `country`: the plan's override, else the default table, else `rest`. */
export function regionOf(country: string, plan?: Pick<PricingPlan, 'countryRegions'>): Region {
  const overrides = plan?.countryRegions;
  if (overrides && Object.hasOwn(overrides, country)) return overrides[country]!;
  return Object.hasOwn(DEFAULT_COUNTRY_REGIONS, country) ? DEFAULT_COUNTRY_REGIONS[country]! : 'rest';
}
