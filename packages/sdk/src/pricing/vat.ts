import type { IsoDate } from '../calendar/index.js';
import { assertIsoDate } from '../calendar/index.js';
import { CollectkitInputError } from '../errors.js';
import type { CountryCode, Dated, InForce } from '../law/types.js';
import type { DecimalString } from '../money/index.js';

/**
 * VAT on the agency's fees (registration fee, commission, withdrawal fee), charged at the standard
 * rate of the creditor's country. A dated table: the entry in force on a date is the latest with
 * validFrom ≤ date. The tables start on 1 Jan 2013; earlier dates throw `law_data_missing`.
 *
 * These rates are not in RULES.md; they come from the acts cited (and the lead's brief) and are
 * marked medium until checked against RULES.md. Cross-border reverse charge is not modelled: the
 * rate is the creditor's country's, as the agency invoices a creditor there.
 */
const VAT_ON_AGENCY_FEES: Record<CountryCode, readonly Dated<DecimalString>[]> = {
  DK: [
    {
      validFrom: '2013-01-01',
      value: '25',
      source: { citation: 'momsloven (LBK nr. 1021 af 26/09/2019) § 33, stk. 1', note: 'not in RULES.md; verify' },
      confidence: 'medium',
    },
  ],
  SE: [
    {
      validFrom: '2013-01-01',
      value: '25',
      source: {
        citation: 'mervärdesskattelagen (1994:200) 7 kap. 1 §; from 1 Jul 2023 mervärdesskattelagen (2023:200) 9 kap. 1 §',
        note: 'not in RULES.md; verify',
      },
      confidence: 'medium',
    },
  ],
  NO: [
    {
      validFrom: '2013-01-01',
      value: '25',
      source: { citation: 'merverdiavgiftsloven § 5-1 første ledd', note: 'not in RULES.md; verify' },
      confidence: 'medium',
    },
  ],
  FI: [
    {
      validFrom: '2013-01-01',
      value: '24',
      source: { citation: 'arvonlisäverolaki (1501/1993) 84 §', note: 'not in RULES.md; verify' },
      confidence: 'medium',
    },
    {
      validFrom: '2024-09-01',
      value: '25.5',
      source: { citation: 'arvonlisäverolaki (1501/1993) 84 § as amended in force 1 Sep 2024', note: 'not in RULES.md; verify' },
      confidence: 'medium',
    },
  ],
};

/** The standard VAT rate in percent on `asOf` in the creditor's `country`, with its source. */
export function vatRateOnAgencyFees(country: CountryCode, asOf: IsoDate): InForce<DecimalString> {
  assertIsoDate(asOf, 'asOf');
  const table = Object.hasOwn(VAT_ON_AGENCY_FEES, country) ? VAT_ON_AGENCY_FEES[country] : undefined;
  if (!table) {
    throw new CollectkitInputError('unsupported_country', 'creditorCountry', `expected DK, SE, NO or FI, got ${JSON.stringify(country)}`);
  }
  let found: Dated<DecimalString> | undefined;
  for (const entry of table) if (entry.validFrom <= asOf) found = entry;
  if (!found) {
    throw new CollectkitInputError('law_data_missing', 'asOf', `no VAT rate for ${country} before ${table[0]!.validFrom}`);
  }
  return { value: found.value, validFrom: found.validFrom, source: found.source, confidence: found.confidence };
}
