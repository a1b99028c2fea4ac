import { BankFileError, type BankFile } from './bank-file.js';
import { isBgMax, readBgMax } from './bgmax.js';
import { isCamt054, readCamt054 } from './camt054.js';

/**
 * Reads a bank file whatever its name says: XML with a BkToCstmrDbtCdtNtfctn is camt.054, text
 * starting with the BgMax start record is BgMax. Text is UTF-8, else ISO 8859-1 (BgMax files are
 * Latin-1; a byte sequence that is not UTF-8 is read that way).
 */
export function readBankFile(content: Uint8Array): BankFile {
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    decoded = new TextDecoder('latin1').decode(content);
  }
  const text = decoded.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('<')) {
    if (!isCamt054(start)) throw new BankFileError('Document', 'an XML file that is not a camt.054 BankToCustomerDebitCreditNotification (BkToCstmrDbtCdtNtfctn)');
    return readCamt054(start);
  }
  if (isBgMax(text)) return readBgMax(text);
  throw new BankFileError('line 1', 'not a bank file this server reads: expected ISO 20022 camt.054 XML or a Bankgirot BgMax file (01BGMAX…)');
}
