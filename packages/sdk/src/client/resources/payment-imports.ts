/**
 * Bank-file payment imports and unmatched payments (packages/server/src/http/payment-imports.ts),
 * operator only; bound into `client.payments` (resources/payouts.ts).
 *
 * The import is `multipart/form-data` with one `file` part (camt.054 XML or BgMax text; the server
 * reads the format from the content), built with `FormData` from `globalThis` as documents.upload
 * does. Sending the same file again is harmless: entries already imported come back as duplicates.
 */
import type { z } from 'zod';
import {
  AssignedUnmatchedPaymentSchema,
  MAX_BANK_FILE_BYTES,
  PaymentImportSchema,
  UnmatchedPaymentListSchema,
  UnmatchedPaymentSchema,
  type CloseUnmatchedPaymentRequestSchema,
  type UnmatchedPayment,
} from '../../contract/api/payment-import.js';
import { CollectkitInputError } from '../../errors.js';
import type { CoreClient } from '../create-client.js';
import { pathOf, type FormDataLike } from '../http.js';
import { paginate, type PageList } from '../pagination.js';
import type { CallOptions } from './call-options.js';
import type { BlobLike } from './documents.js';

export interface PaymentImportInput {
  /** The bank file (a `Blob` or `File`). */
  file: BlobLike;
  filename: string;
}

export interface UnmatchedListParams {
  /** Default `unmatched`; `assigned`, `refunded`, `returned` list the resolved ones. */
  status?: UnmatchedPayment['status'];
  limit?: number;
}

const platform = globalThis as unknown as { FormData?: new () => FormDataLike };

function importForm(input: PaymentImportInput): FormDataLike {
  const file = input.file as Partial<BlobLike> | null | undefined;
  if (typeof file !== 'object' || file === null || typeof file.size !== 'number' || typeof file.arrayBuffer !== 'function') {
    throw new CollectkitInputError('invalid_argument', 'file', 'Expected a Blob or File');
  }
  if (file.size < 1 || file.size > MAX_BANK_FILE_BYTES) {
    throw new CollectkitInputError('invalid_argument', 'file', `A bank file has 1 to ${MAX_BANK_FILE_BYTES} bytes; this one has ${file.size}`);
  }
  if (typeof input.filename !== 'string' || input.filename.trim() === '') throw new CollectkitInputError('invalid_argument', 'filename', 'Give the file a name');
  if (platform.FormData === undefined) throw new Error('Collectkit client: globalThis.FormData is not available in this runtime');
  const form = new platform.FormData();
  form.append('file', input.file, input.filename);
  return form;
}

export const paymentImportMethods = (client: CoreClient) => ({
  /** `POST /v1/payments/imports`: each entry registered, kept as unmatched (with the reason), or a duplicate; and the totals. */
  import: (input: PaymentImportInput, options?: CallOptions) =>
    client.request({ method: 'POST', path: 'v1/payments/imports', form: importForm(input), schema: PaymentImportSchema, ...options }),

  unmatched: {
    /** `GET /v1/payments/unmatched`, oldest first: awaitable for the first page, async-iterable over all. */
    list: ({ status, limit }: UnmatchedListParams = {}, options?: CallOptions): PageList<UnmatchedPayment> =>
      paginate((cursor) => client.request({ method: 'GET', path: 'v1/payments/unmatched', query: { status, limit, cursor }, schema: UnmatchedPaymentListSchema, ...options })),

    /** `POST /v1/payments/unmatched/:id/assign`: registered on the case like any payment. */
    assign: (id: string, caseId: string, options?: CallOptions) =>
      client.request({ method: 'POST', path: pathOf('v1/payments/unmatched', id, 'assign'), json: { caseId }, schema: AssignedUnmatchedPaymentSchema, ...options }),

    /** `POST /v1/payments/unmatched/:id/close`: the money went back (refunded or returned), with a note. */
    close: (id: string, body: z.input<typeof CloseUnmatchedPaymentRequestSchema>, options?: CallOptions) =>
      client.request({ method: 'POST', path: pathOf('v1/payments/unmatched', id, 'close'), json: body, schema: UnmatchedPaymentSchema, ...options }),
  },
});
