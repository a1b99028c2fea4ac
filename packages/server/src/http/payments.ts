import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CaseErrorResponseSchema, CaseIdParamsSchema, PaymentListSchema, RegisterPaymentRequestSchema, RegisteredPaymentSchema } from '@collectkit/sdk';
import { listPayments } from '../store/payments.js';
import { paymentView, registerPayment } from '../process/register-payment.js';
import { invalidRequest } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { caseFor } from './case-view.js';
import type { RouteOptions } from './route-options.js';

// Kept importable from here for code that already does.
export { caseClaim, paymentView } from '../process/register-payment.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema, 409: CaseErrorResponseSchema };

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
      const result = await registerPayment(request.db, {
        row,
        payment: { amount: input.amount, receivedOn: input.receivedOn, reference: input.reference ?? null, method: input.method },
        registeredBy: auth.userId ?? null,
        now: clock.now(),
        today: clock.today(),
      });
      if (!result.ok) throw invalidRequest(result.refusal.field, result.refusal.message);
      caseChanged(request, row.id);
      reply.code(201);
      return { ...result.payment, caseStage: result.caseStage };
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
