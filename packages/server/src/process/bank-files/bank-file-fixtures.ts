/**
 * Bank files for tests, written the way banks write them: a camt.054.001.02 notification (the
 * version Nordic banks deliver most) and a BgMax file in Bankgirot's fixed-width layout (bgmax.ts).
 */

export interface CamtEntry {
  /** Decimal, as in the file: "1000.00". */
  amount: string;
  currency: string;
  acctSvcrRef?: string;
  ntryRef?: string;
  bookingDate?: string;
  valueDate?: string;
  /** RmtInf/Strd/CdtrRefInf/Ref. */
  structured?: string;
  /** RmtInf/Ustrd. */
  unstructured?: string;
  debtorName?: string;
  direction?: 'CRDT' | 'DBIT';
  status?: string;
}

export function camt054(entries: readonly CamtEntry[], options: { iban?: string; messageId?: string } = {}): string {
  return camt054Accounts([{ iban: options.iban ?? 'SE4550000000058398257466', entries }], options);
}

/** One notification (Ntfctn) per account. */
export function camt054Accounts(accounts: readonly { iban: string; entries: readonly CamtEntry[] }[], options: { messageId?: string } = {}): string {
  const notifications = accounts.map(({ iban, entries }, n) => `
    <Ntfctn>
      <Id>NTF-${n + 1}</Id>
      <CreDtTm>2026-03-02T18:00:00</CreDtTm>
      <Acct><Id><IBAN>${iban}</IBAN></Id></Acct>${entries.map(entryXml).join('')}
    </Ntfctn>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>${options.messageId ?? 'MSG-20260302-1'}</MsgId><CreDtTm>2026-03-02T18:00:00</CreDtTm></GrpHdr>${notifications.join('')}
  </BkToCstmrDbtCdtNtfctn>
</Document>
`;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function entryXml(e: CamtEntry): string {
  const remittance = [
    e.unstructured ? `<Ustrd>${esc(e.unstructured)}</Ustrd>` : '',
    e.structured ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${esc(e.structured)}</Ref></CdtrRefInf></Strd>` : '',
  ].join('');
  return `
    <Ntry>
      ${e.ntryRef ? `<NtryRef>${e.ntryRef}</NtryRef>` : ''}
      <Amt Ccy="${e.currency}">${e.amount}</Amt>
      <CdtDbtInd>${e.direction ?? 'CRDT'}</CdtDbtInd>
      <Sts>${e.status ?? 'BOOK'}</Sts>
      <BookgDt><Dt>${e.bookingDate ?? '2026-03-02'}</Dt></BookgDt>
      ${e.valueDate ? `<ValDt><Dt>${e.valueDate}</Dt></ValDt>` : ''}
      ${e.acctSvcrRef ? `<AcctSvcrRef>${e.acctSvcrRef}</AcctSvcrRef>` : ''}
      <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
      <NtryDtls><TxDtls>
        <RltdPties><Dbtr><Nm>${esc(e.debtorName ?? 'Payer')}</Nm></Dbtr></RltdPties>
        ${remittance ? `<RmtInf>${remittance}</RmtInf>` : ''}
      </TxDtls></NtryDtls>
    </Ntry>`;
}

export interface BgMaxPayment {
  /** The OCR reference as the payer gave it (right-aligned in positions 13–37). */
  reference: string;
  /** Öre. */
  amount: number;
  /** BGC serial number. */
  serial: number;
  /** Reference code, position 56: 2 = OCR checked by Bankgirot (default), 0/1 = none. */
  referenceCode?: number;
  payerName?: string;
  /** Extra reference records (22) after the payment. */
  extraReferences?: readonly string[];
}

const num = (value: number | string, width: number) => String(value).padStart(width, '0');
const record = (text: string) => text.padEnd(80, ' ');

/** One section (05 … 15) of payments into `bankgiro`, deposited on `day` (YYYYMMDD). */
export function bgmax(payments: readonly BgMaxPayment[], options: { bankgiro?: string; day?: string; currency?: string } = {}): string {
  const bankgiro = options.bankgiro ?? '50501055';
  const day = options.day ?? '20260302';
  const currency = options.currency ?? 'SEK';
  const lines = [record(`01BGMAX               01${day}180000000000T`), record(`05${num(bankgiro, 10)}          ${currency}`)];
  let extra = 0;
  for (const p of payments) {
    lines.push(record(`20${num('9912346', 10)}${p.reference.padStart(25, ' ')}${num(p.amount, 18)}${p.referenceCode ?? 2}1${num(p.serial, 12)}0`));
    for (const reference of p.extraReferences ?? []) {
      extra++;
      lines.push(record(`22${num('9912346', 10)}${reference.padStart(25, ' ')}${num(0, 18)}21${num(p.serial, 12)}0`));
    }
    if (p.payerName) lines.push(record(`26${p.payerName}`));
  }
  const total = payments.reduce((sum, p) => sum + p.amount, 0);
  lines.push(record(`15${num('99500000012345', 35)}${day}${num(1, 5)}${num(total, 18)}${currency}${num(payments.length, 8)} `));
  lines.push(record(`70${num(payments.length, 8)}${num(0, 8)}${num(extra, 8)}${num(1, 8)}`));
  return `${lines.join('\r\n')}\r\n`;
}
