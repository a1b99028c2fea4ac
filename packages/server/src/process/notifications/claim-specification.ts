import {
  accrueInterestOnBalances,
  addDays,
  isLawCountry,
  lawFor,
  sumMoney,
  type CurrencyCode,
  type DebtorType,
  type IsoDate,
  type LawPack,
  type Money,
} from '@collectkit/sdk';
import type { FeeKind } from './kinds.js';

/**
 * What a letter lists under "specification of the claim": each invoice's unpaid principal, each
 * fee by name, late interest per invoice and rate period, and the total — all exact Money, summed
 * with the sdk (never a float). Interest comes from the sdk ledger (accrueInterest), split at every
 * 1 January and 1 July like the statutory rate (RULES.md §4).
 */

export interface SpecifiedInvoice {
  readonly number: string;
  readonly dueDate: IsoDate;
  /** What of the invoice is still unpaid. */
  readonly outstanding: Money;
}

export interface SpecifiedFee {
  readonly kind: FeeKind;
  /** The day the step that added it was taken. */
  readonly on: IsoDate;
  readonly amount: Money;
  /** The invoice the fee belongs to, where it is charged per invoice (DK/FI compensation). */
  readonly invoice?: string;
}

export interface InterestLine {
  readonly invoiceNumber: string;
  /** First day of interest. */
  readonly from: IsoDate;
  /** Last day of interest, inclusive (the ledger's exclusive `to` minus one day). */
  readonly through: IsoDate;
  readonly ratePercent: string;
  readonly amount: Money;
  /** The rate was carried forward past the law pack's table (no published rate yet for the period). */
  readonly provisional: boolean;
}

/** A debtor payment already received, as the payment ledger allocated it. */
export interface SpecifiedPayment {
  readonly receivedOn: IsoDate;
  readonly amount: Money;
  /** The part the allocation applied to principal: from that day on, less principal bears interest. */
  readonly appliedToPrincipal: Money;
}

export interface ClaimSpecification {
  readonly currency: CurrencyCode;
  readonly invoices: readonly SpecifiedInvoice[];
  readonly fees: readonly SpecifiedFee[];
  readonly interest: readonly InterestLine[];
  readonly payments: readonly SpecifiedPayment[];
  readonly principal: Money;
  readonly feesTotal: Money;
  readonly interestTotal: Money;
  readonly paidTotal: Money;
  /** principal + fees + interest − paid, never below zero (an overpayment is refunded, not shown as owed). */
  readonly total: Money;
}

export interface ClaimSpecificationInput {
  readonly currency: CurrencyCode;
  readonly invoices: readonly SpecifiedInvoice[];
  readonly fees: readonly SpecifiedFee[];
  /** The debtor's jurisdiction; outside DK/SE/NO/FI no statutory interest is computed. */
  readonly country: string;
  readonly debtorType: DebtorType;
  /** Interest runs up to, not including, this day (usually the letter's date); null = no interest listed. */
  readonly interestUntil: IsoDate | null;
  /** A pack with overrides; default lawFor(country). */
  readonly law?: LawPack;
  /** Payments received so far; their principal parts reduce the invoices oldest due date first. */
  readonly payments?: readonly SpecifiedPayment[];
}

export function specifyClaim(input: ClaimSpecificationInput): ClaimSpecification {
  const { currency } = input;
  const interest: InterestLine[] = [];
  const payments = [...(input.payments ?? [])].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  const reductions = principalReductions(input.invoices, payments);
  const law = input.law ?? (isLawCountry(input.country) ? lawFor(input.country) : undefined);
  if (law && input.interestUntil !== null && law.currency === currency) {
    const until = input.interestUntil;
    input.invoices.forEach((invoice, index) => {
      // Interest from the day after the due date, as the sdk ledger's settleClaim counts it (renteloven § 3).
      const from = addDays(invoice.dueDate, 1);
      if (from >= until) return;
      const balances: { from: IsoDate; principal: Money }[] = [{ from, principal: invoice.outstanding }];
      for (const r of reductions[index]!) {
        const last = balances[balances.length - 1]!;
        const principal = { amount: last.principal.amount - r.amount, currency };
        if (r.on >= until) break;
        if (r.on <= last.from) balances[balances.length - 1] = { from: last.from, principal };
        else balances.push({ from: r.on, principal });
      }
      const accrual = accrueInterestOnBalances({ balances, to: until, country: law.country, debtorType: input.debtorType, law, claimDueDate: invoice.dueDate });
      for (const period of accrual.periods) {
        if (period.amount.amount === 0) continue;
        interest.push({
          invoiceNumber: invoice.number,
          from: period.from,
          through: addDays(period.to, -1),
          ratePercent: period.ratePercent,
          amount: period.amount,
          provisional: period.assumed === true,
        });
      }
    });
  }
  const principal = sumMoney(input.invoices.map((i) => i.outstanding), currency);
  const feesTotal = sumMoney(input.fees.map((f) => f.amount), currency);
  const interestTotal = sumMoney(interest.map((i) => i.amount), currency);
  const paidTotal = sumMoney(payments.map((p) => p.amount), currency);
  const owed = sumMoney([principal, feesTotal, interestTotal], currency);
  return {
    currency,
    invoices: input.invoices,
    fees: input.fees,
    interest,
    payments,
    principal,
    feesTotal,
    interestTotal,
    paidTotal,
    total: { amount: Math.max(0, owed.amount - paidTotal.amount), currency },
  };
}

/** Each payment's principal part, taken from the invoices in order of due date (oldest first), per invoice in date order. */
function principalReductions(invoices: readonly SpecifiedInvoice[], payments: readonly SpecifiedPayment[]): { on: IsoDate; amount: number }[][] {
  const order = invoices.map((invoice, index) => ({ index, dueDate: invoice.dueDate })).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.index - b.index));
  const left = invoices.map((i) => i.outstanding.amount);
  const result: { on: IsoDate; amount: number }[][] = invoices.map(() => []);
  for (const payment of payments) {
    let rest = payment.appliedToPrincipal.amount;
    for (const { index } of order) {
      if (rest === 0) break;
      const take = Math.min(rest, left[index]!);
      if (take === 0) continue;
      left[index] = left[index]! - take;
      rest -= take;
      result[index]!.push({ on: payment.receivedOn, amount: take });
    }
  }
  return result;
}
