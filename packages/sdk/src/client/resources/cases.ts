/**
 * Cases (packages/server/src/http/case*.ts): submit with a locked quote, list, read, add invoices,
 * follow the timeline, message the case handler, withdraw.
 */
import {
  AddInvoicesRequestSchema,
  CaseEventPageSchema,
  CaseListSchema,
  CaseMessageListSchema,
  CaseMessageSchema,
  CaseSchema,
  CreateCaseRequestSchema,
  CreateMessageRequestSchema,
  WithdrawalRequestSchema,
  WithdrawalSchema,
  type CaseListQuery,
  type CaseSummary,
  type CaseMessage,
} from '../../contract/api/case.js';
import type { z } from 'zod';
import type { CoreClient } from '../create-client.js';
import { pathOf } from '../http.js';
import { paginate, type PageList } from '../pagination.js';
import type { WatchOptions } from '../watch.js';
import type { CallOptions } from './call-options.js';

/** Filters of `GET /v1/cases` (see CaseListQuerySchema); the cursor is the iterator's business. */
export interface CaseListParams {
  stage?: CaseListQuery['stage'];
  q?: string;
  createdFrom?: string;
  createdTo?: string;
  /** Page size, 1–100. */
  limit?: number;
}

export const casesResource = (client: CoreClient) => ({
  /**
   * `POST /v1/cases`. One Idempotency-Key per call (given, or generated), the same on each retry,
   * so a retried submission never makes a second case.
   */
  create: (body: z.input<typeof CreateCaseRequestSchema>, options?: CallOptions) =>
    client.request({ method: 'POST', path: 'v1/cases', json: body, schema: CaseSchema, ...options }),

  /** `GET /v1/cases`: awaitable for the first page, async-iterable over every case of every page. */
  list: (params: CaseListParams = {}, options?: CallOptions): PageList<CaseSummary> =>
    paginate((cursor) =>
      client.request({ method: 'GET', path: 'v1/cases', query: { ...params, cursor }, schema: CaseListSchema, ...options }),
    ),

  /** `GET /v1/cases/:id`, conditional: a 304 answers the last body read. */
  get: (id: string, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/cases', id), schema: CaseSchema, conditional: true, ...options }),

  /** `POST /v1/cases/:id/invoices` (same currency; the quote is recomputed and locked again). */
  addInvoices: (id: string, body: z.input<typeof AddInvoicesRequestSchema>, options?: CallOptions) =>
    client.request({ method: 'POST', path: pathOf('v1/cases', id, 'invoices'), json: body, schema: CaseSchema, ...options }),

  /** `GET /v1/cases/:id/events`: one page of the timeline after `after`. */
  events: (id: string, params: { after?: string; limit?: number } = {}, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/cases', id, 'events'), query: params, schema: CaseEventPageSchema, ...options }),

  /** Every new event of the case as it happens (long-poll), until `signal` aborts. */
  watch: (id: string, options?: WatchOptions) => client.watch(pathOf('v1/cases', id, 'events'), CaseEventPageSchema, options),

  messages: {
    /** `GET /v1/cases/:id/messages`, oldest first, every page. */
    list: (id: string, options?: CallOptions): PageList<CaseMessage> =>
      paginate((cursor) =>
        client.request({ method: 'GET', path: pathOf('v1/cases', id, 'messages'), query: { cursor }, schema: CaseMessageListSchema, ...options }),
      ),
    create: (id: string, body: z.input<typeof CreateMessageRequestSchema>, options?: CallOptions) =>
      client.request({ method: 'POST', path: pathOf('v1/cases', id, 'messages'), json: body, schema: CaseMessageSchema, ...options }),
  },

  withdrawal: {
    /** What withdrawing would cost now (nothing changes). */
    preview: (id: string, options?: CallOptions) =>
      client.request({ method: 'GET', path: pathOf('v1/cases', id, 'withdrawal'), schema: WithdrawalSchema, ...options }),
    /** Withdraws the case, paying the fee `preview` showed. */
    confirm: (id: string, body: z.input<typeof WithdrawalRequestSchema> = {}, options?: CallOptions) =>
      client.request({ method: 'POST', path: pathOf('v1/cases', id, 'withdrawal'), json: body, schema: WithdrawalSchema, ...options }),
  },
});
