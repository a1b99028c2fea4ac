import { assertIsoDate, type IsoDate } from '../calendar/index.js';
import type { CasePhase, PricingPlan } from '../contract/pricing-plan.js';
import type { QuoteLine } from '../contract/quote.js';
import { assertCasePhase, assertPricingPlan } from '../pricing/quote-input.js';
import { CollectkitInputError } from '../errors.js';
import type { CountryCode } from '../law/types.js';
import { assertMoney, isDecimalString, percentOf, type DecimalString, type Money } from '../money/index.js';
import {
  commissionTerms,
  discountPercent,
  feeLines,
  type CommissionTerms,
} from '../pricing/agency-fees.js';
import { regionOf } from '../pricing/regions.js';
import { vatRateOnAgencyFees } from '../pricing/vat.js';

/**
 * The payout statement: what the agency collected from the debtor per component, what it keeps
 * (its commission + VAT, and the costs and interest the plan gives it) and what it pays the
 * creditor (DESIGN.md §5). For every component collected = keptByAgency + paidToCreditor, exactly.
 *
 * The agency's fee (commission − discount + VAT) is deducted from what would otherwise go to the
 * creditor: first the principal, then interest and costs where those go to the creditor. It can
 * never exceed what was collected for the creditor: any excess is not deducted but invoiced to the
 * creditor separately and reported as `invoicedToCreditor`. With commission a percentage of the
 * collected principal this happens only for rates above 100 / (1 + VAT) % (80 % at 25 % VAT), e.g. a
 * mistyped locked rate; the rule guarantees that no statement ever pays out a negative amount.
 */

export interface CollectedAmounts {
  readonly principal: Money;
  readonly interest: Money;
  readonly costs: Money;
}

export interface PayoutInput {
  /** What the debtor paid, as allocated to each component. */
  readonly collected: CollectedAmounts;
  readonly plan: PricingPlan;
  /** Sets the VAT on the agency's fees. */
  readonly creditorCountry: CountryCode;
  /** ISO country of the debtor: selects the commission region. */
  readonly debtorCountry: string;
  /** Date of the statement: selects the VAT rate. */
  readonly asOf: IsoDate;
  /** Default `amicable`. */
  readonly phase?: CasePhase;
  readonly member?: boolean;
  readonly discountCode?: string;
  /** The claim's principal (selects the amount band); default the collected principal. */
  readonly claimPrincipal?: Money;
  /** Days the oldest invoice was overdue when the case was submitted (age surcharge); default 0. */
  readonly oldestInvoiceDaysOverdue?: number;
  /** The commission rate locked in the quote on submission; replaces band and surcharge lookup. */
  readonly commissionPercent?: DecimalString;
}

export interface PayoutComponent {
  readonly collected: Money;
  readonly keptByAgency: Money;
  readonly paidToCreditor: Money;
}

export interface PayoutStatement {
  readonly currency: Money['currency'];
  readonly phase: CasePhase;
  readonly components: { readonly principal: PayoutComponent; readonly interest: PayoutComponent; readonly costs: PayoutComponent };
  /** The agency's fee on this collection: commission (at `commission.percent`), discount, VAT. */
  readonly agencyFees: { readonly lines: QuoteLine[]; readonly commission: CommissionTerms; readonly total: Money };
  /** The part of the agency's fee deducted from the collection. */
  readonly deductedFromCollection: Money;
  /** The part of the agency's fee that exceeded what could be deducted: invoiced to the creditor. */
  readonly invoicedToCreditor: Money;
  readonly totals: PayoutComponent;
}

const COMPONENTS = ['principal', 'interest', 'costs'] as const;

/** Validates the input once, then computes the statement (see the module comment). */
export function payoutStatement(input: PayoutInput): PayoutStatement {
  if (typeof input !== 'object' || input === null) {
    throw new CollectkitInputError('invalid_argument', 'input', 'expected { collected, plan, creditorCountry, debtorCountry, asOf }');
  }
  const plan = assertPricingPlan(input.plan);
  const collected = checkCollected(input.collected);
  const currency = collected.principal.currency;
  const asOf = assertIsoDate(input.asOf, 'asOf');
  const phase = assertCasePhase(input.phase ?? 'amicable');
  const debtorCountry = input.debtorCountry;
  if (typeof debtorCountry !== 'string' || !/^[A-Z]{2}$/.test(debtorCountry)) {
    throw new CollectkitInputError('invalid_argument', 'debtorCountry', 'expected an ISO 3166-1 alpha-2 country code such as "DK"');
  }
  const claimPrincipal = input.claimPrincipal === undefined ? collected.principal : assertMoney(input.claimPrincipal, 'claimPrincipal');
  if (claimPrincipal.currency !== currency) {
    throw new CollectkitInputError('currency_mismatch', 'claimPrincipal.currency', `expected ${currency}`);
  }
  const days = input.oldestInvoiceDaysOverdue ?? 0;
  if (!Number.isSafeInteger(days)) {
    throw new CollectkitInputError('invalid_argument', 'oldestInvoiceDaysOverdue', 'expected a whole number of days');
  }
  let terms = commissionTerms(plan, { region: regionOf(debtorCountry, plan), claimPrincipal, oldestDaysOverdue: days, phase });
  if (input.commissionPercent !== undefined) {
    if (!isDecimalString(input.commissionPercent) || input.commissionPercent.startsWith('-')) {
      throw new CollectkitInputError('invalid_argument', 'commissionPercent', 'expected a non-negative decimal string such as "10.5"');
    }
    if (!terms.waived) terms = { ...terms, percent: input.commissionPercent };
  }
  const discount = discountPercent(plan, { member: input.member, discountCode: input.discountCode });
  const vat = vatRateOnAgencyFees(input.creditorCountry, asOf).value;
  return computePayout(collected, plan, terms, discount, vat, phase);
}

function checkCollected(value: unknown): CollectedAmounts {
  if (typeof value !== 'object' || value === null) {
    throw new CollectkitInputError('invalid_argument', 'collected', 'expected { principal, interest, costs }');
  }
  const raw = value as Record<string, unknown>;
  const principal = assertMoney(raw['principal'], 'collected.principal');
  const result = { principal, interest: assertMoney(raw['interest'], 'collected.interest'), costs: assertMoney(raw['costs'], 'collected.costs') };
  for (const component of COMPONENTS) {
    if (result[component].currency !== principal.currency) {
      throw new CollectkitInputError('currency_mismatch', `collected.${component}.currency`, `expected ${principal.currency}`);
    }
  }
  return result;
}

/**
 * The statement from validated input. Commission is a percentage of collected principal only;
 * amounts are integer minor units, so every subtraction is exact.
 */
export function computePayout(
  collected: CollectedAmounts,
  plan: PricingPlan,
  terms: CommissionTerms,
  discount: DecimalString,
  vatPercent: DecimalString,
  phase: CasePhase,
): PayoutStatement {
  const currency = collected.principal.currency;
  const m = (amount: number): Money => ({ amount, currency });
  // percentOf rounds half up to the minor unit, on dinero (no float).
  const commission = percentOf(collected.principal, terms.percent);
  const fees = feeLines('commission', commission, discount, vatPercent, terms.percent);

  const toAgency = {
    principal: 0,
    interest: plan.debtorPaid.interest === 'agency' ? collected.interest.amount : 0,
    costs: plan.debtorPaid.costs === 'agency' ? collected.costs.amount : 0,
  };
  // The fee comes out of what would go to the creditor: principal first, then interest, then costs.
  let feeLeft = fees.total.amount;
  const deducted = { principal: 0, interest: 0, costs: 0 };
  for (const component of COMPONENTS) {
    const available = collected[component].amount - toAgency[component];
    const take = Math.min(feeLeft, available);
    deducted[component] = take;
    feeLeft -= take;
  }
  const component = (name: (typeof COMPONENTS)[number]): PayoutComponent => {
    const kept = toAgency[name] + deducted[name];
    return { collected: collected[name], keptByAgency: m(kept), paidToCreditor: m(collected[name].amount - kept) };
  };
  const components = { principal: component('principal'), interest: component('interest'), costs: component('costs') };
  const sum = (pick: (c: PayoutComponent) => Money) => m(COMPONENTS.reduce((total, name) => total + pick(components[name]).amount, 0));
  return {
    currency,
    phase,
    components,
    agencyFees: { lines: fees.lines, commission: terms, total: fees.total },
    deductedFromCollection: m(fees.total.amount - feeLeft),
    invoicedToCreditor: m(feeLeft),
    totals: { collected: sum((c) => c.collected), keptByAgency: sum((c) => c.keptByAgency), paidToCreditor: sum((c) => c.paidToCreditor) },
  };
}
