import { formatMoney, type CurrencyCode, type PricingPlan } from '@collectkit/sdk';

/**
 * The price terms of a plan in plain sentences, as printed in the agreement the member signs.
 * Written from the plan's data so the PDF can never disagree with the quotes computed from it.
 */
export function planTerms(plan: PricingPlan, locale = 'en-GB'): string[] {
  const amounts = (byCurrency: Partial<Record<CurrencyCode, number>> | undefined) =>
    plan.currencies.map((currency) => formatMoney({ amount: byCurrency?.[currency] ?? 0, currency }, locale)).join(' / ');
  const terms: string[] = [];
  terms.push(`Registration fee per case, debtor in the Nordics: ${amounts(plan.registrationFee.nordics)} (ex VAT).`);
  const bands = plan.commission.byRegion.nordics ?? [];
  const commission = bands
    .map((band) => (band.upTo ? `${band.percent} % up to ${amounts(band.upTo)}` : `${band.percent} %${bands.length > 1 ? ' above' : ''}`))
    .join(', ');
  terms.push(`Success fee on collected principal, debtor in the Nordics: ${commission} (ex VAT).`);
  if (plan.commission.waivedInPhases.length > 0) {
    terms.push(`No success fee in the ${plan.commission.waivedInPhases.join(' and ')} phase.`);
  }
  if (plan.commission.ageSurcharge) {
    const { overdueMoreThanDays, percentagePoints } = plan.commission.ageSurcharge;
    terms.push(`Plus ${percentagePoints} percentage points when the oldest invoice is more than ${overdueMoreThanDays} days overdue.`);
  }
  if (plan.memberDiscount) terms.push(`Members get ${plan.memberDiscount.percentOffAgencyFees} % off the agency's fees.`);
  const recipient = (who: 'agency' | 'creditor') => (who === 'agency' ? 'kept by the agency' : 'paid out to you');
  terms.push(`Statutory costs paid by the debtor are ${recipient(plan.debtorPaid.costs)}; late-payment interest paid by the debtor is ${recipient(plan.debtorPaid.interest)}.`);
  if (plan.maxAgeDays) terms.push(`Invoices more than ${plan.maxAgeDays} days past due are accepted only after review.`);
  terms.push('Fees for other debtor regions, and VAT, are shown in each case\'s quote before you submit it.');
  return terms;
}
