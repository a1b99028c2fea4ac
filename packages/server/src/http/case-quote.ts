import { isLawCountry, lawFor, quote, type CountryCode, type Debtor, type IsoDate, type LawPack, type PricingPlan, type Quote, type QuoteInvoice } from '@collectkit/sdk';
import { pricingPlan } from '../pricing-plans.js';
import { findAssociation } from '../store/associations.js';
import { findCreditor } from '../store/creditors.js';
import type { Queryable } from '../store/database.js';
import { invalidRequest, notFound } from './api-error.js';

/**
 * The binding quote of a case (DESIGN.md §5): the SDK's `quote()` with the association's pricing
 * plan as of today on the server's clock, locked on the case.
 *
 * Interest tables end where the published rates end; a case submitted after that still quotes,
 * with the last known rate carried forward and an `interest_rate_assumed` warning on the quote.
 */
const packs = new Map<CountryCode, LawPack>();
function carriedForwardLaw(country: CountryCode): LawPack {
  let pack = packs.get(country);
  if (!pack) packs.set(country, (pack = lawFor(country, { carryForwardLastRate: true })));
  return pack;
}

export interface CaseParties {
  plan: PricingPlan;
  creditorCountry: CountryCode;
}

/** The association's plan and the creditor's country; the creditor must have finished enrolment. */
export async function caseParties(db: Queryable, associationId: string, creditorId: string): Promise<CaseParties> {
  const [association, creditor] = await Promise.all([findAssociation(db, associationId), findCreditor(db, associationId, creditorId)]);
  if (!association) throw notFound('association');
  if (!creditor) throw invalidRequest('creditorId', 'no such creditor in this association');
  if (creditor.status !== 'active') throw invalidRequest('creditorId', 'the creditor has not finished enrolment');
  const country = creditor.company.country;
  if (!isLawCountry(country)) throw invalidRequest('creditorId', 'the creditor is not registered in DK, SE, NO or FI');
  return { plan: pricingPlan(association.pricing_plan_id), creditorCountry: country };
}

export function lockedQuote(
  parties: CaseParties,
  claim: { debtor: Debtor; invoices: readonly QuoteInvoice[]; discountCode?: string | undefined },
  asOf: IsoDate,
): Quote {
  // Every creditor with an account enrolled through the association: the member terms apply.
  return quote(
    { creditorCountry: parties.creditorCountry, debtor: claim.debtor, invoices: claim.invoices, member: true, ...(claim.discountCode ? { discountCode: claim.discountCode } : {}) },
    parties.plan,
    { asOf, law: carriedForwardLaw },
  );
}
