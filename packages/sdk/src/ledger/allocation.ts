import { CollectkitInputError } from '../errors.js';
import type { AllocationComponent } from '../law/types.js';
import { assertMoney, zeroMoney, type Money } from '../money/index.js';

/**
 * Allocating a debtor's payment over what the case claims. No single statutory order was confirmed
 * for DK/SE/NO/FI private claims (RULES.md §5): common practice and § 367 BGB take costs, then
 * interest, then principal. The order is a rule of the debtor's law pack (`law.allocationOrder`) and
 * may be overridden per agreement; this function only applies an order it is given.
 */

export interface ClaimBalances {
  readonly costs: Money;
  readonly interest: Money;
  readonly principal: Money;
}

export interface PaymentAllocation {
  /** What the payment settled of each component. */
  readonly applied: ClaimBalances;
  /** What each component still owes after the payment. */
  readonly remaining: ClaimBalances;
  /** The part of the payment beyond everything owed (to be refunded or set off). */
  readonly overpayment: Money;
}

/** Costs → interest → principal (RULES.md §5, M: practice, not statute). */
export const DEFAULT_ALLOCATION_ORDER: readonly AllocationComponent[] = ['costs', 'interest', 'principal'];

const COMPONENTS: readonly AllocationComponent[] = ['costs', 'interest', 'principal'];

/** Throws unless `order` names each of costs, interest and principal exactly once. */
export function assertAllocationOrder(order: unknown, field = 'order'): readonly AllocationComponent[] {
  if (
    !Array.isArray(order) ||
    order.length !== COMPONENTS.length ||
    !COMPONENTS.every((component) => order.includes(component))
  ) {
    throw new CollectkitInputError(
      'invalid_argument',
      field,
      `expected an order of costs, interest and principal, each once; got ${JSON.stringify(order)}`,
    );
  }
  return order as readonly AllocationComponent[];
}

/**
 * Applies `payment` to `balances` in `order`: each component is settled in full before the next
 * gets anything; what is left after all three is the overpayment. Works on integer minor units, so
 * applied + remaining = before per component and applied total + overpayment = payment, exactly.
 *
 * @example allocatePayment({ costs: DKK 100, interest: DKK 50, principal: DKK 1,000 }, DKK 300)
 *   → applied { costs 100, interest 50, principal 150 }, remaining { 0, 0, 850 }, overpayment 0
 */
export function allocatePayment(
  balances: ClaimBalances,
  payment: Money,
  order: readonly AllocationComponent[] = DEFAULT_ALLOCATION_ORDER,
): PaymentAllocation {
  const paid = assertMoney(payment, 'payment');
  if (paid.amount === 0) {
    throw new CollectkitInputError('invalid_amount', 'payment.amount', 'a payment must be more than zero');
  }
  if (typeof balances !== 'object' || balances === null) {
    throw new CollectkitInputError('invalid_argument', 'balances', 'expected { costs, interest, principal }');
  }
  assertAllocationOrder(order);
  const before = {} as Record<AllocationComponent, number>;
  for (const component of COMPONENTS) {
    const value = assertMoney(balances[component], `balances.${component}`);
    if (value.currency !== paid.currency) {
      throw new CollectkitInputError(
        'currency_mismatch',
        `balances.${component}.currency`,
        `expected the payment's currency ${paid.currency}, got ${value.currency}`,
      );
    }
    before[component] = value.amount;
  }

  // Safe integers subtract exactly; no amount here is ever a fraction of a minor unit.
  let left = paid.amount;
  const applied = { costs: 0, interest: 0, principal: 0 };
  for (const component of order) {
    const take = Math.min(left, before[component]);
    applied[component] = take;
    left -= take;
  }
  const m = (amount: number): Money => ({ amount, currency: paid.currency });
  return {
    applied: { costs: m(applied.costs), interest: m(applied.interest), principal: m(applied.principal) },
    remaining: {
      costs: m(before.costs - applied.costs),
      interest: m(before.interest - applied.interest),
      principal: m(before.principal - applied.principal),
    },
    overpayment: left === 0 ? zeroMoney(paid.currency) : m(left),
  };
}
