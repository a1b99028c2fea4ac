import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgencyInvoiceIdParamsSchema, AgencyInvoiceListQuerySchema, AgencyInvoiceListSchema, ErrorResponseSchema } from '@collectkit/sdk';
import { agencyInvoicePdf, listAgencyInvoices } from '../store/payouts.js';
import { invalidRequest, notFound } from './api-error.js';
import { agencyInvoiceView } from './payouts.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };
const access = { auth: ['member', 'secret', 'operator'] as const };

/** The agency's invoices to creditors for its fees (one per payout that carried a fee). */
export const agencyInvoiceRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/v1/invoices',
    {
      config: access,
      schema: { tags: ['invoices'], summary: "The agency's invoices to the creditor, newest first", querystring: AgencyInvoiceListQuerySchema, response: { 200: AgencyInvoiceListSchema, ...errors } },
    },
    async (request) => {
      const auth = request.auth!;
      const { cursor, limit = 50, creditorId } = request.query;
      if (cursor !== undefined && !/^[1-9]\d{0,17}$/.test(cursor)) throw invalidRequest('cursor', 'not a cursor this list handed out');
      // A member sees its own creditor's invoices whatever it asks for.
      const rows = await listAgencyInvoices(request.db, auth.associationId, {
        creditorId: auth.kind === 'member' ? auth.creditorId : creditorId,
        beforeSeq: cursor ?? null,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      return { data: page.map(agencyInvoiceView), nextCursor: rows.length > limit ? page.at(-1)!.seq : null };
    },
  );

  app.get(
    '/v1/invoices/:id/pdf',
    {
      config: access,
      schema: { tags: ['invoices'], summary: 'The invoice as application/pdf', params: AgencyInvoiceIdParamsSchema, response: { 200: z.any().describe('The invoice, application/pdf'), ...errors } },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const found = await agencyInvoicePdf(request.db, auth.associationId, auth.kind === 'member' ? auth.creditorId : undefined, request.params.id);
      if (!found) throw notFound('invoice');
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="invoice-${found.number}.pdf"`)
        .header('x-content-type-options', 'nosniff');
      return Buffer.from(found.pdf);
    },
  );
};
