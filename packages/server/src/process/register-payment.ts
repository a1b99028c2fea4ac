import { canTransition, type CaseStage, type Currency, type IsoDate, type Money, type Payment, type PaymentMethod } from '@collectkit/sdk';
import { caseInvoices, updateCase, type CaseRow } from '../store/cases.js';
import type { Queryable } from '../store/database.js';
import { appendEvent } from '../store/events.js';
import { caseCosts, insertPayment, listPayments, type PaymentRow } from '../store/payments.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import { allocateNextPayment, type CaseClaim } from './payment-allocation.js';
import { queuePaymentReceipt } from './notifications/payment-receipt.js';

/**
 * Registers one debtor payment on one case: the one code path for the operator's
 * `POST /v1/cases/:id/payments` and the bank-file import (http/payment-imports.ts). It allocates
 * the payment with the ledger (payment-allocation.ts), stores it, reduces the case's outstanding,
 * moves a settled case to `paid`, queues the debtor's receipt, appends the case events and queues
 * the webhooks — all in the caller's transaction, with the case row locked by the caller.
 */

export function paymentView(row: PaymentRow): Payment {
  const currency = row.currency as Currency;
  const m = (amount: number) => ({ amount, currency });
  return {
    id: row.id,
    caseId: row.case_id,
    amount: m(row.amount),
    receivedOn: row.received_on,
    reference: row.reference,
    method: row.method,
    interestAccrued: m(row.interest_accrued),
    applied: { costs: m(row.applied_costs), interest: m(row.applied_interest), principal: m(row.applied_principal) },
    balanceAfter: { costs: m(row.after_costs), interest: m(row.after_interest), principal: m(row.after_principal) },
    overpayment: m(row.overpayment),
    createdAt: row.created_at.toISOString(),
  };
}

/** What the case claims, for the ledger: its invoices (each accrues interest from its own due date) and its costs. */
export async function caseClaim(db: Queryable, row: CaseRow): Promise<CaseClaim> {
  const invoices = await caseInvoices(db, row.association_id, row.id);
  return {
    currency: row.currency as Currency,
    invoices: invoices.map((invoice) => ({ dueDate: invoice.due_date, principal: invoice.outstanding })),
    costs: await caseCosts(db, row.association_id, row.id, row.currency),
    lawCountry: row.quote.debtor.lawCountry,
    debtorType: row.quote.debtor.type,
  };
}

export interface PaymentToRegister {
  amount: Money;
  receivedOn: IsoDate;
  reference: string | null;
  method: PaymentMethod;
}

/** Why the payment cannot be registered on the case; `field` names the request field for a 400. */
export interface PaymentRefusal {
  reason: 'currency_mismatch' | 'future_date' | 'dated_before_last_payment';
  field: 'amount.currency' | 'receivedOn';
  message: string;
}

export type PaymentRegistration = { ok: true; payment: Payment; caseStage: CaseStage } | { ok: false; refusal: PaymentRefusal };

export interface RegisterPaymentInput {
  /** The case, locked FOR UPDATE by the caller before anything was read: payments of one case are allocated one after the other. */
  row: CaseRow;
  payment: PaymentToRegister;
  /** The operator's user id; null for a secret key. */
  registeredBy: string | null;
  now: Date;
  today: IsoDate;
}

export async function registerPayment(db: Queryable, { row, payment, registeredBy, now, today }: RegisterPaymentInput): Promise<PaymentRegistration> {
  if (payment.amount.currency !== row.currency) {
    return { ok: false, refusal: { reason: 'currency_mismatch', field: 'amount.currency', message: `must be the case currency ${row.currency}` } };
  }
  if (payment.receivedOn > today) {
    return { ok: false, refusal: { reason: 'future_date', field: 'receivedOn', message: `must not be after today (${today})` } };
  }
  const previous = await listPayments(db, row.association_id, row.id);
  const last = previous.at(-1);
  if (last && payment.receivedOn < last.received_on) {
    return {
      ok: false,
      refusal: { reason: 'dated_before_last_payment', field: 'receivedOn', message: `must not be before the last registered payment (${last.received_on}): allocations already made are final` },
    };
  }
  const claim = await caseClaim(db, row);
  const allocation = allocateNextPayment(claim, previous, { amount: payment.amount, receivedOn: payment.receivedOn });
  const stored = await insertPayment(db, {
    associationId: row.association_id,
    case_id: row.id,
    currency: row.currency,
    amount: payment.amount.amount,
    received_on: payment.receivedOn,
    reference: payment.reference,
    method: payment.method,
    interest_accrued: allocation.interestAccrued.amount,
    applied_costs: allocation.applied.costs.amount,
    applied_interest: allocation.applied.interest.amount,
    applied_principal: allocation.applied.principal.amount,
    after_costs: allocation.after.costs.amount,
    after_interest: allocation.after.interest.amount,
    after_principal: allocation.after.principal.amount,
    overpayment: allocation.overpayment.amount,
    registeredBy,
    now,
  });
  const settled = allocation.after.costs.amount + allocation.after.interest.amount + allocation.after.principal.amount === 0;
  const becomesPaid = settled && canTransition(row.stage, 'paid');
  const scope = { associationId: row.association_id };
  const updated = (await updateCase(db, scope, row.id, { reduceOutstanding: allocation.applied.principal.amount, ...(becomesPaid ? { stage: 'paid' as const } : {}) }, now))!;
  const view = paymentView(stored);
  await queuePaymentReceipt(db, row, { id: view.id, amount: view.amount, receivedOn: view.receivedOn }, now, today); // the debtor's receipt, in this transaction
  const eventData = { paymentId: view.id, amount: view.amount, receivedOn: view.receivedOn, method: view.method, reference: view.reference, interestAccrued: view.interestAccrued, applied: view.applied, balanceAfter: view.balanceAfter, overpayment: view.overpayment };
  await appendEvent(db, { associationId: row.association_id, caseId: row.id, type: 'payment.received', data: eventData, at: now });
  if (becomesPaid) {
    await appendEvent(db, { associationId: row.association_id, caseId: row.id, type: 'stage.changed', data: { from: row.stage, to: 'paid', reason: "the claim is settled by the debtor's payments", by: registeredBy }, at: now });
  }
  const webhook = { associationId: row.association_id, creditorId: row.creditor_id, at: now };
  await enqueueWebhooks(db, { ...webhook, type: 'payment.received', data: { caseId: row.id, ...eventData } });
  await enqueueWebhooks(db, {
    ...webhook,
    type: 'case.updated',
    data: { caseId: row.id, change: 'payment.received', stage: updated.stage, outstanding: { amount: updated.outstanding, currency: row.currency }, version: updated.version },
  });
  return { ok: true, payment: view, caseStage: updated.stage };
}
