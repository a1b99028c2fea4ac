import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseDocumentParamsSchema,
  CaseErrorResponseSchema,
  CaseIdParamsSchema,
  DocumentListSchema,
  DocumentSchema,
  MAX_DOCUMENT_BYTES,
  type CaseDocument,
} from '@collectkit/sdk';
import { addDocumentToCase, findCaseDocument, insertDocument, listCaseDocuments, type DocumentRow } from '../store/documents.js';
import { findCreditor } from '../store/creditors.js';
import { appendEvent } from '../store/events.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import { contentDisposition, readDocumentUpload, type DocumentUpload } from '../documents/upload.js';
import { claimIdempotencyKey, recordIdempotentResponse, requestHash, type IdempotencyRequest } from '../store/idempotency.js';
import { ApiError, invalidRequest, notFound } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { caseFor } from './case-view.js';
import { callerOf, IdempotencyKeySchema } from './idempotency-key.js';
import type { RouteOptions } from './route-options.js';

const errors = {
  400: CaseErrorResponseSchema,
  401: CaseErrorResponseSchema,
  403: CaseErrorResponseSchema,
  404: CaseErrorResponseSchema,
  413: CaseErrorResponseSchema,
  409: CaseErrorResponseSchema,
  415: CaseErrorResponseSchema,
};
const access = { auth: ['member', 'secret', 'operator'] as const };

/** The multipart form as the OpenAPI document shows it (the handler reads the parts itself). */
const uploadBodyDoc = {
  description:
    'multipart/form-data: `kind` (invoice, correspondence, contract, dispute, other) and one `file` part (PDF, PNG, JPEG or plain UTF-8 text, at most 10 MB). For `POST /v1/documents` with a secret key or operator session, also `creditorId`. ' +
    'An optional `Idempotency-Key` makes a retry safe: the same key with the same file, fields and target answers the first response again (same document, nothing stored twice); with another file, fields or target, 409 `idempotency_key_reused`.',
};

/** Optional here (unlike POST /v1/cases): an upload without a key is stored each time it is sent. */
const UploadHeadersSchema = z.object({ 'idempotency-key': IdempotencyKeySchema.optional() });

type UploadKey = Pick<IdempotencyRequest, 'associationId' | 'caller' | 'key'>;

/**
 * Claims the upload's Idempotency-Key (if sent) FIRST in the command's transaction, as POST /v1/cases
 * does (store/idempotency.ts). The fingerprint is the target (in `operation`), the form's fields, the
 * cleaned file name and the SHA-256 of the bytes, so the same key with another file is refused.
 */
async function claimUpload(
  request: FastifyRequest,
  operation: string,
  upload: DocumentUpload,
  sha256: string,
  now: Date,
): Promise<{ key: UploadKey | undefined; replay?: { status: number; body: CaseDocument } }> {
  const header = request.headers['idempotency-key'];
  if (typeof header !== 'string') return { key: undefined };
  const auth = request.auth!;
  const key = { associationId: auth.associationId, caller: callerOf(auth), key: header };
  const hash = requestHash({ fields: upload.fields, filename: upload.filename, sha256 });
  const claim = await claimIdempotencyKey(request.db, { ...key, operation, requestHash: hash, now });
  if (claim.kind === 'reused') {
    throw new ApiError(409, 'idempotency_key_reused', 'This Idempotency-Key was used with a different upload; use a new key for a new document.');
  }
  if (claim.kind === 'replay') return { key, replay: { status: claim.status, body: claim.body as CaseDocument } };
  return { key };
}

function documentView(row: DocumentRow): CaseDocument {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    filename: row.filename,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at.toISOString(),
    url: row.case_id ? `/v1/cases/${row.case_id}/documents/${row.id}` : null,
  };
}

/** Uploads are read before the command's transaction: a slow 10 MB upload holds no database connection. */
const uploads = new WeakMap<FastifyRequest, DocumentUpload>();
async function readUploadFirst(request: FastifyRequest): Promise<void> {
  uploads.set(request, await readDocumentUpload(request));
}
function uploadOf(request: FastifyRequest): DocumentUpload {
  const upload = uploads.get(request);
  if (!upload) throw new Error('preHandler readUploadFirst did not run');
  return upload;
}

/** Case documents: upload (type from the content), list, download; and uploads before the case exists. */
export const caseDocumentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  // Encapsulated: only this plugin's routes accept multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_DOCUMENT_BYTES } });
  notifyChangedCasesAfterResponse(app);
  // The multipart framing around a 10 MB file: the file itself is held to 10 MB by the parser.
  const bodyLimit = MAX_DOCUMENT_BYTES + 64 * 1024;

  app.post(
    '/v1/cases/:id/documents',
    {
      config: access,
      bodyLimit,
      preHandler: readUploadFirst,
      schema: {
        tags: ['case'],
        summary: 'Add a document to a case (multipart/form-data)',
        description: uploadBodyDoc.description,
        headers: UploadHeadersSchema,
        params: CaseIdParamsSchema,
        response: { 201: DocumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const upload = uploadOf(request);
      const now = clock.now();
      const sha256 = createHash('sha256').update(upload.content).digest('hex');
      const idempotency = await claimUpload(request, `POST /v1/cases/${request.params.id}/documents`, upload, sha256, now);
      if (idempotency.replay) {
        const { status, body } = idempotency.replay;
        reply.code(status).header('idempotent-replayed', 'true');
        if (body.url) reply.header('location', body.url);
        return body;
      }
      // Locked before the event is appended, so the case's event ids grow in commit order.
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      const document = await insertDocument(request.db, {
        associationId: row.association_id,
        creditorId: row.creditor_id,
        caseId: row.id,
        kind: upload.kind,
        filename: upload.filename,
        mediaType: upload.mediaType,
        sha256,
        content: upload.content,
        uploadedBy: auth.kind === 'member' ? `creditor:${auth.creditorId}` : auth.kind === 'operator' ? `operator:${auth.userId}` : 'secret',
        now,
      });
      await addDocumentToCase(request.db, row.association_id, row.id, document.id, now);
      const data = { documentId: document.id, kind: document.kind, filename: document.filename, mediaType: document.media_type, size: document.size, sha256 };
      await appendEvent(request.db, { associationId: row.association_id, caseId: row.id, type: 'document.added', data, at: now });
      await enqueueWebhooks(request.db, { associationId: row.association_id, creditorId: row.creditor_id, type: 'case.updated', data: { caseId: row.id, change: 'document.added', ...data }, at: now });
      caseChanged(request, row.id);
      const body = documentView(document);
      if (idempotency.key) await recordIdempotentResponse(request.db, idempotency.key, 201, body);
      reply.code(201).header('location', `/v1/cases/${row.id}/documents/${document.id}`);
      return body;
    },
  );

  app.post(
    '/v1/documents',
    {
      config: access,
      bodyLimit,
      preHandler: readUploadFirst,
      schema: {
        tags: ['case'],
        summary: 'Upload a document before its case exists; name its id in POST /v1/cases documentIds',
        description: uploadBodyDoc.description,
        headers: UploadHeadersSchema,
        response: { 201: DocumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const upload = uploadOf(request);
      const now = clock.now();
      const sha256 = createHash('sha256').update(upload.content).digest('hex');
      // `creditorId` is one of the form's fields, so it is in the fingerprint.
      const idempotency = await claimUpload(request, 'POST /v1/documents', upload, sha256, now);
      if (idempotency.replay) {
        reply.code(idempotency.replay.status).header('idempotent-replayed', 'true');
        return idempotency.replay.body;
      }
      let creditorId: string | null = auth.kind === 'member' ? auth.creditorId! : null;
      const asked = upload.fields.creditorId;
      if (auth.kind !== 'member' && asked !== undefined) {
        if (!z.uuid().safeParse(asked).success || !(await findCreditor(request.db, auth.associationId, asked))) {
          throw invalidRequest('creditorId', 'no such creditor in this association');
        }
        creditorId = asked;
      }
      const document = await insertDocument(request.db, {
        associationId: auth.associationId,
        creditorId,
        caseId: null,
        kind: upload.kind,
        filename: upload.filename,
        mediaType: upload.mediaType,
        sha256,
        content: upload.content,
        uploadedBy: auth.kind === 'member' ? `creditor:${auth.creditorId}` : auth.kind === 'operator' ? `operator:${auth.userId}` : 'secret',
        now,
      });
      const body = documentView(document);
      if (idempotency.key) await recordIdempotentResponse(request.db, idempotency.key, 201, body);
      reply.code(201);
      return body;
    },
  );

  app.get(
    '/v1/cases/:id/documents',
    { config: access, schema: { tags: ['case'], summary: 'The case\'s documents, oldest first', params: CaseIdParamsSchema, response: { 200: DocumentListSchema, ...errors } } },
    async (request) => {
      const row = await caseFor(request.db, request.auth!, request.params.id);
      return { data: (await listCaseDocuments(request.db, row.association_id, row.id)).map(documentView) };
    },
  );

  app.get(
    '/v1/cases/:id/documents/:documentId',
    {
      config: access,
      schema: {
        tags: ['case'],
        summary: 'Download a document with its detected type',
        params: CaseDocumentParamsSchema,
        response: { 200: z.any().describe('The document, with its detected Content-Type'), ...errors },
      },
    },
    async (request, reply) => {
      const row = await caseFor(request.db, request.auth!, request.params.id);
      const document = await findCaseDocument(request.db, row.association_id, row.id, request.params.documentId);
      if (!document) throw notFound('document');
      reply
        .type(document.media_type === 'text/plain' ? 'text/plain; charset=utf-8' : document.media_type)
        .header('content-disposition', contentDisposition(document.filename))
        // The browser must not second-guess the checked type (e.g. render text as HTML).
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('etag', `"${document.sha256}"`);
      return Buffer.from(document.content);
    },
  );
};
