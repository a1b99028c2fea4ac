// The smallest files of each kind the document tests upload, small enough to check by hand.
import { createHash } from 'node:crypto';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
// PNG signature (89 50 4E 47 0D 0A 1A 0A) + the start of an IHDR chunk.
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
// JPEG: SOI (FF D8) and a JFIF APP0 marker.
export const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(32), Buffer.from('ffd9', 'hex')]);
// A Windows executable: "MZ" header, the PE offset at 0x3c and "PE\0\0" there.
export const EXE = (() => {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
})();

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
