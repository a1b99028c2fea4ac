import { assertIsoDate, type IsoDate } from '../calendar/index.js';
import type { CasePhase, PricingPlan } from '../contract/pricing-plan.js';
import { CollectkitInputError } from '../errors.js';
import { debtorCountry, isLawCountry } from '../law/jurisdiction.js';
import type { CountryCode, DebtorType } from '../law/types.js';
import { assertMoney, type Money } from '../money/index.js';

/**
 * What `quote()` computes with. A full `QuoteRequest` of the wire contract is one; so is the much
 * smaller input of the widget's calculator, which knows no debtor name or invoice number yet.
 *
 * Validated here with the SDK's own checks rather than the zod contract, so that the domain code a
 * browser bundles for the instant quote carries no schema library (the server validates the whole
 * request with `QuoteRequestSchema` at the wire, then calls the same `quote()`).
 */
export interface QuoteInput {
  readonly creditorCountry: CountryCode;
  readonly debtor: {
    readonly type: DebtorType;
    /** A company's country of registration; for a person, used when no address is given. */
    readonly country?: string | undefined;
    readonly address?: { readonly country: string } | undefined;
  };
  readonly invoices: readonly QuoteInvoice[];
  readonly member?: boolean | undefined;
  readonly discountCode?: string | undefined;
}

export interface QuoteInvoice {
  readonly number?: string | undefined;
  readonly issueDate?: IsoDate | undefined;
  readonly dueDate: IsoDate;
  readonly amount: Money;
  /** What is still unpaid, if less than the amount. */
  readonly outstanding?: Money | undefined;
}

const CASE_PHASES: readonly CasePhase[] = ['amicable', 'legal', 'surveillance'];

function fail(field: string, message: string, code: 'invalid_argument' | 'unsupported_country' = 'invalid_argument'): never {
  throw new CollectkitInputError(code, field, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks everything `quote()` reads; throws CollectkitInputError naming the first bad field. */
export function assertQuoteInput(value: unknown): QuoteInput {
  if (!isObject(value)) fail('(root)', 'expected a quote request object');
  const { creditorCountry, debtor, invoices, member, discountCode } = value;
  if (typeof creditorCountry !== 'string' || !isLawCountry(creditorCountry)) {
    fail('creditorCountry', 'expected one of DK, SE, NO, FI', 'unsupported_country');
  }
  if (!isObject(debtor)) fail('debtor', 'expected the debtor');
  if (debtor.type !== 'business' && debtor.type !== 'consumer') fail('debtor.type', 'expected business or consumer');
  if (debtor.country !== undefined && (typeof debtor.country !== 'string' || !/^[A-Z]{2}$/.test(debtor.country))) {
    fail('debtor.country', 'expected an ISO 3166-1 alpha-2 country code such as "DK"');
  }
  if (debtor.address !== undefined && (!isObject(debtor.address) || typeof debtor.address.country !== 'string')) {
    fail('debtor.address.country', 'expected an ISO 3166-1 alpha-2 country code such as "DK"');
  }
  if (!debtorCountry(debtor as QuoteInput['debtor'])) fail('debtor.country', "the debtor's country is needed");
  if (!Array.isArray(invoices) || invoices.length === 0) fail('invoices', 'at least one invoice is needed');
  let currency: string | undefined;
  invoices.forEach((invoice: unknown, index) => {
    const field = `invoices.${index}`;
    if (!isObject(invoice)) fail(field, 'expected an invoice');
    const amount = assertMoney(invoice.amount, `${field}.amount`);
    currency ??= amount.currency;
    if (amount.currency !== currency) {
      throw new CollectkitInputError(
        'currency_mismatch',
        `${field}.amount.currency`,
        `all invoices of a claim must be in one currency: expected ${currency}, got ${amount.currency}`,
      );
    }
    const dueDate = assertIsoDate(invoice.dueDate, `${field}.dueDate`);
    if (invoice.issueDate !== undefined && assertIsoDate(invoice.issueDate, `${field}.issueDate`) > dueDate) {
      fail(`${field}.dueDate`, `must not be before the issue date ${String(invoice.issueDate)}`);
    }
    if (invoice.outstanding !== undefined) {
      const outstanding = assertMoney(invoice.outstanding, `${field}.outstanding`);
      if (outstanding.currency !== amount.currency || outstanding.amount > amount.amount) {
        fail(`${field}.outstanding`, 'must be in the invoice currency and not above the invoice amount');
      }
    }
  });
  if (member !== undefined && typeof member !== 'boolean') fail('member', 'expected true or false');
  if (discountCode !== undefined && typeof discountCode !== 'string') fail('discountCode', 'expected text');
  return value as unknown as QuoteInput;
}

export function assertCasePhase(value: unknown, field = 'phase'): CasePhase {
  if (!CASE_PHASES.includes(value as CasePhase)) fail(field, `expected one of ${CASE_PHASES.join(', ')}`);
  return value as CasePhase;
}

/**
 * A cheap structural check of a plan's parts that quote and payout read. The full semantic
 * validation (bands rising, an amount in every currency) is `PricingPlanSchema`, applied where a
 * plan enters the system (the server's configuration); the shipped plans pass it in the tests.
 */
export function assertPricingPlan(plan: unknown, field = 'plan'): PricingPlan {
  if (!isObject(plan)) fail(field, 'expected a pricing plan');
  if (typeof plan.id !== 'string' || plan.id === '') fail(`${field}.id`, 'expected the plan id');
  if (!Array.isArray(plan.currencies) || plan.currencies.length === 0) fail(`${field}.currencies`, 'expected one or more currencies');
  if (!isObject(plan.registrationFee)) fail(`${field}.registrationFee`, 'expected fees by region');
  if (!isObject(plan.commission) || !isObject(plan.commission.byRegion)) fail(`${field}.commission.byRegion`, 'expected bands by region');
  if (!isObject(plan.debtorPaid)) fail(`${field}.debtorPaid`, 'expected who keeps costs and interest the debtor pays');
  if (!Number.isSafeInteger(plan.limitationWarningDays) || (plan.limitationWarningDays as number) < 0) {
    fail(`${field}.limitationWarningDays`, 'expected a whole number of days, 0 or more');
  }
  return plan as unknown as PricingPlan;
}
