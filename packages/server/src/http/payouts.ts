import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseErrorResponseSchema,
  CaseIdParamsSchema,
  CaseStatementSchema,
  PayoutListSchema,
  PayoutSchema,
  canTransition,
  isFinalStage,
  isLawCountry,
  payoutStatement,
  type AgencyInvoice,
  type CasePhase,
  type CaseStage,
  type Currency,
  type IsoDate,
  type Money,
  type Payout,
  type PayoutStatement,
} from '@collectkit/sdk';
import { renderAgencyInvoicePdf } from '../documents/agency-invoice-pdf.js';
import { pricingPlan } from '../pricing-plans.js';
import { findAssociation } from '../store/associations.js';
import { updateCase, type CaseRow } from '../store/cases.js';
import { findCreditor } from '../store/creditors.js';
import type { Queryable } from '../store/database.js';
import { appendEvent } from '../store/events.js';
import { collectedOf, listPayments } from '../store/payments.js';
import {
  insertAgencyInvoice,
  insertPayout,
  invoicesOfPayouts,
  listPayouts,
  newAgencyInvoiceId,
  nextAgencyInvoiceNumber,
  type AgencyInvoiceRow,
  type PayoutRow,
} from '../store/payouts.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import { ApiError, notFound } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { phaseOfStage } from './case-stage.js';
import { caseFor, caseScopeOf } from './case-view.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema, 409: CaseErrorResponseSchema };

export function agencyInvoiceView(row: AgencyInvoiceRow): AgencyInvoice {
  const currency = row.currency as Currency;
  const m = (amount: number) => ({ amount, currency });
  return {
    id: row.id,
    number: row.number,
    creditorId: row.creditor_id,
    caseId: row.case_id,
    payoutId: row.payout_id,
    issuedOn: row.issued_on,
    lines: row.lines,
    vat: m(row.vat),
    total: m(row.total),
    deductedFromPayout: m(row.deducted_from_payout),
    dueFromCreditor: m(row.due_from_creditor),
    pdfUrl: `/v1/invoices/${row.id}/pdf`,
  };
}

function payoutView(row: PayoutRow, invoice: AgencyInvoiceRow | undefined, caseStage: CaseStage): Payout {
  return {
    id: row.id,
    caseId: row.case_id,
    createdAt: row.created_at.toISOString(),
    asOf: row.as_of,
    statement: row.statement,
    invoice: invoice ? agencyInvoiceView(invoice) : null,
    caseStage,
  };
}

/**
 * The phase whose commission applies: the case's own while it runs; once paid, the phase it was
 * in when the payment settled it (the last stage it left for a final one), e.g. `legal` after court.
 */
async function phaseOfCase(db: Queryable, row: CaseRow): Promise<CasePhase> {
  if (!isFinalStage(row.stage)) return phaseOfStage(row.stage);
  const changes = await db.query<{ data: { from?: CaseStage } }>(
    `SELECT data FROM events WHERE association_id = $1 AND case_id = $2 AND type = 'stage.changed' ORDER BY id DESC`,
    [row.association_id, row.id],
  );
  const lastActive = changes.map((change) => change.data.from).find((stage): stage is CaseStage => stage !== undefined && !isFinalStage(stage));
  return phaseOfStage(lastActive ?? 'submitted');
}

interface StatementContext {
  creditor: NonNullable<Awaited<ReturnType<typeof findCreditor>>> & { company: { address?: { lines?: string[]; postalCode?: string; city?: string; country?: string } } };
  associationName: string;
}

/** The SDK's payout statement of `collected` on this case, under the association's plan and the commission locked at submission. */
async function statementOf(db: Queryable, row: CaseRow, collected: { costs: number; interest: number; principal: number }, asOf: IsoDate): Promise<{ statement: PayoutStatement; context: StatementContext }> {
  const [association, creditor] = await Promise.all([findAssociation(db, row.association_id), findCreditor(db, row.association_id, row.creditor_id)]);
  if (!association || !creditor) throw notFound('case');
  const creditorCountry = creditor.company.country;
  if (!isLawCountry(creditorCountry)) throw new ApiError(409, 'conflict', 'The creditor is not registered in DK, SE, NO or FI.');
  const phase = await phaseOfCase(db, row);
  const created = await db.query<{ data: { discountCode?: string } }>(
    `SELECT data FROM events WHERE association_id = $1 AND case_id = $2 AND type = 'case.created'`,
    [row.association_id, row.id],
  );
  const discountCode = created[0]?.data.discountCode;
  const currency = row.currency as Currency;
  const m = (amount: number): Money => ({ amount, currency });
  const quote = row.quote;
  const statement = payoutStatement({
    collected: { costs: m(collected.costs), interest: m(collected.interest), principal: m(collected.principal) },
    plan: pricingPlan(association.pricing_plan_id),
    creditorCountry,
    debtorCountry: quote.debtor.country,
    asOf,
    phase,
    // Every creditor with an account enrolled through the association (as in the locked quote).
    member: true,
    ...(discountCode ? { discountCode } : {}),
    claimPrincipal: m(row.principal),
    // The rate locked on submission, as long as the case is still in the phase it was quoted for.
    ...(quote.phase === phase && !quote.commission.waived ? { commissionPercent: quote.commission.percent } : {}),
  });
  return { statement, context: { creditor: creditor as StatementContext['creditor'], associationName: association.name } };
}

function sumOfPayouts(payouts: readonly PayoutRow[]) {
  return payouts.reduce(
    (sum, p) => ({
      costs: sum.costs + p.collected_costs,
      interest: sum.interest + p.collected_interest,
      principal: sum.principal + p.collected_principal,
      kept: sum.kept + p.kept_by_agency,
      paid: sum.paid + p.paid_to_creditor,
    }),
    { costs: 0, interest: 0, principal: 0, kept: 0, paid: 0 },
  );
}

/** The payout statement so far, and the operator's payout with the agency's invoice (issue 3 §5). */
export const payoutRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  notifyChangedCasesAfterResponse(app);

  app.get(
    '/v1/cases/:id/statement',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: { tags: ['case'], summary: 'The payout statement of everything collected so far, and what of it was paid out', params: CaseIdParamsSchema, response: { 200: CaseStatementSchema, ...errors } },
    },
    async (request) => {
      const row = await caseFor(request.db, request.auth!, request.params.id);
      const payments = await listPayments(request.db, row.association_id, row.id);
      const collected = collectedOf(payments);
      const asOf = clock.today();
      const { statement } = await statementOf(request.db, row, collected, asOf);
      const paid = sumOfPayouts(await listPayouts(request.db, row.association_id, row.id));
      const currency = row.currency as Currency;
      const m = (amount: number): Money => ({ amount, currency });
      const last = payments.at(-1);
      return {
        caseId: row.id,
        asOf,
        statement,
        paidOut: { collected: m(paid.costs + paid.interest + paid.principal), keptByAgency: m(paid.kept), paidToCreditor: m(paid.paid) },
        notYetPaidOut: m(collected.costs + collected.interest + collected.principal - (paid.costs + paid.interest + paid.principal)),
        overpayment: m(collected.overpayment),
        claimOutstanding: last ? m(last.after_costs + last.after_interest + last.after_principal) : m(row.outstanding),
      };
    },
  );

  app.get(
    '/v1/cases/:id/payouts',
    {
      config: { auth: ['member', 'secret', 'operator'] },
      schema: { tags: ['case'], summary: 'The payouts of the case with their statements and invoices', params: CaseIdParamsSchema, response: { 200: PayoutListSchema, ...errors } },
    },
    async (request) => {
      const row = await caseFor(request.db, request.auth!, request.params.id);
      const payouts = await listPayouts(request.db, row.association_id, row.id);
      const invoices = new Map((await invoicesOfPayouts(request.db, row.association_id, payouts.map((p) => p.id))).map((i) => [i.payout_id, i]));
      return { data: payouts.map((p) => payoutView(p, invoices.get(p.id), row.stage)) };
    },
  );

  app.post(
    '/v1/cases/:id/payouts',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: 'Pay out to the creditor what was collected since the last payout, with the agency\'s invoice for its fees',
        params: CaseIdParamsSchema,
        response: { 201: PayoutSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      const collected = collectedOf(await listPayments(request.db, row.association_id, row.id));
      const paid = sumOfPayouts(await listPayouts(request.db, row.association_id, row.id));
      const delta = { costs: collected.costs - paid.costs, interest: collected.interest - paid.interest, principal: collected.principal - paid.principal };
      if (delta.costs + delta.interest + delta.principal === 0) throw new ApiError(409, 'conflict', 'Nothing was collected since the last payout.');
      if (delta.costs < 0 || delta.interest < 0 || delta.principal < 0) throw new Error(`case ${row.id}: paid out more than collected`);
      const asOf = clock.today();
      const now = clock.now();
      const { statement, context } = await statementOf(request.db, row, delta, asOf);
      const payout = await insertPayout(request.db, { associationId: row.association_id, caseId: row.id, creditorId: row.creditor_id, asOf, statement, now });

      let invoice: AgencyInvoiceRow | undefined;
      const fees = statement.agencyFees;
      if (fees.total.amount !== 0) {
        const number = await nextAgencyInvoiceNumber(request.db, row.association_id, Number(asOf.slice(0, 4)));
        const vat = fees.lines.filter((line) => line.code === 'vat').reduce((sum, line) => sum + line.amount.amount, 0);
        const m = (amount: number): Money => ({ amount, currency: statement.currency as Currency });
        const address = context.creditor.company.address;
        const pdf = await renderAgencyInvoicePdf({
          agency: { name: context.associationName },
          creditor: {
            name: context.creditor.company.name,
            nationalId: context.creditor.company.nationalId,
            country: context.creditor.company.country,
            addressLines: address ? [...(address.lines ?? []), `${address.postalCode ?? ''} ${address.city ?? ''}`.trim()] : [],
          },
          number,
          issuedOn: asOf,
          caseNumber: row.number,
          debtorName: row.debtor.name,
          lines: fees.lines,
          vat: m(vat),
          total: fees.total,
          deductedFromPayout: statement.deductedFromCollection,
          dueFromCreditor: statement.invoicedToCreditor,
          payout: statement.totals,
          createdAt: now,
        });
        invoice = await insertAgencyInvoice(request.db, {
          id: newAgencyInvoiceId(),
          associationId: row.association_id,
          creditor_id: row.creditor_id,
          case_id: row.id,
          payout_id: payout.id,
          number,
          issued_on: asOf,
          currency: statement.currency,
          lines: fees.lines,
          vat,
          total: fees.total.amount,
          deducted_from_payout: statement.deductedFromCollection.amount,
          due_from_creditor: statement.invoicedToCreditor.amount,
          pdf,
          now,
        });
      }

      // Everything collected is now paid out; once the claim is settled (`paid`) the case is `paid_out`.
      const becomesPaidOut = row.stage === 'paid' && canTransition(row.stage, 'paid_out');
      const updated = (await updateCase(request.db, caseScopeOf(auth), row.id, becomesPaidOut ? { stage: 'paid_out' } : {}, now))!;
      const eventData = {
        payoutId: payout.id,
        invoiceId: invoice?.id ?? null,
        invoiceNumber: invoice?.number ?? null,
        collected: statement.totals.collected,
        keptByAgency: statement.totals.keptByAgency,
        paidToCreditor: statement.totals.paidToCreditor,
        invoicedToCreditor: statement.invoicedToCreditor,
      };
      await appendEvent(request.db, { associationId: row.association_id, caseId: row.id, type: 'payout.created', data: eventData, at: now });
      if (becomesPaidOut) {
        await appendEvent(request.db, { associationId: row.association_id, caseId: row.id, type: 'stage.changed', data: { from: row.stage, to: 'paid_out', reason: 'everything collected was paid out', by: auth.userId ?? null }, at: now });
      }
      const webhook = { associationId: row.association_id, creditorId: row.creditor_id, at: now };
      await enqueueWebhooks(request.db, { ...webhook, type: 'payout.created', data: { caseId: row.id, ...eventData } });
      if (becomesPaidOut) {
        await enqueueWebhooks(request.db, { ...webhook, type: 'case.updated', data: { caseId: row.id, change: 'stage.changed', stage: updated.stage, version: updated.version } });
      }
      caseChanged(request, row.id);
      reply.code(201);
      return payoutView(payout, invoice, updated.stage);
    },
  );
};
