import { BankFileError, type BankCredit, type BankFile, type SkippedEntry } from './bank-file.js';

/**
 * Bankgirot BgMax (Bankgiro Inbetalningar), the Swedish file of payments into a bankgiro number:
 * fixed-width records of 80 characters, the record type (transaktionskod) in positions 1–2.
 *
 * Layout as read here (positions 1-based, inclusive), checked against Bankgirot's published example
 * file "avtal om OCR-kontroll" and an open parser's transcription of the technical manual:
 *   01 start:    3–22 layout name `BGMAX`, 23–24 version, 25–44 written at, 45 `P` production / `T` test
 *   05 opening:  3–12 the payee's bankgiro number, 23–25 currency (SEK, EUR)
 *   20 payment:  3–12 payer's bankgiro, 13–37 reference, 38–55 amount in öre (cent), 56 reference code,
 *                57 payment channel, 58–69 BGC serial number (BGC-löpnummer), 70 image flag
 *   21 deduction (same layout as 20; a credit note, taken off the deposit)
 *   22/23 extra reference for the payment before it (same layout)
 *   25 information text 3–52; 26 payer name 3–37; 27/28 address; 29 payer's organisation number
 *   15 deposit:  3–37 payee's bank account, 38–45 payment day YYYYMMDD, 46–50 deposit serial,
 *                51–68 deposit amount in öre, 69–71 currency, 72–79 number of payment records
 *   70 end:      3–10 payment records, 11–18 deduction records, 19–26 extra reference records, 27–34 deposit records
 * Reference code 0 and 1: no reference; otherwise the reference field is read and our own check
 * digit decides (2 is Bankgirot's "correct OCR"; codes 3–5 carry references Bankgirot did not verify).
 * Records of other types are skipped, as the manual asks of readers. Every payment in a section is
 * received on its deposit record's payment day. The deduplication key is the payee's bankgiro,
 * that day and the BGC serial number.
 */

interface OpenPayment {
  credit: Omit<BankCredit, 'receivedOn' | 'bankReference'>;
  serial: string;
}

const field = (line: string, from: number, to: number) => line.slice(from - 1, to);
const digitsField = (line: string, from: number, to: number, at: string, what: string): string => {
  const value = field(line, from, to);
  if (!/^\d+$/.test(value)) throw new BankFileError(at, `positions ${from}–${to} (${what}) must be digits, got ${JSON.stringify(value)}`);
  return value;
};

export function isBgMax(content: string): boolean {
  return content.startsWith('01BGMAX');
}

export function readBgMax(content: string): BankFile {
  const lines = content.split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  const credits: BankCredit[] = [];
  const skipped: SkippedEntry[] = [];
  let section: { bankgiro: string; currency: string; payments: OpenPayment[]; extraReferences: number } | null = null;
  let last: OpenPayment | null = null;
  const counted = { payments: 0, deductions: 0, extraReferences: 0, deposits: 0 };
  let ended = false;

  lines.forEach((raw, index) => {
    const at = `line ${index + 1}`;
    const line = raw.padEnd(80, ' ');
    const type = field(line, 1, 2);
    if (ended) throw new BankFileError(at, 'a record after the end record (70)');
    if (index === 0) {
      if (type !== '01' || field(line, 3, 22).trim() !== 'BGMAX') throw new BankFileError(at, 'a BgMax file starts with the start record 01 and layout name BGMAX');
      return;
    }
    switch (type) {
      case '05': {
        if (section) throw new BankFileError(at, 'an opening record (05) before the deposit record (15) closing the previous section');
        const currency = field(line, 23, 25);
        if (!/^[A-Z]{3}$/.test(currency)) throw new BankFileError(at, `positions 23–25 (currency) must be a currency code, got ${JSON.stringify(currency)}`);
        section = { bankgiro: digitsField(line, 3, 12, at, "payee's bankgiro number").replace(/^0+/, ''), currency, payments: [], extraReferences: 0 };
        last = null;
        return;
      }
      case '20':
      case '21': {
        if (!section) throw new BankFileError(at, `a ${type === '20' ? 'payment' : 'deduction'} record outside a section (no opening record 05 before it)`);
        const amount = Number(digitsField(line, 38, 55, at, 'amount in öre'));
        const serial = digitsField(line, 58, 69, at, 'BGC serial number');
        const code = field(line, 56, 56);
        if (!/^[0-5]$/.test(code)) throw new BankFileError(at, `position 56 (reference code) must be 0–5, got ${JSON.stringify(code)}`);
        if (type === '21') {
          counted.deductions++;
          skipped.push({ location: at, why: `a deduction (credit note) of ${amount} öre, not an incoming payment` });
          last = null;
          return;
        }
        counted.payments++;
        if (amount <= 0) throw new BankFileError(at, 'positions 38–55 (amount): a payment must be more than zero');
        const reference = code === '0' || code === '1' ? '' : field(line, 13, 37).trim();
        last = {
          serial,
          credit: {
            amount,
            currency: section.currency,
            reference: reference === '' ? null : reference,
            remittanceText: null,
            payerName: null,
            // Bankgirot is the Swedish clearing: OCR numbers.
            accountCountry: 'SE',
            unmatchable: null,
            location: at,
          },
        };
        section.payments.push(last);
        return;
      }
      case '22':
      case '23':
        counted.extraReferences++;
        if (!last) throw new BankFileError(at, 'an extra reference record (22/23) not after a payment record (20)');
        last.credit.unmatchable = 'several_references';
        return;
      case '25':
        if (last) last.credit.remittanceText = [last.credit.remittanceText, field(line, 3, 52).trim()].filter(Boolean).join(' ').slice(0, 500) || null;
        return;
      case '26':
        if (last) last.credit.payerName = field(line, 3, 37).trim() || null;
        return;
      case '15': {
        if (!section) throw new BankFileError(at, 'a deposit record (15) without an opening record (05)');
        counted.deposits++;
        const day = digitsField(line, 38, 45, at, 'payment day YYYYMMDD');
        const receivedOn = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
        const check = new Date(`${receivedOn}T00:00:00Z`);
        if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== receivedOn) throw new BankFileError(at, `positions 38–45 (payment day) is not a date: ${day}`);
        const currency = field(line, 69, 71);
        if (currency !== section.currency) throw new BankFileError(at, `positions 69–71 (currency) ${JSON.stringify(currency)} differ from the opening record's ${section.currency}`);
        const declared = Number(digitsField(line, 72, 79, at, 'number of payment records'));
        if (declared !== section.payments.length) throw new BankFileError(at, `the deposit record counts ${declared} payment records, the section has ${section.payments.length}`);
        for (const { credit, serial } of section.payments) {
          credits.push({ ...credit, bankReference: `bgmax:${section.bankgiro}:${day}:${serial}`, receivedOn });
        }
        section = null;
        last = null;
        return;
      }
      case '70': {
        if (section) throw new BankFileError(at, 'the end record (70) before the deposit record (15) closing the section');
        const declared = Number(digitsField(line, 3, 10, at, 'number of payment records'));
        if (declared !== counted.payments) throw new BankFileError(at, `the end record counts ${declared} payment records, the file has ${counted.payments}`);
        const deposits = Number(digitsField(line, 27, 34, at, 'number of deposit records'));
        if (deposits !== counted.deposits) throw new BankFileError(at, `the end record counts ${deposits} deposit records, the file has ${counted.deposits}`);
        ended = true;
        return;
      }
      default:
      // 27, 28, 29 (address, organisation number) and types this reader does not know: not needed to register a payment.
    }
  });
  if (!ended) throw new BankFileError(`line ${lines.length}`, 'the file ends without the end record (70): it may be cut off');
  return { format: 'bgmax', credits, skipped };
}
