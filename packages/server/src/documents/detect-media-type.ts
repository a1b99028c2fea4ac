import { fileTypeFromBuffer } from 'file-type';
import type { DocumentMediaType } from '@collectkit/sdk';

/** What file-type reports for the binary formats a case document may have. */
const ACCEPTED_BINARY: Readonly<Record<string, DocumentMediaType>> = {
  'application/pdf': 'application/pdf',
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
};

/**
 * The type of a document, decided from its bytes alone (never from its name or the type the
 * client declared): PDF, PNG or JPEG by their signatures (the file-type package), else plain text
 * when it is valid UTF-8 without NUL characters. Anything else — an executable renamed `.pdf`, a
 * ZIP, UTF-16, binary noise — is undefined: refused.
 */
export async function detectDocumentMediaType(content: Uint8Array): Promise<DocumentMediaType | undefined> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) return ACCEPTED_BINARY[detected.mime];
  return isPlainText(content) ? 'text/plain' : undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function isPlainText(content: Uint8Array): boolean {
  if (content.includes(0)) return false;
  try {
    utf8.decode(content);
    return true;
  } catch {
    return false;
  }
}
