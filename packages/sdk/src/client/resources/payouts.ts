/**
 * Debtor payments, payout statements, payouts and the agency's invoices
 * (packages/server/src/http/{payments,payouts,agency-invoices}.ts). Registering payments and paying
 * out are the operator's; members, secret keys and operators read.
 */
import type { z } from 'zod';
import { PaymentListSchema, RegisterPaymentRequestSchema, RegisteredPaymentSchema } from '../../contract/api/payment.js';
import { AgencyInvoiceListSchema, CaseStatementSchema, PayoutListSchema, PayoutSchema, type AgencyInvoice } from '../../contract/api/payout.js';
import type { CoreClient } from '../create-client.js';
import { pathOf } from '../http.js';
import { paginate, type PageList } from '../pagination.js';
import type { CallOptions } from './call-options.js';
import { paymentImportMethods } from './payment-imports.js';

export const paymentsResource = (client: CoreClient) => ({
  /** `POST /v1/cases/:id/payments` (operator): allocated to costs, interest and principal; overpayment kept. */
  register: (caseId: string, body: z.input<typeof RegisterPaymentRequestSchema>, options?: CallOptions) =>
    client.request({ method: 'POST', path: pathOf('v1/cases', caseId, 'payments'), json: body, schema: RegisteredPaymentSchema, ...options }),

  /** `GET /v1/cases/:id/payments`. */
  list: (caseId: string, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/cases', caseId, 'payments'), schema: PaymentListSchema, ...options }),

  /** Bank-file imports (`payments.import`) and unmatched payments (`payments.unmatched.list/assign/close`), operator only. */
  ...paymentImportMethods(client),
});

export const payoutsResource = (client: CoreClient) => ({
  /** `GET /v1/cases/:id/statement`: the payout statement of everything collected, and what was paid out. */
  statement: (caseId: string, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/cases', caseId, 'statement'), schema: CaseStatementSchema, ...options }),

  /** `POST /v1/cases/:id/payouts` (operator): pays out what is not yet paid out, with the agency's invoice. */
  create: (caseId: string, options?: CallOptions) =>
    client.request({ method: 'POST', path: pathOf('v1/cases', caseId, 'payouts'), schema: PayoutSchema, ...options }),

  /** `GET /v1/cases/:id/payouts`. */
  list: (caseId: string, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/cases', caseId, 'payouts'), schema: PayoutListSchema, ...options }),
});

export interface InvoiceListOptions extends CallOptions {
  limit?: number | undefined;
  /** Secret key and operators: one creditor's invoices. */
  creditorId?: string | undefined;
}

export const invoicesResource = (client: CoreClient) => ({
  /** `GET /v1/invoices`, newest first: awaitable for the first page, async-iterable over all. */
  list: ({ limit, creditorId, ...options }: InvoiceListOptions = {}): PageList<AgencyInvoice> =>
    paginate((cursor) => client.request({ method: 'GET', path: 'v1/invoices', query: { limit, creditorId, cursor }, schema: AgencyInvoiceListSchema, ...options })),

  /** Where the invoice's PDF is, relative to the API base (`GET /v1/invoices/:id/pdf`). */
  pdfPath: (id: string) => pathOf('v1/invoices', id, 'pdf'),
});
