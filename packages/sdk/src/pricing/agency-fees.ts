import type { CasePhase, PricingPlan, Region } from '../contract/pricing-plan.js';
import type { QuoteLine } from '../contract/quote.js';
import { CollectkitInputError } from '../errors.js';
import {
  addDecimals,
  assertMoney,
  parseDecimal,
  percentOf,
  type CurrencyCode,
  type DecimalString,
  type Money,
} from '../money/index.js';

/**
 * The agency's fees under a plan: which commission rate applies, which discount, and the fee lines
 * (fee, discount, VAT) whose total is exactly the sum of the lines. Shared by `quote()` and
 * `payoutStatement()`, so the instant quote and the payout never compute a fee two ways.
 */

/** A plan amount in `currency`; a plan without prices in that currency is an error, never converted. */
export function planAmount(
  amounts: Partial<Record<CurrencyCode, number>>,
  currency: CurrencyCode,
  plan: Pick<PricingPlan, 'id' | 'currencies'>,
  field: string,
): Money {
  const amount = amounts[currency];
  if (amount === undefined) {
    throw new CollectkitInputError(
      'unsupported_currency',
      field,
      `plan "${plan.id}" has no prices in ${currency} (it prices in ${plan.currencies.join(', ')}); no exchange rate is applied`,
    );
  }
  return { amount, currency };
}

/** Throws unless the plan prices in `currency` (the claim's currency). */
export function assertPlanCurrency(plan: Pick<PricingPlan, 'id' | 'currencies'>, currency: CurrencyCode, field: string): void {
  if (!plan.currencies.includes(currency)) planAmount({}, currency, plan, field);
}

export interface CommissionTerms {
  /** Rate applied before any discount: band rate + age surcharge; "0" where waived. */
  readonly percent: DecimalString;
  readonly basePercent: DecimalString;
  readonly surchargePoints: DecimalString;
  /** True where the plan charges no commission in this phase. */
  readonly waived: boolean;
}

export interface CommissionCase {
  readonly region: Region;
  /** The claim's principal: selects the amount band. */
  readonly claimPrincipal: Money;
  /** Days the oldest invoice is overdue (at the quote / on submission): selects the age surcharge. */
  readonly oldestDaysOverdue: number;
  readonly phase: CasePhase;
}

/**
 * The commission rate of a case: the region's band that the claim's principal falls in (≤ upTo),
 * plus the age surcharge in percentage points when the oldest invoice is more than N days overdue.
 * The band is chosen by the whole claim, not applied progressively (RULES.md §7 gives "≤/> SEK 26,500").
 */
export function commissionTerms(plan: PricingPlan, c: CommissionCase): CommissionTerms {
  const bands = plan.commission.byRegion[c.region];
  let basePercent: DecimalString = '0';
  for (const [index, band] of bands.entries()) {
    const upTo = band.upTo ? planAmount(band.upTo, c.claimPrincipal.currency, plan, `plan.commission.byRegion.${c.region}.${index}.upTo`) : null;
    if (upTo === null || c.claimPrincipal.amount <= upTo.amount) {
      basePercent = band.percent;
      break;
    }
  }
  const surcharge = plan.commission.ageSurcharge;
  const surchargePoints = surcharge && c.oldestDaysOverdue > surcharge.overdueMoreThanDays ? surcharge.percentagePoints : '0';
  if (plan.commission.waivedInPhases.includes(c.phase)) {
    return { percent: '0', basePercent, surchargePoints: '0', waived: true };
  }
  return { percent: addDecimals(basePercent, surchargePoints), basePercent, surchargePoints, waived: false };
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`; exact on decimal strings. */
export function compareDecimals(a: DecimalString, b: DecimalString): number {
  const x = parseDecimal(a, 'a');
  const y = parseDecimal(b, 'b');
  const scale = Math.max(x.scale, y.scale);
  const left = BigInt(x.amount) * 10n ** BigInt(scale - x.scale);
  const right = BigInt(y.amount) * 10n ** BigInt(scale - y.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Percent off agency fees: the member discount for members, a discount code's percent for its
 * code; with both, the larger (they do not add up). An unknown code is an input error.
 */
export function discountPercent(
  plan: PricingPlan,
  options: { readonly member?: boolean | undefined; readonly discountCode?: string | undefined },
): DecimalString {
  let percent: DecimalString = '0';
  if (options.member && plan.memberDiscount) percent = plan.memberDiscount.percentOffAgencyFees;
  if (options.discountCode !== undefined) {
    const codes = plan.discountCodes ?? {};
    if (!Object.hasOwn(codes, options.discountCode)) {
      throw new CollectkitInputError('invalid_argument', 'discountCode', `"${options.discountCode}" is not a discount code of plan "${plan.id}"`);
    }
    const codePercent = codes[options.discountCode]!;
    if (compareDecimals(codePercent, percent) > 0) percent = codePercent;
  }
  return percent;
}

export interface FeeLines {
  readonly lines: QuoteLine[];
  /** Fee − discount, before VAT. */
  readonly net: Money;
  readonly vat: Money;
  /** net + VAT = the sum of the lines. */
  readonly total: Money;
}

/**
 * An agency fee ex VAT as lines: the fee (`code`, at `feePercent` where it is a rate), the discount
 * (negative, omitted at 0 %) and VAT on what remains. Each step rounds half up to the minor unit,
 * and the total is the sum of the rounded lines.
 */
export function feeLines(
  code: 'registration_fee' | 'commission',
  fee: Money,
  discount: DecimalString,
  vatPercent: DecimalString,
  feePercent?: DecimalString,
): FeeLines {
  const lines: QuoteLine[] = [{ code, amount: fee, ...(feePercent !== undefined ? { percent: feePercent } : {}) }];
  let net = fee;
  if (compareDecimals(discount, '0') > 0) {
    const off = percentOf(fee, discount);
    lines.push({ code: 'discount', amount: { amount: -off.amount, currency: fee.currency }, percent: discount });
    net = { amount: fee.amount - off.amount, currency: fee.currency };
  }
  const vat = percentOf(net, vatPercent);
  lines.push({ code: 'vat', amount: vat, percent: vatPercent });
  return { lines, net, vat, total: { amount: net.amount + vat.amount, currency: fee.currency } };
}

/**
 * What withdrawing a case costs the creditor under the plan in `phase`, ex VAT: a fixed amount or a
 * percentage of what is still outstanding; null where the plan charges none in that phase.
 */
export function withdrawalFee(plan: PricingPlan, phase: CasePhase, outstanding: Money): Money | null {
  assertMoney(outstanding, 'outstanding');
  const rule = plan.withdrawalFee;
  if (!rule || !rule.phases.includes(phase)) return null;
  if (rule.fee.kind === 'fixed') return planAmount(rule.fee.amounts, outstanding.currency, plan, 'plan.withdrawalFee.fee.amounts');
  return percentOf(outstanding, rule.fee.percent);
}
