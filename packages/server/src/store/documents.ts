import { randomBytes } from 'node:crypto';
import type { DocumentKind, DocumentMediaType } from '@collectkit/sdk';
import { invalidRequest } from '../http/api-error.js';
import type { Queryable } from './database.js';

/**
 * Documents (migration 0004): stored in the database as bytea with their SHA-256, scoped by
 * association and, for members, by creditor. A document uploaded before its case has no case until
 * `attachDocumentsToCase` runs in the transaction that creates the case.
 */

export interface DocumentRow {
  id: string;
  association_id: string;
  creditor_id: string | null;
  case_id: string | null;
  kind: DocumentKind;
  filename: string;
  media_type: DocumentMediaType;
  size: number;
  sha256: string;
  created_at: Date;
}

const COLUMNS = 'id, association_id::text, creditor_id::text, case_id, kind, filename, media_type, size, sha256, created_at';

/** `doc_` + 12 random bytes as hex: unguessable, URL-safe. */
export function newDocumentId(): string {
  return `doc_${randomBytes(12).toString('hex')}`;
}

export interface NewDocument {
  associationId: string;
  creditorId: string | null;
  caseId: string | null;
  kind: DocumentKind;
  filename: string;
  mediaType: DocumentMediaType;
  sha256: string;
  content: Buffer;
  uploadedBy: string;
  now: Date;
}

export async function insertDocument(db: Queryable, input: NewDocument): Promise<DocumentRow> {
  const rows = await db.query<DocumentRow>(
    `INSERT INTO documents (id, association_id, creditor_id, case_id, kind, filename, media_type, size, sha256, content, uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
    [newDocumentId(), input.associationId, input.creditorId, input.caseId, input.kind, input.filename, input.mediaType, input.content.length, input.sha256, input.content, input.uploadedBy, input.now],
  );
  return rows[0]!;
}

/** Adds the document to the case's `documentIds` and bumps its version (the ETag): the case changed. */
export async function addDocumentToCase(db: Queryable, associationId: string, caseId: string, documentId: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE cases SET document_ids = array_append(document_ids, $3), updated_at = $4, version = version + 1
      WHERE association_id = $1 AND id = $2`,
    [associationId, caseId, documentId, now],
  );
}

export async function listCaseDocuments(db: Queryable, associationId: string, caseId: string): Promise<DocumentRow[]> {
  // In the order the case lists them (uploads before the case first, in the order it named them).
  return db.query<DocumentRow>(
    `SELECT d.id, d.association_id::text, d.creditor_id::text, d.case_id, d.kind, d.filename, d.media_type, d.size, d.sha256, d.created_at
       FROM documents d JOIN cases c ON c.id = d.case_id AND c.association_id = d.association_id
      WHERE d.association_id = $1 AND d.case_id = $2
      ORDER BY array_position(c.document_ids, d.id) NULLS LAST, d.created_at, d.id`,
    [associationId, caseId],
  );
}

export async function findCaseDocument(db: Queryable, associationId: string, caseId: string, id: string): Promise<(DocumentRow & { content: Uint8Array }) | undefined> {
  const rows = await db.query<DocumentRow & { content: Uint8Array }>(
    `SELECT ${COLUMNS}, content FROM documents WHERE association_id = $1 AND case_id = $2 AND id = $3`,
    [associationId, caseId, id],
  );
  return rows[0];
}

/**
 * Gives the documents uploaded before the case (`POST /v1/documents`) to the new case, in the
 * transaction that creates it. Each id must be a document of the association, not yet on a case,
 * uploaded for this creditor (or for no creditor in particular); otherwise 400 naming the id, and
 * the case creation rolls back.
 */
export async function attachDocumentsToCase(
  db: Queryable,
  input: { associationId: string; creditorId: string; caseId: string; documentIds: readonly string[] },
): Promise<void> {
  if (input.documentIds.length === 0) return;
  if (new Set(input.documentIds).size !== input.documentIds.length) throw invalidRequest('documentIds', 'each document once');
  const rows = await db.query<{ id: string }>(
    `UPDATE documents SET case_id = $3
      WHERE association_id = $1 AND id = ANY ($4::text[]) AND case_id IS NULL AND (creditor_id IS NULL OR creditor_id = $2)
      RETURNING id`,
    [input.associationId, input.creditorId, input.caseId, [...input.documentIds]],
  );
  const attached = new Set(rows.map((row) => row.id));
  const index = input.documentIds.findIndex((id) => !attached.has(id));
  if (index >= 0) throw invalidRequest(`documentIds.${index}`, 'no such document, or it already belongs to a case');
}
