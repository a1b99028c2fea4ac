import { z } from 'zod';
import { CaseIdSchema } from './case.js';

/**
 * Documents of a case (issue 3 §5): invoices, correspondence, contracts, dispute material. Uploaded
 * as `multipart/form-data` with a `kind` field and one `file` part; PDF, PNG, JPEG or plain text up to
 * 10 MB. The server decides the type from the bytes (never from the name or the declared type) and
 * stores the document with its SHA-256.
 */

export const DOCUMENT_KINDS = ['invoice', 'correspondence', 'contract', 'dispute', 'other'] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;
export const DocumentMediaTypeSchema = z.enum(DOCUMENT_MEDIA_TYPES);
export type DocumentMediaType = z.infer<typeof DocumentMediaTypeSchema>;

/** 10 MiB: the largest file a case document may be. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** `doc_` + 24 hex digits. Anything else cannot be a document: the server answers 404. */
export const DocumentIdSchema = z.string().regex(/^doc_[0-9a-f]{24}$/, { message: 'expected a document id doc_…' });

export const DocumentSchema = z.object({
  id: DocumentIdSchema,
  /** Null while an upload made before the case waits to be named in `POST /v1/cases` `documentIds`. */
  caseId: CaseIdSchema.nullable(),
  kind: DocumentKindSchema,
  /** The name as uploaded, for the download; says nothing about the type. */
  filename: z.string(),
  /** Detected from the content. */
  mediaType: DocumentMediaTypeSchema,
  size: z.int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.iso.datetime(),
  /** Where to download it, relative to the API base; null until it belongs to a case. */
  url: z.string().nullable(),
});
export type CaseDocument = z.infer<typeof DocumentSchema>;

export const DocumentListSchema = z.object({ data: z.array(DocumentSchema) });

export const CaseDocumentParamsSchema = z.object({ id: CaseIdSchema, documentId: DocumentIdSchema });
