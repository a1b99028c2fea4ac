/**
 * Case documents (packages/server/src/http/case-documents.ts): list and where to download.
 *
 * Uploading is `multipart/form-data` (`kind` + one `file` part) to `POST /v1/cases/:id/documents`,
 * or `POST /v1/documents` before the case exists; the client's transport sends JSON only, so send
 * the form with `fetch` and the same credential (see the report of issue 3).
 */
import { DocumentListSchema } from '../../contract/api/document.js';
import type { CoreClient } from '../create-client.js';
import { pathOf } from '../http.js';
import type { CallOptions } from './call-options.js';

export const documentsResource = (client: CoreClient) => ({
  /** `GET /v1/cases/:id/documents`: the case's documents in the order the case lists them. */
  list: (caseId: string, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/cases', caseId, 'documents'), schema: DocumentListSchema, ...options }),

  /** Where a document is, relative to the API base (served with its detected Content-Type). */
  downloadPath: (caseId: string, documentId: string) => pathOf('v1/cases', caseId, 'documents', documentId),

  /** Where to POST a multipart upload: to a case, or (no case id) before the case exists. */
  uploadPath: (caseId?: string) => (caseId === undefined ? 'v1/documents' : pathOf('v1/cases', caseId, 'documents')),
});
