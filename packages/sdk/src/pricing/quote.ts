import { addDays, assertIsoDate, daysBetween, type IsoDate } from '../calendar/index.js';
import type { CasePhase, PricingPlan } from '../contract/pricing-plan.js';
import type { Quote, QuoteLine, QuoteSection, QuoteWarning } from '../contract/quote.js';
import { debtorCountry, isLawCountry } from '../law/jurisdiction.js';
import { assertCasePhase, assertPricingPlan, assertQuoteInput, type QuoteInput } from './quote-input.js';
import { CollectkitInputError, isCollectkitInputError } from '../errors.js';
import { lawFor } from '../law/index.js';
import type { CountryCode, LawPack } from '../law/types.js';
import { accrueInterest } from '../ledger/interest.js';
import { computePayout } from '../ledger/payout.js';
import type { CurrencyCode, Money } from '../money/index.js';
import { assertPlanCurrency, commissionTerms, discountPercent, feeLines, planAmount } from './agency-fees.js';
import { statutoryCostLines } from './debtor-costs.js';
import { regionOf } from './regions.js';
import { vatRateOnAgencyFees } from './vat.js';

/**
 * The instant, non-binding quote (DESIGN.md §5): what submitting a claim costs the creditor, what
 * the debtor's law lets the case claim, and what reaches the creditor if the debtor pays in full.
 * The same function runs in the widget and on the server, which recomputes and locks it on
 * submission.
 *
 * Currency: a plan prices in the currencies it lists; the quote is in the claim's currency, and a
 * plan without prices in it is an input error (`unsupported_currency`). Statutory fees are in the
 * law pack's currency; on a claim in another currency (a Danish debtor invoiced in EUR) they are
 * left out with a `fees_in_other_currency` warning. No exchange rate is ever applied.
 *
 * Speed: the request is validated once with the contract's schema; the loop over invoices then uses
 * integer minor units and one map entry per distinct due date (interest is accrued once per due
 * date on the sum of the invoices falling due that day, so rounding is per due date, not per invoice).
 */

export interface QuoteOptions {
  /** The date the quote is for: sets rates, fees, ages and the interest period end. */
  readonly asOf: IsoDate;
  /** The phase whose commission terms are quoted; default `amicable`. */
  readonly phase?: CasePhase;
  /** The law pack of a country; default `lawFor` (inject one built with overrides). */
  readonly law?: (country: CountryCode) => LawPack;
}

/** Validates what it computes with (`assertQuoteInput`, `assertPricingPlan`), then quotes. */
export function quote(request: unknown, plan: PricingPlan, options: QuoteOptions): Quote {
  if (typeof options !== 'object' || options === null) {
    throw new CollectkitInputError('invalid_argument', 'options', 'expected { asOf }');
  }
  const asOf = assertIsoDate(options.asOf, 'asOf');
  const phase = assertCasePhase(options.phase ?? 'amicable');
  const parsed = assertQuoteInput(request);
  const checkedPlan = assertPricingPlan(plan);
  return quoteValidated(parsed, checkedPlan, asOf, phase, options.law ?? lawFor);
}

function section(lines: QuoteLine[], currency: CurrencyCode): QuoteSection {
  let total = 0;
  for (const line of lines) total += line.amount.amount;
  return { lines, total: { amount: total, currency } };
}

function quoteValidated(
  request: QuoteInput,
  plan: PricingPlan,
  asOf: IsoDate,
  phase: CasePhase,
  lawOf: (country: CountryCode) => LawPack,
): Quote {
  const { invoices, debtor } = request;
  const currency = invoices[0]!.amount.currency;
  assertPlanCurrency(plan, currency, 'invoices.0.amount.currency');
  const m = (amount: number): Money => ({ amount, currency });

  const country = debtorCountry(debtor);
  const debtorType = debtor.type;
  const lawCountry = isLawCountry(country) ? country : null;
  const law = lawCountry ? lawOf(lawCountry) : null;
  const warnings: QuoteWarning[] = [];

  // Thresholds as dates, computed once: an invoice is too old when its due date is before
  // `ageCutoff`, limitation is near when its limitation date is on or before `nearCutoff`.
  const ageCutoff = plan.maxAgeDays === undefined ? null : addDays(asOf, -plan.maxAgeDays);
  const nearCutoff = addDays(asOf, plan.limitationWarningDays);
  const limitationByDueDate = new Map<IsoDate, IsoDate>();
  const owedByDueDate = new Map<IsoDate, number>();

  let principal = 0;
  let overdueInvoices = 0;
  let oldestDueDate: IsoDate | undefined;
  let limitationKnown = true;
  for (let index = 0; index < invoices.length; index++) {
    const invoice = invoices[index]!;
    const owed = (invoice.outstanding ?? invoice.amount).amount;
    principal += owed;
    if (owed === 0) continue; // settled invoices carry no fees, interest or warnings
    const due = invoice.dueDate;
    if (oldestDueDate === undefined || due < oldestDueDate) oldestDueDate = due;
    if (due < asOf) {
      overdueInvoices++;
      owedByDueDate.set(due, (owedByDueDate.get(due) ?? 0) + owed);
    }
    if (ageCutoff !== null && due < ageCutoff) {
      warnings.push({
        code: 'older_than_max_age',
        message: `due ${due}, more than ${plan.maxAgeDays} days before ${asOf}`,
        invoice: invoice.number,
        index,
      });
    }
    if (law && limitationKnown) {
      let barred = limitationByDueDate.get(due);
      if (barred === undefined) {
        try {
          barred = law.limitationDate(due, debtorType);
        } catch (error) {
          if (!isCollectkitInputError(error) || error.code !== 'law_data_missing') throw error;
          limitationKnown = false;
          warnings.push({ code: 'limitation_unknown', message: `limitation not checked: ${error.message}` });
          continue;
        }
        limitationByDueDate.set(due, barred);
      }
      if (barred <= asOf) {
        warnings.push({ code: 'limitation_passed', message: `time-barred since ${barred} (${law.country} law)`, invoice: invoice.number, index, date: barred });
      } else if (barred <= nearCutoff) {
        warnings.push({ code: 'limitation_near', message: `time-barred on ${barred} (${law.country} law)`, invoice: invoice.number, index, date: barred });
      }
    }
  }
  if (!Number.isSafeInteger(principal)) {
    throw new CollectkitInputError('invalid_amount', 'invoices', 'the invoices add up to more than can be computed exactly');
  }
  const claimPrincipal = m(principal);
  const oldest = oldestDueDate ?? invoices[0]!.dueDate;

  if (plan.minimumClaim) {
    const minimum = planAmount(plan.minimumClaim, currency, plan, 'plan.minimumClaim');
    if (principal < minimum.amount) {
      warnings.push({ code: 'below_minimum', message: `the claim is below the plan's minimum of ${minimum.amount} minor units of ${currency}` });
    }
  }

  // What the debtor owes: principal, statutory costs, interest to asOf.
  const owes: QuoteLine[] = [{ code: 'principal', amount: claimPrincipal }];
  let costs = 0;
  let interest = 0;
  if (!law) {
    warnings.push({ code: 'law_not_covered', message: `no law pack for ${country}: no statutory costs, interest or limitation computed` });
  } else if (law.currency !== currency) {
    warnings.push({
      code: 'fees_in_other_currency',
      message: `${law.country} statutory fees are in ${law.currency}, the claim is in ${currency}: not added (no exchange rate)`,
    });
  } else {
    const statutory = statutoryCostLines(law, { principal: claimPrincipal, debtorType, overdueInvoices, asOf });
    for (const line of statutory.lines) {
      owes.push(line);
      costs += line.amount.amount;
    }
    for (const message of statutory.unknown) warnings.push({ code: 'statutory_cost_unknown', message: `left out: ${message}` });
  }
  if (law) {
    let assumedRate = false;
    try {
      for (const [due, owed] of owedByDueDate) {
        // Interest runs from the day after the due date (renteloven § 3; ledger/interest.ts) up to asOf.
        const from = addDays(due, 1);
        const accrual = accrueInterest({ principal: m(owed), from, to: asOf, country: law.country, debtorType, law, claimDueDate: due });
        interest += accrual.total.amount;
        if (!assumedRate && accrual.periods.some((period) => period.assumed)) assumedRate = true;
      }
      if (assumedRate) {
        warnings.push({ code: 'interest_rate_assumed', message: `interest past ${law.country}'s known rates uses the last known rate` });
      }
      if (interest > 0) owes.push({ code: 'interest', amount: m(interest) });
    } catch (error) {
      if (!isCollectkitInputError(error) || error.code !== 'law_data_missing') throw error;
      interest = 0;
      warnings.push({ code: 'interest_rate_unknown', message: `interest not included: ${error.message}` });
    }
  }

  // What the creditor pays: registration fee (less discount) + VAT by the creditor's country.
  const region = regionOf(country, plan);
  const vat = vatRateOnAgencyFees(request.creditorCountry, asOf).value;
  const discount = discountPercent(plan, { member: request.member, discountCode: request.discountCode });
  const registration = planAmount(plan.registrationFee[region], currency, plan, `plan.registrationFee.${region}`);
  const creditorPays = feeLines('registration_fee', registration, discount, vat);

  // Commission if paid in full, through the same payout computation a real payment goes through.
  const oldestDaysOverdue = Math.max(0, daysBetween(oldest, asOf));
  const terms = commissionTerms(plan, { region, claimPrincipal, oldestDaysOverdue, phase });
  const payout = computePayout({ principal: claimPrincipal, interest: m(interest), costs: m(costs) }, plan, terms, discount, vat, phase);

  const net: QuoteLine[] = [{ code: 'principal', amount: claimPrincipal }];
  if (plan.debtorPaid.costs === 'creditor' && costs > 0) net.push({ code: 'costs', amount: m(costs) });
  if (plan.debtorPaid.interest === 'creditor' && interest > 0) net.push({ code: 'interest', amount: m(interest) });
  net.push({ code: 'commission_incl_vat', amount: m(-payout.agencyFees.total.amount) });
  net.push({ code: 'registration_incl_vat', amount: m(-creditorPays.total.amount) });

  return {
    planId: plan.id,
    currency,
    asOf,
    phase,
    debtor: { type: debtorType, country, region, lawCountry },
    invoiceCount: invoices.length,
    principal: claimPrincipal,
    oldestDueDate: oldest,
    creditorPays: section(creditorPays.lines, currency),
    commission: { ...section(payout.agencyFees.lines, currency), ...terms },
    debtorOwes: section(owes, currency),
    expectedNetToCreditor: section(net, currency),
    warnings,
  };
}
