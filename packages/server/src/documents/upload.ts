import type { FastifyRequest } from 'fastify';
import { DocumentKindSchema, MAX_DOCUMENT_BYTES, type DocumentKind, type DocumentMediaType } from '@collectkit/sdk';
import { ApiError, invalidRequest } from '../http/api-error.js';
import { detectDocumentMediaType } from './detect-media-type.js';

/** One uploaded document, read and checked before the command's transaction starts. */
export interface DocumentUpload {
  kind: DocumentKind;
  filename: string;
  mediaType: DocumentMediaType;
  content: Buffer;
  /** Other text fields of the form (e.g. `creditorId`). */
  fields: Record<string, string>;
}

/** At most this many text fields besides the file; each at most 1 KB. */
const MAX_FIELDS = 5;

/**
 * Reads a `multipart/form-data` upload: one `file` part and a `kind` field, in any order. Size and
 * type are checked here, from the bytes: more than 10 MB → 413, a type other than PDF, PNG, JPEG or
 * plain text → 415, whatever the name or declared type say.
 */
export async function readDocumentUpload(request: FastifyRequest): Promise<DocumentUpload> {
  if (!request.isMultipart()) throw new ApiError(415, 'unsupported_media_type', 'Send the document as multipart/form-data with a kind field and a file part.');
  const fields: Record<string, string> = {};
  let file: { filename: string; content: Buffer } | undefined;
  // One file more than allowed is read as a part so that it can be refused with a clear 400.
  const parts = request.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 2, fields: MAX_FIELDS, fieldSize: 1024, parts: MAX_FIELDS + 2 } });
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        if (file || part.fieldname !== 'file') {
          await part.toBuffer().catch(() => undefined);
          throw invalidRequest(part.fieldname, 'send exactly one file, in the part named "file"');
        }
        // Throws the multipart plugin's 413 once the file passes 10 MB.
        file = { filename: part.filename, content: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (error instanceof ApiError || (status !== undefined && status >= 400 && status < 500)) throw error;
    // The multipart parser's own complaints (no boundary, truncated body) are the client's.
    throw invalidRequest('body', `not a readable multipart/form-data body: ${(error as Error).message}`);
  }
  if (!file) throw invalidRequest('file', 'attach the document in a part named "file"');
  const kind = DocumentKindSchema.safeParse(fields.kind);
  if (!kind.success) throw invalidRequest('kind', `expected one of ${DocumentKindSchema.options.join(', ')}`);
  if (file.content.length === 0) throw invalidRequest('file', 'the file is empty');
  const mediaType = await detectDocumentMediaType(file.content);
  if (!mediaType) throw new ApiError(415, 'unsupported_media_type', 'A document must be a PDF, PNG, JPEG or plain UTF-8 text; the content is none of these.');
  return { kind: kind.data, filename: cleanFilename(file.filename), mediaType, content: file.content, fields };
}

/** The last path segment, without control characters, at most 200 characters; "document" when nothing is left. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'document' : clean;
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 8187). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
