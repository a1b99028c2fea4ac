import {
  accrueInterest,
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
}

export interface InterestLine {
  readonly invoiceNumber: string;
  /** First day of interest. */
  readonly from: IsoDate;
  /** Last day of interest, inclusive (the ledger's exclusive `to` minus one day). */
  readonly through: IsoDate;
  readonly ratePercent: string;
  readonly amount: Money;
}

export interface ClaimSpecification {
  readonly currency: CurrencyCode;
  readonly invoices: readonly SpecifiedInvoice[];
  readonly fees: readonly SpecifiedFee[];
  readonly interest: readonly InterestLine[];
  readonly principal: Money;
  readonly feesTotal: Money;
  readonly interestTotal: Money;
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
}

export function specifyClaim(input: ClaimSpecificationInput): ClaimSpecification {
  const { currency } = input;
  const interest: InterestLine[] = [];
  const law = input.law ?? (isLawCountry(input.country) ? lawFor(input.country) : undefined);
  if (law && input.interestUntil !== null && law.currency === currency) {
    for (const invoice of input.invoices) {
      // Interest from the day after the due date, as the sdk ledger's settleClaim counts it (renteloven § 3).
      const from = addDays(invoice.dueDate, 1);
      if (invoice.outstanding.amount === 0 || from >= input.interestUntil) continue;
      const accrual = accrueInterest({
        principal: invoice.outstanding,
        from,
        to: input.interestUntil,
        country: law.country,
        debtorType: input.debtorType,
        law,
        claimDueDate: invoice.dueDate,
      });
      for (const period of accrual.periods) {
        if (period.amount.amount === 0) continue;
        interest.push({
          invoiceNumber: invoice.number,
          from: period.from,
          through: addDays(period.to, -1),
          ratePercent: period.ratePercent,
          amount: period.amount,
        });
      }
    }
  }
  const principal = sumMoney(input.invoices.map((i) => i.outstanding), currency);
  const feesTotal = sumMoney(input.fees.map((f) => f.amount), currency);
  const interestTotal = sumMoney(interest.map((i) => i.amount), currency);
  return {
    currency,
    invoices: input.invoices,
    fees: input.fees,
    interest,
    principal,
    feesTotal,
    interestTotal,
    total: sumMoney([principal, feesTotal, interestTotal], currency),
  };
}
