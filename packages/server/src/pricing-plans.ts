import { associationMemberPlan, standardPlan, type PricingPlan } from '@collectkit/sdk';

/**
 * The pricing plans an association can be on, by id: the SDK's published example plans. An
 * operator-managed plan table can replace this lookup later; associations store only the id.
 */
const PLANS: ReadonlyMap<string, PricingPlan> = new Map([standardPlan, associationMemberPlan].map((plan) => [plan.id, plan]));

export const DEFAULT_PLAN_ID = associationMemberPlan.id;

export function pricingPlan(id: string): PricingPlan {
  const plan = PLANS.get(id);
  // Associations are created by the server itself with a known id; an unknown one is a bug.
  if (!plan) throw new Error(`unknown pricing plan ${id}`);
  return plan;
}
