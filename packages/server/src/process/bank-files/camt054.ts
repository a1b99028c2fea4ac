import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BankFileError, isoDay, minorUnits, type BankCredit, type BankFile, type SkippedEntry } from './bank-file.js';

/**
 * ISO 20022 camt.054 BankToCustomerDebitCreditNotification, the file Nordic banks deliver for
 * incoming payments (any version .001.02–.001.08: the elements read here kept their names).
 *
 * Each booked credit entry (`Ntry` with `CdtDbtInd` CRDT, `Sts` BOOK, not a reversal) is one payment,
 * or one per `NtryDtls/TxDtls` when the bank batched several (their amounts must add up to the
 * entry's). Read per payment: the amount and currency (`TxDtls/Amt` or `AmtDtls/TxAmt/Amt`, else the
 * entry's `Amt`), the value date else the booking date, the structured creditor reference
 * (`RmtInf/Strd/CdtrRefInf/Ref`) else the unstructured text (`RmtInf/Ustrd`), the payer's name, and
 * the bank's reference for deduplication: `TxDtls/Refs/AcctSvcrRef`, else the entry's `AcctSvcrRef`
 * or `NtryRef` (with the transaction's position when the entry holds several). Debits, reversals
 * and pending entries are listed as skipped.
 */

const ARRAYS = new Set(['Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const child = (node: unknown, name: string): unknown => (isNode(node) ? node[name] : undefined);
const path = (node: unknown, ...names: string[]): unknown => names.reduce<unknown>((at, name) => child(at, name), node);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
/** An element's text, whether it has attributes (`{ '#text': … }`) or not. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (isNode(value) && typeof value['#text'] === 'string') return text(value['#text']);
  return undefined;
}

/** Whether the XML is a camt.054 notification (the root's first child names it). */
export function isCamt054(xml: string): boolean {
  return /<(?:\w+:)?BkToCstmrDbtCdtNtfctn[\s/>]/.test(xml);
}

export function readCamt054(xml: string): BankFile {
  // No DTDs: bank files have none, and entity declarations are how XML bombs get in.
  if (/<!DOCTYPE/i.test(xml)) throw new BankFileError('DOCTYPE', 'a camt.054 file has no DOCTYPE; DTDs are not accepted');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new BankFileError(`line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML: ${valid.err.msg}`);
  const doc = parser.parse(xml) as Node;
  const notification = path(doc, 'Document', 'BkToCstmrDbtCdtNtfctn');
  if (!isNode(notification)) {
    const root = Object.keys(doc).find((key) => !key.startsWith('?'));
    throw new BankFileError(root ?? 'Document', 'expected Document/BkToCstmrDbtCdtNtfctn (ISO 20022 camt.054)');
  }
  const notifications = list(notification.Ntfctn);
  if (notifications.length === 0) throw new BankFileError('BkToCstmrDbtCdtNtfctn', 'has no Ntfctn');
  const credits: BankCredit[] = [];
  const skipped: SkippedEntry[] = [];
  notifications.forEach((ntfctn, n) => {
    const at = `Ntfctn[${n + 1}]`;
    const iban = text(path(ntfctn, 'Acct', 'Id', 'IBAN'))?.replace(/\s/g, '').toUpperCase();
    const account = iban ?? text(path(ntfctn, 'Acct', 'Id', 'Othr', 'Id')) ?? null;
    const accountCountry = iban && /^[A-Z]{2}/.test(iban) ? iban.slice(0, 2) : null;
    list(child(ntfctn, 'Ntry')).forEach((entry, e) => readEntry(entry, `${at}/Ntry[${e + 1}]`, account, accountCountry, credits, skipped));
  });
  return { format: 'camt.054', credits, skipped };
}

function readEntry(entry: unknown, at: string, account: string | null, accountCountry: string | null, credits: BankCredit[], skipped: SkippedEntry[]): void {
  const direction = text(child(entry, 'CdtDbtInd'));
  if (direction !== 'CRDT' && direction !== 'DBIT') throw new BankFileError(`${at}/CdtDbtInd`, `expected CRDT or DBIT, got ${JSON.stringify(direction ?? null)}`);
  if (direction === 'DBIT') return void skipped.push({ location: at, why: 'a debit entry, not an incoming payment' });
  if (text(child(entry, 'RvslInd')) === 'true') return void skipped.push({ location: at, why: 'a reversal, not an incoming payment' });
  const status = text(child(entry, 'Sts')) ?? text(path(entry, 'Sts', 'Cd'));
  if (status !== undefined && status !== 'BOOK') return void skipped.push({ location: at, why: `status ${status}: only booked entries are imported` });

  const entryAmount = amountOf(child(entry, 'Amt'), `${at}/Amt`);
  if (!entryAmount) throw new BankFileError(`${at}/Amt`, 'missing');
  const booked = dateOf(child(entry, 'BookgDt'), `${at}/BookgDt`);
  const value = dateOf(child(entry, 'ValDt'), `${at}/ValDt`);
  const receivedOn = value ?? booked;
  if (!receivedOn) throw new BankFileError(`${at}/BookgDt`, 'an entry needs a booking or value date');
  const entryRef = text(child(entry, 'AcctSvcrRef')) ?? text(child(entry, 'NtryRef'));
  const transactions = list(child(entry, 'NtryDtls')).flatMap((details) => list(child(details, 'TxDtls')));
  const key = (ref: string) => `camt:${account ?? '-'}:${ref}`;

  if (transactions.length <= 1) {
    const tx = transactions[0];
    const txAt = `${at}/NtryDtls/TxDtls[1]`;
    const txAmount = tx === undefined ? undefined : transactionAmount(tx, txAt);
    if (txAmount && (txAmount.amount !== entryAmount.amount || txAmount.currency !== entryAmount.currency)) {
      throw new BankFileError(`${txAt}/Amt`, `${txAmount.amount} ${txAmount.currency} differs from the entry's Amt ${entryAmount.amount} ${entryAmount.currency}`);
    }
    const ref = text(path(tx, 'Refs', 'AcctSvcrRef')) ?? entryRef;
    if (!ref) throw new BankFileError(`${at}/AcctSvcrRef`, 'an entry needs AcctSvcrRef or NtryRef: it is what keeps a re-imported payment from being registered twice');
    credits.push({ bankReference: key(ref), ...entryAmount, receivedOn, ...remittance(tx), accountCountry, unmatchable: null, location: at });
    return;
  }
  let sum = 0;
  transactions.forEach((tx, t) => {
    const txAt = `${at}/NtryDtls/TxDtls[${t + 1}]`;
    const txAmount = transactionAmount(tx, txAt);
    if (!txAmount) throw new BankFileError(`${txAt}/Amt`, 'missing: an entry of several transactions needs the amount of each');
    if (txAmount.currency !== entryAmount.currency) throw new BankFileError(`${txAt}/Amt`, `currency ${txAmount.currency} differs from the entry's ${entryAmount.currency}`);
    sum += txAmount.amount;
    const own = text(path(tx, 'Refs', 'AcctSvcrRef'));
    const ref = own ?? (entryRef ? `${entryRef}/${t + 1}` : undefined);
    if (!ref) throw new BankFileError(`${txAt}/Refs/AcctSvcrRef`, 'needed (or the entry\'s AcctSvcrRef or NtryRef): it is what keeps a re-imported payment from being registered twice');
    credits.push({ bankReference: key(ref), ...txAmount, receivedOn, ...remittance(tx), accountCountry, unmatchable: null, location: txAt });
  });
  if (sum !== entryAmount.amount) throw new BankFileError(`${at}/Amt`, `the transactions add up to ${sum}, the entry says ${entryAmount.amount} (minor units)`);
}

function amountOf(node: unknown, at: string): { amount: number; currency: string } | undefined {
  if (node === undefined) return undefined;
  const currency = isNode(node) ? node['@Ccy'] : undefined;
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) throw new BankFileError(`${at}/@Ccy`, 'expected a currency code such as SEK');
  const value = text(node);
  if (value === undefined) throw new BankFileError(at, 'empty amount');
  return { amount: minorUnits(value, currency, at), currency };
}

function transactionAmount(tx: unknown, at: string) {
  return amountOf(child(tx, 'Amt'), `${at}/Amt`) ?? amountOf(path(tx, 'AmtDtls', 'TxAmt', 'Amt'), `${at}/AmtDtls/TxAmt/Amt`);
}

function dateOf(node: unknown, at: string): string | undefined {
  if (node === undefined) return undefined;
  const value = text(child(node, 'Dt')) ?? text(child(node, 'DtTm'));
  if (value === undefined) throw new BankFileError(at, 'expected Dt or DtTm');
  return isoDay(value, at);
}

function remittance(tx: unknown): Pick<BankCredit, 'reference' | 'remittanceText' | 'payerName'> {
  const info = child(tx, 'RmtInf');
  const structured = list(child(info, 'Strd'))
    .map((strd) => text(path(strd, 'CdtrRefInf', 'Ref')))
    .find((ref) => ref !== undefined);
  const unstructured = list(child(info, 'Ustrd'))
    .map(text)
    .filter((line): line is string => line !== undefined)
    .join(' ');
  const parties = child(tx, 'RltdPties');
  // Dbtr/Nm up to camt.054.001.07, Dbtr/Pty/Nm from .08.
  const payerName = text(path(parties, 'Dbtr', 'Nm')) ?? text(path(parties, 'Dbtr', 'Pty', 'Nm')) ?? null;
  const remittanceText = unstructured === '' ? null : unstructured.slice(0, 500);
  return { reference: structured ?? remittanceText, remittanceText, payerName };
}
