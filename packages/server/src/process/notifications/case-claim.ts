import { debtorCountry, isLawCountry, lawFor, type CurrencyCode, type IsoDate, type LawPack } from '@collectkit/sdk';
import { caseInvoices, type CaseInvoiceRow, type CaseRow } from '../../store/cases.js';
import type { Queryable } from '../../store/database.js';
import { listPayments } from '../../store/payments.js';
import { specifyClaim, type ClaimSpecification, type SpecifiedFee } from './claim-specification.js';

export interface CaseClaimOptions {
  /** The fees the case carries (dunning-state.ts feesOf), plus any a step is adding now. */
  readonly fees: readonly SpecifiedFee[];
  /** Interest runs up to, not including, this day. */
  readonly interestUntil: IsoDate;
  /** The debtor's law pack; default lawFor(country) carrying the last known rate forward. */
  readonly law?: LawPack;
  /** The case's invoices where the caller has read them already (the scheduler's batch read). */
  readonly invoices?: readonly CaseInvoiceRow[];
}

/**
 * A case's claim as its letters, receipts and claim files specify it on a day: its invoices, the fees
 * given, interest to `interestUntil` by the debtor's law, and the payments registered so far (their
 * principal parts stop interest on what they paid). One place, so that every document shows the same sums.
 */
export async function specifyCaseClaim(tx: Queryable, row: CaseRow, options: CaseClaimOptions): Promise<ClaimSpecification> {
  const currency = row.currency as CurrencyCode;
  const country = debtorCountry(row.debtor);
  const [invoices, payments] = await Promise.all([
    options.invoices ?? caseInvoices(tx, row.association_id, row.id),
    listPayments(tx, row.association_id, row.id),
  ]);
  const law = options.law ?? (isLawCountry(country) ? lawFor(country, { carryForwardLastRate: true }) : undefined);
  return specifyClaim({
    currency,
    invoices: invoices.map((i) => ({ number: i.number, dueDate: i.due_date, outstanding: { amount: i.outstanding, currency } })),
    fees: options.fees,
    country,
    debtorType: row.debtor.type,
    interestUntil: options.interestUntil,
    ...(law ? { law } : {}),
    payments: payments.map((p) => ({ receivedOn: p.received_on, amount: { amount: p.amount, currency }, appliedToPrincipal: { amount: p.applied_principal, currency } })),
  });
}
