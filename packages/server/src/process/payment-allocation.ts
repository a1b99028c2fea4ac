import {
  DEFAULT_ALLOCATION_ORDER,
  addDays,
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
 * payment at a time so that a stored allocation never changes afterwards.
 *
 * Interest runs per invoice from the day after its own due date (renteloven § 3; RULES.md §4), and
 * the principal the payments settled reduces the invoices oldest due date first — the way the
 * debtor's claim specification in letters counts it (process/notifications/claim-specification.ts).
 * For one invoice and costs that do not change between payments the result equals `settleClaim`'s
 * (payment-allocation.test.ts checks that for random payment sequences).
 */

export interface ClaimInvoice {
  dueDate: IsoDate;
  /** What the case claims of this invoice, minor units. */
  principal: number;
}

export interface CaseClaim {
  currency: Money['currency'];
  /** The case's invoices in the order they were submitted. */
  invoices: readonly ClaimInvoice[];
  /** All statutory costs added to the case so far (`fee.added` events). */
  costs: number;
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

/** What is left of each invoice after `settled` of principal was paid, oldest due date first (ties: submission order). */
export function remainingPerInvoice(invoices: readonly ClaimInvoice[], settled: number): ClaimInvoice[] {
  const order = invoices.map((invoice, index) => ({ invoice, index })).sort((a, b) => (a.invoice.dueDate < b.invoice.dueDate ? -1 : a.invoice.dueDate > b.invoice.dueDate ? 1 : a.index - b.index));
  const remaining = invoices.map((invoice) => ({ ...invoice }));
  let left = settled;
  for (const { index } of order) {
    const take = Math.min(left, remaining[index]!.principal);
    remaining[index]!.principal -= take;
    left -= take;
  }
  return remaining;
}

/**
 * What the debtor owes on `on` (on or after the last payment): the costs and interest left by the payments
 * so far, interest accrued since on the principal still unpaid, and that principal — the balances the next
 * payment is allocated over (allocateNextPayment), and the claim an instalment plan covers.
 */
/** What claimBalancesOn reads of the payments so far: a stored row, or the same read back from the API (simulate's debtor). */
export type AllocatedPayment = Pick<PaymentRow, 'received_on' | 'interest_accrued' | 'applied_costs' | 'applied_interest' | 'applied_principal'>;

export function claimBalancesOn(claim: CaseClaim, previous: readonly AllocatedPayment[], on: IsoDate): { before: ClaimBalances; interestAccrued: Money } {
  const m = (amount: number): Money => ({ amount, currency: claim.currency });
  const sum = (pick: (p: AllocatedPayment) => number) => previous.reduce((total, p) => total + pick(p), 0);
  const invoices = remainingPerInvoice(claim.invoices, sum((p) => p.applied_principal));
  const principal = invoices.reduce((total, invoice) => total + invoice.principal, 0);
  const costs = claim.costs - sum((p) => p.applied_costs);
  const carriedInterest = sum((p) => p.interest_accrued) - sum((p) => p.applied_interest);
  const last = previous.at(-1)?.received_on;
  const law = claim.lawCountry ? lawOf(claim.lawCountry) : null;
  let accrued = 0;
  if (law) {
    for (const invoice of invoices) {
      // Interest runs from the day after the due date, and after a payment from that payment's day (settleClaim's cursor).
      const start = addDays(invoice.dueDate, 1);
      const from = last !== undefined && last > start ? last : start;
      if (invoice.principal === 0 || on <= from) continue;
      accrued += accrueInterest({ principal: m(invoice.principal), from, to: on, country: law.country, debtorType: claim.debtorType, law, claimDueDate: invoice.dueDate }).total.amount;
    }
  }
  return { before: { costs: m(costs), interest: m(carriedInterest + accrued), principal: m(principal) }, interestAccrued: m(accrued) };
}

export function allocateNextPayment(claim: CaseClaim, previous: readonly PaymentRow[], payment: { amount: Money; receivedOn: IsoDate }): NextPaymentAllocation {
  const { before, interestAccrued } = claimBalancesOn(claim, previous, payment.receivedOn);
  const law = claim.lawCountry ? lawOf(claim.lawCountry) : null;
  const order = law ? law.allocationOrder(payment.receivedOn) : DEFAULT_ALLOCATION_ORDER;
  const allocation = allocatePayment(before, payment.amount, order);
  return { interestAccrued, before, applied: allocation.applied, after: allocation.remaining, overpayment: allocation.overpayment };
}
