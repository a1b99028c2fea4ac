import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BankFileError, minorUnits } from './bank-file.js';
import { bgmax, camt054 } from './bank-file-fixtures.js';
import { readBankFile } from './detect.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const failsAt = (text: string | Uint8Array, location: RegExp, message: RegExp) =>
  assert.throws(
    () => readBankFile(typeof text === 'string' ? bytes(text) : text),
    (error: unknown) => error instanceof BankFileError && location.test(error.location) && message.test(error.message),
  );

describe('camt.054', () => {
  it('reads booked credit entries: amount in minor units, value date, structured reference, bank reference; skips debits and pending', () => {
    const file = readBankFile(
      bytes(
        camt054([
          { amount: '1250.50', currency: 'SEK', acctSvcrRef: 'A1', valueDate: '2026-03-01', bookingDate: '2026-03-02', structured: '20260001233', debtorName: 'Kalles Plåt AB' },
          { amount: '10', currency: 'DKK', ntryRef: 'N2', unstructured: 'RF46 2026 0001 23' },
          { amount: '99.00', currency: 'SEK', acctSvcrRef: 'A3', direction: 'DBIT' },
          { amount: '5.00', currency: 'SEK', acctSvcrRef: 'A4', status: 'PDNG' },
        ]),
      ),
    );
    assert.equal(file.format, 'camt.054');
    assert.deepEqual(
      file.credits.map((c) => [c.bankReference, c.amount, c.currency, c.receivedOn, c.reference, c.payerName, c.accountCountry]),
      [
        ['camt:SE4550000000058398257466:A1', 125_050, 'SEK', '2026-03-01', '20260001233', 'Kalles Plåt AB', 'SE'],
        ['camt:SE4550000000058398257466:N2', 1_000, 'DKK', '2026-03-02', 'RF46 2026 0001 23', 'Payer', 'SE'],
      ],
    );
    assert.deepEqual(file.skipped.map((s) => s.location), ['Ntfctn[1]/Ntry[3]', 'Ntfctn[1]/Ntry[4]']);
  });

  it('names the line or element of a malformed file', () => {
    failsAt('<Document><BkToCstmrDbtCdtNtfctn><Ntfctn></BkToCstmrDbtCdtNtfctn></Document>', /^line 1, column \d+$/, /not well-formed XML/);
    failsAt(camt054([{ amount: '12.345', currency: 'SEK', acctSvcrRef: 'A' }]), /Ntry\[1\]\/Amt/, /SEK has 2 decimals/);
    failsAt(camt054([{ amount: '-5.00', currency: 'SEK', acctSvcrRef: 'A' }]), /Ntry\[1\]\/Amt/, /expected an amount/);
    failsAt(camt054([{ amount: '5.00', currency: 'SEK' }]), /Ntry\[1\]\/AcctSvcrRef/, /re-imported payment/);
    failsAt(camt054([{ amount: '5.00', currency: 'SEK', acctSvcrRef: 'A', bookingDate: '2026-02-30' }]), /Ntry\[1\]\/BookgDt/, /expected a date/);
    failsAt(camt054([{ amount: '5.00', currency: 'SEK', acctSvcrRef: 'A', direction: 'X' as 'CRDT' }]), /Ntry\[1\]\/CdtDbtInd/, /CRDT or DBIT/);
    failsAt('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Document><BkToCstmrDbtCdtNtfctn/></Document>', /DOCTYPE/, /DTDs/);
    failsAt('<Document><BkToCstmrStmt/></Document>', /Document/, /not a camt\.054/);
    failsAt('hello', /line 1/, /expected ISO 20022 camt\.054 XML or a Bankgirot BgMax/);
  });

  it('splits an entry of several transactions, which must add up to it', () => {
    const xml = camt054([{ amount: '30.00', currency: 'EUR', acctSvcrRef: 'B1', structured: 'x' }], { iban: 'FI2112345600000785' })
      .replace(/<NtryDtls>[\s\S]*<\/NtryDtls>/, '<NtryDtls><TxDtls><Refs><AcctSvcrRef>T1</AcctSvcrRef></Refs><Amt Ccy="EUR">10.00</Amt></TxDtls><TxDtls><Amt Ccy="EUR">20.00</Amt><RmtInf><Strd><CdtrRefInf><Ref>20260001230</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>');
    const file = readBankFile(bytes(xml));
    assert.deepEqual(
      file.credits.map((c) => [c.bankReference, c.amount, c.reference, c.accountCountry]),
      [
        ['camt:FI2112345600000785:T1', 1_000, null, 'FI'],
        ['camt:FI2112345600000785:B1/2', 2_000, '20260001230', 'FI'],
      ],
    );
    failsAt(xml.replace('20.00', '25.00'), /Ntry\[1\]\/Amt/, /add up to 3500/);
  });

  it('turns amounts into minor units exactly, by the currency’s decimals', () => {
    assert.equal(minorUnits('0.01', 'SEK', 'x'), 1);
    assert.equal(minorUnits('19999999.99', 'EUR', 'x'), 1_999_999_999);
    assert.equal(minorUnits('1000', 'JPY', 'x'), 1_000);
    assert.equal(minorUnits('1.250', 'KWD', 'x'), 1_250);
    assert.throws(() => minorUnits('0.00', 'SEK', 'x'), BankFileError);
  });
});

describe('BgMax', () => {
  it('reads payment records in öre with the deposit day; marks a payment with extra references; keys by bankgiro, day and BGC serial', () => {
    const file = readBankFile(
      bytes(
        bgmax([
          { reference: '20260001233', amount: 150_000, serial: 7, payerName: 'Kalles Plåt AB' },
          { reference: '', amount: 2_500, serial: 8, referenceCode: 1 },
          { reference: '20260001241', amount: 100, serial: 9, extraReferences: ['20260001258'] },
        ]),
      ),
    );
    assert.equal(file.format, 'bgmax');
    assert.deepEqual(
      file.credits.map((c) => [c.bankReference, c.amount, c.currency, c.receivedOn, c.reference, c.payerName, c.unmatchable, c.location]),
      [
        ['bgmax:50501055:20260302:000000000007', 150_000, 'SEK', '2026-03-02', '20260001233', 'Kalles Plåt AB', null, 'line 3'],
        ['bgmax:50501055:20260302:000000000008', 2_500, 'SEK', '2026-03-02', null, null, null, 'line 5'],
        ['bgmax:50501055:20260302:000000000009', 100, 'SEK', '2026-03-02', '20260001241', null, 'several_references', 'line 6'],
      ],
    );
  });

  it('reads a Latin-1 file (the encoding Bankgirot delivers)', () => {
    const text = bgmax([{ reference: '20260001233', amount: 100, serial: 1, payerName: 'Åsa Öberg' }]);
    const latin1 = Uint8Array.from(text, (char) => char.charCodeAt(0));
    assert.equal(readBankFile(latin1).credits[0]!.payerName, 'Åsa Öberg');
  });

  it('names the line of a malformed file', () => {
    const good = bgmax([{ reference: '20260001233', amount: 150_000, serial: 7 }]);
    const lines = good.split('\r\n');
    const withLine = (index: number, line: string) => lines.map((l, i) => (i === index ? line.padEnd(80, ' ') : l)).join('\r\n');
    failsAt(withLine(2, lines[2]!.slice(0, 40) + 'x'.repeat(15) + lines[2]!.slice(55)), /^line 3$/, /positions 38–55 \(amount in öre\) must be digits/);
    failsAt(withLine(3, lines[3]!.replace(/00000001 $/, '00000002 ')), /^line 4$/, /counts 2 payment records, the section has 1/);
    failsAt(withLine(3, lines[3]!.replace('20260302', '20260231')), /^line 4$/, /not a date/);
    failsAt(lines.slice(0, 4).join('\r\n'), /^line 4$/, /without the end record/);
    failsAt(withLine(4, lines[4]!.replace(/^7000000001/, '7000000003')), /^line 5$/, /end record counts 3 payment records/);
    failsAt(lines.filter((_, i) => i !== 1).join('\r\n'), /^line 2$/, /outside a section/);
  });
});
