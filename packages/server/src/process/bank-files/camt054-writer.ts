import type { IsoDate } from '@collectkit/sdk';
import { currencyDigits } from './bank-file.js';

/**
 * Writes a camt.054.001.02 credit notification, the file a Nordic bank delivers for incoming payments,
 * so that the demo's simulated debtor pays the way a real one does: through the bank-file import
 * (POST /v1/payments/imports), matched by its payment reference (simulate/debtor-payment.ts).
 * Only what camt054.ts reads is written; one booked credit entry per payment.
 */

export interface Camt054Credit {
  /** Minor units, more than zero. */
  amount: number;
  currency: string;
  /** Booking and value date. */
  bookedOn: IsoDate;
  /** The bank's own entry reference (AcctSvcrRef): what keeps a re-imported payment from being registered twice. */
  bankReference: string;
  /** The payment reference the payer quoted (RmtInf/Strd/CdtrRefInf/Ref), e.g. a FIK +71 line. */
  reference: string;
  payerName: string;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 1234567 DKK → "12345.67": decimal digits of the currency, never through a float. */
export function decimalAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor) || minor <= 0) throw new Error(`a credit amount must be a whole number of minor units above zero, got ${minor}`);
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export function writeCamt054(account: { iban: string }, credits: readonly Camt054Credit[], message: { id: string; createdAt: Date }): string {
  const created = message.createdAt.toISOString().slice(0, 19);
  const entries = credits.map(
    (c) => `
      <Ntry>
        <Amt Ccy="${esc(c.currency)}">${decimalAmount(c.amount, c.currency)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${c.bookedOn}</Dt></BookgDt>
        <ValDt><Dt>${c.bookedOn}</Dt></ValDt>
        <AcctSvcrRef>${esc(c.bankReference)}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Nm>${esc(c.payerName)}</Nm></Dbtr></RltdPties>
          <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${esc(c.reference)}</Ref></CdtrRefInf></Strd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>${esc(message.id)}</MsgId><CreDtTm>${created}</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>${esc(message.id)}-1</Id>
      <CreDtTm>${created}</CreDtTm>
      <Acct><Id><IBAN>${esc(account.iban.replace(/\s/g, ''))}</IBAN></Id></Acct>${entries.join('')}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>
`;
}
