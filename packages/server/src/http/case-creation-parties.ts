import { isLawCountry } from '@collectkit/sdk';
import { pricingPlan } from '../pricing-plans.js';
import { findCaseCreationParties } from '../store/cases.js';
import type { Queryable } from '../store/database.js';
import { invalidRequest, notFound } from './api-error.js';
import type { CaseParties } from './case-quote.js';

/**
 * `caseParties` (case-quote.ts) for case creation, in one query instead of two: the association's
 * plan and the creditor's country, with the same checks and the same answers.
 */
export async function caseCreationParties(db: Queryable, associationId: string, creditorId: string): Promise<CaseParties> {
  const found = await findCaseCreationParties(db, associationId, creditorId);
  if (found.pricingPlanId === undefined) throw notFound('association');
  const creditor = found.creditor;
  if (!creditor) throw invalidRequest('creditorId', 'no such creditor in this association');
  if (creditor.status !== 'active') throw invalidRequest('creditorId', 'the creditor has not finished enrolment');
  if (!isLawCountry(creditor.country)) throw invalidRequest('creditorId', 'the creditor is not registered in DK, SE, NO or FI');
  return { plan: pricingPlan(found.pricingPlanId), creditorCountry: creditor.country };
}
