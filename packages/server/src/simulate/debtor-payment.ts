import { formatMoney, isLawCountry, type ClaimBalances, type Currency, type IsoDate, type Money, type Payment, type Payout } from '@collectkit/sdk';
import { writeCamt054 } from '../process/bank-files/camt054-writer.js';
import { CATALOGUES } from '../process/notifications/catalogue/index.js';
import type { AgencyProfile } from '../process/notifications/agency-profile.js';
import { paymentInstructionsFor } from '../process/notifications/payment-instructions.js';
import { claimBalancesOn, type CaseClaim } from '../process/payment-allocation.js';
import { expect, type Api } from './api.js';
import { caseEventsAfter } from './steps.js';

/**
 * `simulate --debtor-pays-on-day N`: on that simulated day the demo debtor pays the whole claim —
 * principal, costs and the interest accrued to that day — the way a debtor does: by bank transfer
 * quoting the case's payment reference, which reaches the agency as a camt.054 file and is imported
 * (POST /v1/payments/imports), matched and allocated like any payment. Then the operator pays the
 * member out (POST /v1/cases/:id/payouts).
 */

/**
 * What the debtor owes on `on`, from what the API shows (the case, its fee events and its payments):
 * the ledger's own claimBalancesOn over the same inputs register-payment.ts gives it.
 */
export async function claimOwedOn(api: Api, bearer: string, caseId: string, on: IsoDate): Promise<ClaimBalances> {
  const view = expect(await api('GET', `/v1/cases/${caseId}`, { bearer }), 200, 'reading the demo case');
  const currency = view.currency as Currency;
  const costs = (await caseEventsAfter(api, bearer, caseId, '0'))
    .filter((event) => event.type === 'fee.added')
    .reduce((sum, event) => sum + (event.data.amount as Money).amount, 0);
  const lawCountry = view.quote.debtor.lawCountry;
  const claim: CaseClaim = {
    currency,
    invoices: (view.invoices as { dueDate: IsoDate; amount: Money }[]).map((invoice) => ({ dueDate: invoice.dueDate, principal: invoice.amount.amount })),
    costs,
    lawCountry: isLawCountry(lawCountry) ? lawCountry : null,
    debtorType: view.quote.debtor.type,
  };
  const payments = expect(await api('GET', `/v1/cases/${caseId}/payments`, { bearer }), 200, 'reading the demo case\'s payments').data as Payment[];
  const previous = payments.map((p) => ({
    received_on: p.receivedOn,
    interest_accrued: p.interestAccrued.amount,
    applied_costs: p.applied.costs.amount,
    applied_interest: p.applied.interest.amount,
    applied_principal: p.applied.principal.amount,
  }));
  return claimBalancesOn(claim, previous, on).before;
}

export interface DebtorPaid {
  stage: string;
  amount: Money;
  reference: string;
}

/** The debtor's bank transfer of the whole claim, imported as the bank's camt.054 file; refuses to go on if it did not settle the case. */
export async function debtorPaysInFull(api: Api, bearer: string, caseId: string, today: IsoDate, agency: AgencyProfile, now: Date): Promise<DebtorPaid | { skipped: string }> {
  const view = expect(await api('GET', `/v1/cases/${caseId}`, { bearer }), 200, 'reading the demo case');
  if (['paid', 'paid_out', 'closed', 'withdrawn'].includes(view.stage)) return { skipped: `the case is already ${view.stage}: the debtor does not pay` };
  const owed = await claimOwedOn(api, bearer, caseId, today);
  const amount = owed.costs.amount + owed.interest.amount + owed.principal.amount;
  // The reference printed on the case's letters (payment-instructions.ts): FIK +71 for a Danish debtor.
  const { reference } = paymentInstructionsFor(view.debtor.country, view.number, agency, CATALOGUES.en);
  const bankReference = `DEMO-${view.number}-${today}`;
  const file = writeCamt054(
    { iban: agency.bank.iban },
    [{ amount, currency: view.currency, bookedOn: today, bankReference, reference, payerName: view.debtor.name }],
    { id: `DEMO-${today.replace(/-/g, '')}-${view.number}`, createdAt: now },
  );
  const imported = expect(
    await api('POST', '/v1/payments/imports', { bearer, file: { filename: `camt054-${today}.xml`, contentType: 'application/xml', content: file } }),
    200,
    'importing the debtor\'s payment (camt.054)',
  );
  const entry = imported.entries[0];
  if (entry?.outcome !== 'registered' || entry.caseId !== caseId) {
    throw new Error(`the debtor's payment was not matched to case ${view.number}: ${entry?.outcome ?? 'no entry'}${entry?.reason ? ` (${entry.reason})` : ''}`);
  }
  if (entry.caseStage !== 'paid') throw new Error(`the debtor paid ${formatMoney({ amount, currency: view.currency }, 'en-GB')} but case ${view.number} is ${entry.caseStage}, not paid`);
  return { stage: entry.caseStage, amount: { amount, currency: view.currency }, reference };
}

/** The operator pays out what was collected, with the agency's invoice (POST /v1/cases/:id/payouts). */
export async function payOut(api: Api, bearer: string, caseId: string): Promise<Payout> {
  return expect(await api('POST', `/v1/cases/${caseId}/payouts`, { bearer }), 201, 'paying the member out') as Payout;
}

/** The payout statement as a small table: what was collected of each part, what the agency kept, what the member gets. */
export function formatPayoutStatement(caseNumber: string, payout: Payout): string {
  const s = payout.statement;
  const m = (value: Money) => formatMoney(value, 'en-GB');
  const row = (label: string, c: { collected: Money; keptByAgency: Money; paidToCreditor: Money }) =>
    `  ${label.padEnd(12)}${m(c.collected).padStart(18)}${m(c.keptByAgency).padStart(22)}${m(c.paidToCreditor).padStart(22)}`;
  const fees = s.agencyFees.lines.map((line) => `${line.code}${line.percent ? ` ${line.percent} %` : ''} ${m(line.amount)}`).join(', ');
  return [
    `Payout statement, case ${caseNumber}, ${payout.asOf}:`,
    `  ${''.padEnd(12)}${'collected'.padStart(18)}${'kept by the agency'.padStart(22)}${'paid to the member'.padStart(22)}`,
    row('principal', s.components.principal),
    row('interest', s.components.interest),
    row('costs', s.components.costs),
    row('total', s.totals),
    `  The agency's fees: ${fees || 'none'}${payout.invoice ? ` (invoice ${payout.invoice.number}, ${m(payout.invoice.total)})` : ''}`,
    ...(s.invoicedToCreditor.amount > 0 ? [`  Invoiced to the member beyond the collection: ${m(s.invoicedToCreditor)}`] : []),
  ].join('\n');
}
