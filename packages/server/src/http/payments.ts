import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseErrorResponseSchema,
  CaseIdParamsSchema,
  PaymentListSchema,
  RegisterPaymentRequestSchema,
  RegisteredPaymentSchema,
  canTransition,
  type Currency,
  type Payment,
} from '@collectkit/sdk';
import { caseInvoices, updateCase, type CaseRow } from '../store/cases.js';
import type { Queryable } from '../store/database.js';
import { appendEvent } from '../store/events.js';
import { caseCosts, insertPayment, listPayments, type PaymentRow } from '../store/payments.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import { allocateNextPayment, type CaseClaim } from '../process/payment-allocation.js';
import { queuePaymentReceipt } from '../process/notifications/payment-receipt.js';
import { invalidRequest } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { caseFor, caseScopeOf } from './case-view.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema, 409: CaseErrorResponseSchema };

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

/** Debtor payments: the operator registers them, the ledger allocates them; everyone on the case can read them. */
export const paymentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  notifyChangedCasesAfterResponse(app);

  app.post(
    '/v1/cases/:id/payments',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: "Register a debtor payment: allocated to costs, interest and principal in the order of the debtor's law",
        description: 'A payment beyond what is owed (also on a paid case) is recorded as overpayment. Payments are applied in date order: one may not be dated before a payment already registered.',
        params: CaseIdParamsSchema,
        body: RegisterPaymentRequestSchema,
        response: { 201: RegisteredPaymentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const input = request.body;
      // Locked before anything is read: two payments on one case are allocated one after the other.
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      if (input.amount.currency !== row.currency) throw invalidRequest('amount.currency', `must be the case currency ${row.currency}`);
      const today = clock.today();
      if (input.receivedOn > today) throw invalidRequest('receivedOn', `must not be after today (${today})`);
      const previous = await listPayments(request.db, row.association_id, row.id);
      const last = previous.at(-1);
      if (last && input.receivedOn < last.received_on) {
        throw invalidRequest('receivedOn', `must not be before the last registered payment (${last.received_on}): allocations already made are final`);
      }
      const claim = await caseClaim(request.db, row);
      const allocation = allocateNextPayment(claim, previous, { amount: input.amount, receivedOn: input.receivedOn });
      const now = clock.now();
      const payment = await insertPayment(request.db, {
        associationId: row.association_id,
        case_id: row.id,
        currency: row.currency,
        amount: input.amount.amount,
        received_on: input.receivedOn,
        reference: input.reference ?? null,
        method: input.method,
        interest_accrued: allocation.interestAccrued.amount,
        applied_costs: allocation.applied.costs.amount,
        applied_interest: allocation.applied.interest.amount,
        applied_principal: allocation.applied.principal.amount,
        after_costs: allocation.after.costs.amount,
        after_interest: allocation.after.interest.amount,
        after_principal: allocation.after.principal.amount,
        overpayment: allocation.overpayment.amount,
        registeredBy: auth.userId ?? null,
        now,
      });
      const settled = allocation.after.costs.amount + allocation.after.interest.amount + allocation.after.principal.amount === 0;
      const becomesPaid = settled && canTransition(row.stage, 'paid');
      const updated = (await updateCase(request.db, caseScopeOf(auth), row.id, { reduceOutstanding: allocation.applied.principal.amount, ...(becomesPaid ? { stage: 'paid' as const } : {}) }, now))!;
      const view = paymentView(payment);
      await queuePaymentReceipt(request.db, row, { id: view.id, amount: view.amount, receivedOn: view.receivedOn }, now, today); // the debtor's receipt, in this transaction
      const eventData = { paymentId: view.id, amount: view.amount, receivedOn: view.receivedOn, method: view.method, reference: view.reference, interestAccrued: view.interestAccrued, applied: view.applied, balanceAfter: view.balanceAfter, overpayment: view.overpayment };
      await appendEvent(request.db, { associationId: row.association_id, caseId: row.id, type: 'payment.received', data: eventData, at: now });
      if (becomesPaid) {
        await appendEvent(request.db, { associationId: row.association_id, caseId: row.id, type: 'stage.changed', data: { from: row.stage, to: 'paid', reason: 'the claim is settled by the debtor\'s payments', by: auth.userId ?? null }, at: now });
      }
      const webhook = { associationId: row.association_id, creditorId: row.creditor_id, at: now };
      await enqueueWebhooks(request.db, { ...webhook, type: 'payment.received', data: { caseId: row.id, ...eventData } });
      await enqueueWebhooks(request.db, {
        ...webhook,
        type: 'case.updated',
        data: { caseId: row.id, change: 'payment.received', stage: updated.stage, outstanding: { amount: updated.outstanding, currency: row.currency }, version: updated.version },
      });
      caseChanged(request, row.id);
      reply.code(201);
      return { ...view, caseStage: updated.stage };
    },
  );

  app.get(
    '/v1/cases/:id/payments',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: { tags: ['case'], summary: 'The debtor payments of the case and how each was allocated', params: CaseIdParamsSchema, response: { 200: PaymentListSchema, ...errors } },
    },
    async (request) => {
      const row = await caseFor(request.db, request.auth!, request.params.id);
      return { data: (await listPayments(request.db, row.association_id, row.id)).map(paymentView) };
    },
  );
};
