/**
 * Case documents (packages/server/src/http/case-documents.ts): upload, list, and where to download.
 *
 * Uploading is `multipart/form-data` (`kind` + one `file` part) to `POST /v1/cases/:id/documents`,
 * or `POST /v1/documents` before the case exists. The form is built with `FormData` from
 * `globalThis` (browsers, Deno, Node ≥ 18), so the sdk needs no Node built-in.
 */
import {
  DOCUMENT_KINDS,
  DocumentListSchema,
  DocumentSchema,
  MAX_DOCUMENT_BYTES,
  type DocumentKind,
} from '../../contract/api/document.js';
import { CollectkitInputError } from '../../errors.js';
import type { CoreClient } from '../create-client.js';
import { pathOf, type FormDataLike } from '../http.js';
import type { CallOptions } from './call-options.js';

/** The part of a `Blob` (or `File`) the upload needs; the sdk compiles without the DOM lib. */
export interface BlobLike {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface DocumentUploadInput {
  /** The case to add it to; absent: uploaded before the case exists (name its id in `cases.create` `documentIds`). */
  caseId?: string | undefined;
  kind: DocumentKind;
  /** The content (a `Blob` or `File`). The server decides the type from the bytes, not from `type` or the name. */
  file: BlobLike;
  /** The name the download will carry. */
  filename: string;
}

const platform = globalThis as unknown as { FormData?: new () => FormDataLike };

function uploadForm(input: DocumentUploadInput): FormDataLike {
  if (input.caseId !== undefined && (typeof input.caseId !== 'string' || input.caseId === '')) {
    throw new CollectkitInputError('invalid_argument', 'caseId', 'Give the case id, or leave it out to upload before the case exists');
  }
  if (!(DOCUMENT_KINDS as readonly unknown[]).includes(input.kind)) {
    throw new CollectkitInputError('invalid_argument', 'kind', `Expected one of ${DOCUMENT_KINDS.join(', ')}`);
  }
  const file = input.file as Partial<BlobLike> | null | undefined;
  if (typeof file !== 'object' || file === null || typeof file.size !== 'number' || typeof file.arrayBuffer !== 'function') {
    throw new CollectkitInputError('invalid_argument', 'file', 'Expected a Blob or File');
  }
  // The server's limits (contract/api/document.ts), checked here so no 10 MB is sent for nothing.
  if (file.size < 1 || file.size > MAX_DOCUMENT_BYTES) {
    throw new CollectkitInputError('invalid_argument', 'file', `A document has 1 to ${MAX_DOCUMENT_BYTES} bytes; this one has ${file.size}`);
  }
  if (typeof input.filename !== 'string' || input.filename.trim() === '') {
    throw new CollectkitInputError('invalid_argument', 'filename', 'Give the file a name');
  }
  if (platform.FormData === undefined) {
    throw new Error('Collectkit client: globalThis.FormData is not available in this runtime');
  }
  const form = new platform.FormData();
  form.append('kind', input.kind);
  form.append('file', input.file, input.filename);
  return form;
}

const uploadPath = (caseId?: string) => (caseId === undefined ? 'v1/documents' : pathOf('v1/cases', caseId, 'documents'));

export const documentsResource = (client: CoreClient) => ({
  /**
   * `POST /v1/cases/:id/documents`, or `POST /v1/documents` without `caseId`: the stored document
   * with its detected type and SHA-256. An unaccepted type is a 415 (`invalid_request`,
   * code `unsupported_media_type`). An Idempotency-Key is generated (or `options.idempotencyKey`
   * used) and kept across retries: the server answers a retry whose first attempt did arrive with
   * the same document instead of storing it twice, so network errors, 5xx and 429 are retried.
   */
  upload: (input: DocumentUploadInput, options?: CallOptions) =>
    client.request({ method: 'POST', path: uploadPath(input.caseId), form: uploadForm(input), formIdempotent: true, schema: DocumentSchema, ...options }),

  /** `GET /v1/cases/:id/documents`: the case's documents in the order the case lists them. */
  list: (caseId: string, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/cases', caseId, 'documents'), schema: DocumentListSchema, ...options }),

  /** Where a document is, relative to the API base (served with its detected Content-Type). */
  downloadPath: (caseId: string, documentId: string) => pathOf('v1/cases', caseId, 'documents', documentId),

  /** Where a multipart upload goes: to a case, or (no case id) before the case exists. */
  uploadPath,
});
