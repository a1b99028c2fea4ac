import {
  DEFAULT_ALLOCATION_ORDER,
  accrueInterest,
  allocatePayment,
  lawFor,
  type ClaimBalances,
  type CountryCode,
  type DebtorType,
  type IsoDate,
  type LawPack,
  type Money,
} from '@collectkit/sdk';
import type { PaymentRow } from '../store/payments.js';

/**
 * Allocates the next debtor payment of a case, continuing from the allocations already stored: the
 * same steps as the SDK's `settleClaim` (interest accrued on the remaining principal since the last
 * payment, then `allocatePayment` in the order of the debtor's law pack, RULES.md §5), done one
 * payment at a time so that a stored allocation never changes afterwards. For a claim whose
 * principal and costs do not change between payments the result equals `settleClaim`'s
 * (payment-allocation.test.ts checks that for random payment sequences).
 */

export interface CaseClaim {
  currency: Money['currency'];
  /** All the principal the case claims (grows when invoices are added). */
  principal: number;
  /** All statutory costs added to the case so far (`fee.added` events). */
  costs: number;
  /** First day interest runs. */
  interestFrom: IsoDate;
  /** The due date the interest rules look at (DK legacy margin). */
  claimDueDate: IsoDate;
  /** The debtor's law pack country; null outside DK, SE, NO, FI: no statutory interest is computed. */
  lawCountry: CountryCode | null;
  debtorType: DebtorType;
}

export interface NextPaymentAllocation {
  interestAccrued: Money;
  before: ClaimBalances;
  applied: ClaimBalances;
  after: ClaimBalances;
  overpayment: Money;
}

const packs = new Map<CountryCode, LawPack>();
/** Like the locked quote (http/case-quote.ts): past the last published rate, the last known one is carried forward. */
function lawOf(country: CountryCode): LawPack {
  let pack = packs.get(country);
  if (!pack) packs.set(country, (pack = lawFor(country, { carryForwardLastRate: true })));
  return pack;
}

export function allocateNextPayment(claim: CaseClaim, previous: readonly PaymentRow[], payment: { amount: Money; receivedOn: IsoDate }): NextPaymentAllocation {
  const m = (amount: number): Money => ({ amount, currency: claim.currency });
  const sum = (pick: (p: PaymentRow) => number) => previous.reduce((total, p) => total + pick(p), 0);
  const principal = claim.principal - sum((p) => p.applied_principal);
  const costs = claim.costs - sum((p) => p.applied_costs);
  const carriedInterest = sum((p) => p.interest_accrued) - sum((p) => p.applied_interest);
  const last = previous.at(-1)?.received_on;
  // Interest runs from `interestFrom`, and after each payment from that payment's date (settleClaim's cursor).
  const cursor = last !== undefined && last > claim.interestFrom ? last : claim.interestFrom;
  const law = claim.lawCountry ? lawOf(claim.lawCountry) : null;
  const accrued =
    law && principal > 0 && payment.receivedOn > cursor
      ? accrueInterest({ principal: m(principal), from: cursor, to: payment.receivedOn, country: law.country, debtorType: claim.debtorType, law, claimDueDate: claim.claimDueDate }).total.amount
      : 0;
  const before: ClaimBalances = { costs: m(costs), interest: m(carriedInterest + accrued), principal: m(principal) };
  const order = law ? law.allocationOrder(payment.receivedOn) : DEFAULT_ALLOCATION_ORDER;
  const allocation = allocatePayment(before, payment.amount, order);
  return { interestAccrued: m(accrued), before, applied: allocation.applied, after: allocation.remaining, overpayment: allocation.overpayment };
}
