import { assertIsoDate, type IsoDate } from '../calendar/index.js';
import { CollectkitInputError } from '../errors.js';
import { lawFor } from '../law/law-for.js';
import { assertDebtorType } from '../law/law-pack.js';
import type { AllocationComponent, CountryCode, DebtorType, LawPack } from '../law/types.js';
import { assertMoney, type Money } from '../money/index.js';
import { allocatePayment, assertAllocationOrder, type ClaimBalances } from './allocation.js';
import { accrueInterest } from './interest.js';

/**
 * A claim's running account: payments in date order, late interest accrued on the principal still
 * unpaid between them, each payment allocated in the order of the debtor's law pack (RULES.md §5:
 * costs → interest → principal unless agreed otherwise), so interest after a payment is computed on
 * what remains. Interest is simple: never on costs or on interest (RULES.md §4, NO explicitly).
 */

export interface CasePayment {
  /** The day the payment was received: principal it settles stops bearing interest that day. */
  readonly date: IsoDate;
  readonly amount: Money;
}

export interface SettleClaimInput {
  readonly principal: Money;
  /** Statutory costs already added to the claim (fees, compensation). */
  readonly costs: Money;
  /** First day late interest runs (usually the day after the due date: renteloven § 3). */
  readonly from: IsoDate;
  readonly payments: readonly CasePayment[];
  /** The balance is stated as of this date; no payment may be later. */
  readonly asOf: IsoDate;
  readonly country: CountryCode;
  readonly debtorType: DebtorType;
  /** A pack with overrides; default `lawFor(country)`. */
  readonly law?: LawPack;
  /** An agreed allocation order, replacing the law pack's. */
  readonly order?: readonly AllocationComponent[];
  /** The claim's due date, for rules that depend on it (DK legacy margin). */
  readonly claimDueDate?: IsoDate;
}

export interface SettledPayment {
  readonly date: IsoDate;
  readonly amount: Money;
  /** Interest accrued since the previous payment (or `from`) up to this payment's date. */
  readonly interestAccrued: Money;
  readonly order: readonly AllocationComponent[];
  /** What was owed just before the payment, including the interest accrued to its date. */
  readonly before: ClaimBalances;
  readonly applied: ClaimBalances;
  /** What was owed just after the payment. */
  readonly after: ClaimBalances;
  readonly overpayment: Money;
}

export interface ClaimSettlement {
  /** Payments in the order they were applied (by date; same-day payments in the order given). */
  readonly payments: readonly SettledPayment[];
  /** All interest accrued from `from` to `asOf`. */
  readonly interestAccrued: Money;
  /** What is owed on `asOf`, interest included. */
  readonly balance: ClaimBalances;
  /** costs + interest + principal of `balance`. */
  readonly outstanding: Money;
  /** Total paid beyond what was owed (to refund or set off). */
  readonly overpayment: Money;
}

export function settleClaim(input: SettleClaimInput): ClaimSettlement {
  if (typeof input !== 'object' || input === null) {
    throw new CollectkitInputError('invalid_argument', 'input', 'expected { principal, costs, from, payments, asOf, country, debtorType }');
  }
  const principal = assertMoney(input.principal, 'principal');
  const currency = principal.currency;
  const costs = sameCurrency(assertMoney(input.costs, 'costs'), currency, 'costs');
  const from = assertIsoDate(input.from, 'from');
  const asOf = assertIsoDate(input.asOf, 'asOf');
  if (asOf < from) throw new CollectkitInputError('invalid_range', 'asOf', `must not be before from (${from})`);
  const debtorType = assertDebtorType(input.debtorType, 'debtorType');
  const law = input.law ?? lawFor(input.country);
  const agreedOrder = input.order === undefined ? undefined : assertAllocationOrder(input.order);
  if (!Array.isArray(input.payments)) throw new CollectkitInputError('invalid_argument', 'payments', 'expected a list of { date, amount }');

  const payments = input.payments.map((payment: CasePayment, index) => {
    const field = `payments.${index}`;
    if (typeof payment !== 'object' || payment === null) throw new CollectkitInputError('invalid_argument', field, 'expected { date, amount }');
    const date = assertIsoDate(payment.date, `${field}.date`);
    if (date > asOf) throw new CollectkitInputError('invalid_range', `${field}.date`, `must not be after asOf (${asOf})`);
    const amount = sameCurrency(assertMoney(payment.amount, `${field}.amount`), currency, `${field}.amount`);
    if (amount.amount === 0) throw new CollectkitInputError('invalid_amount', `${field}.amount.amount`, 'a payment must be more than zero');
    return { date, amount, index };
  });
  // Stable: same-day payments keep the order given.
  payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));

  const m = (amount: number): Money => ({ amount, currency });
  let balance: ClaimBalances = { costs, interest: m(0), principal };
  let cursor = from;
  let interestTotal = 0;
  let overpaid = 0;
  const accrue = (to: IsoDate): number => {
    if (to <= cursor) return 0;
    const accrued =
      balance.principal.amount === 0
        ? 0
        : accrueInterest({
            principal: balance.principal,
            from: cursor,
            to,
            country: law.country,
            debtorType,
            law,
            ...(input.claimDueDate !== undefined ? { claimDueDate: input.claimDueDate } : {}),
          }).total.amount;
    cursor = to;
    interestTotal += accrued;
    balance = { ...balance, interest: m(balance.interest.amount + accrued) };
    return accrued;
  };

  const settled: SettledPayment[] = payments.map(({ date, amount }) => {
    const interestAccrued = m(accrue(date));
    const order = agreedOrder ?? law.allocationOrder(date);
    const before = balance;
    const allocation = allocatePayment(before, amount, order);
    balance = allocation.remaining;
    overpaid += allocation.overpayment.amount;
    return { date, amount, interestAccrued, order, before, applied: allocation.applied, after: allocation.remaining, overpayment: allocation.overpayment };
  });
  accrue(asOf);

  return {
    payments: settled,
    interestAccrued: m(interestTotal),
    balance,
    outstanding: m(balance.costs.amount + balance.interest.amount + balance.principal.amount),
    overpayment: m(overpaid),
  };
}

function sameCurrency(value: Money, currency: Money['currency'], field: string): Money {
  if (value.currency !== currency) {
    throw new CollectkitInputError('currency_mismatch', `${field}.currency`, `expected the principal's currency ${currency}, got ${value.currency}`);
  }
  return value;
}
