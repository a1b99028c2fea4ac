import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mod97 } from './check-digits.js';
import {
  isValidBankgiro,
  isValidDanishBankAccount,
  isValidIban,
  isValidPlusgiro,
  normalizeBankgiro,
  normalizeDanishBankAccount,
  normalizeIban,
  normalizePlusgiro,
} from './index.js';

const NOT_STRINGS: unknown[] = [null, undefined, 50501055, {}];

describe('IBAN', () => {
  it('accepts the Nordic examples of the SWIFT IBAN registry', () => {
    for (const iban of ['DK5000400440116243', 'SE4550000000058398257466', 'NO9386011117947', 'FI2112345600000785']) {
      assert.ok(isValidIban(iban), iban);
    }
  });

  it('accepts the printed form, lower case and an "IBAN" label, and stores the electronic form', () => {
    for (const spelling of ['DK50 0040 0440 1162 43', 'dk5000400440116243', 'IBAN DK50 0040 0440 1162 43', 'DK50-0040-0440-1162-43']) {
      assert.equal(normalizeIban(spelling), 'DK5000400440116243', spelling);
    }
  });

  it('rejects a changed digit, wrong length, an unknown country, empty and non-strings', () => {
    for (const bad of ['DK5000400440116244', 'DK500040044011624', 'XX5000400440116243', 'DK50004004401162434', '']) {
      assert.equal(isValidIban(bad), false, bad);
    }
    for (const bad of NOT_STRINGS) assert.equal(isValidIban(bad), false);
  });

  it('accepts the registry examples of DE, GB, FR, NL, IS and EE at their registry lengths', () => {
    // SWIFT IBAN registry examples; lengths 22, 22, 27, 18, 26, 20.
    const examples: [string, number][] = [
      ['DE89370400440532013000', 22],
      ['GB29NWBK60161331926819', 22],
      ['FR1420041010050500013M02606', 27],
      ['NL91ABNA0417164300', 18],
      ['IS140159260076545510730339', 26],
      ['EE382200221020145685', 20],
    ];
    for (const [iban, length] of examples) {
      assert.equal(iban.length, length, iban);
      assert.equal(normalizeIban(iban), iban);
      assert.equal(isValidIban(iban.slice(0, -1)), false, `${iban} one character short`);
      assert.equal(isValidIban(`${iban}0`), false, `${iban} one character long`);
    }
  });

  it('checks the BBAN structure: a letter where the registry wants a digit is refused even with correct check digits', () => {
    // GB is 4 letters (bank code) + 14 digits. Swap the bank code for digits and recompute the check digits:
    // mod 97 then passes, the structure does not.
    const bban = '123460161331926819';
    const check = String(98 - mod97(`${bban}GB00`)).padStart(2, '0');
    assert.equal(mod97(`${bban}GB${check}`), 1);
    assert.equal(isValidIban(`GB${check}${bban}`), false);
  });

  it('refuses check digits 00, 01 and 99, which ISO 13616 never issues, even where mod 97 would pass', () => {
    // With r = mod 97 of BBAN + "DK00", check digits c pass mod 97 when (r + c) mod 97 = 1. For r = 1 both 00 and
    // 97 do, for r = 0 both 01 and 98, for r = 96 both 99 and 02: only the second of each pair is a real IBAN.
    const withRemainder = (r: number): string => {
      for (let n = 0; ; n++) {
        const bban = String(n).padStart(14, '0');
        if (mod97(`${bban}DK00`) === r) return bban;
      }
    };
    for (const [r, refused, issued] of [[1, '00', '97'], [0, '01', '98'], [96, '99', '02']] as const) {
      const bban = withRemainder(r);
      assert.equal(mod97(`${bban}DK${refused}`), 1);
      assert.equal(isValidIban(`DK${refused}${bban}`), false, `DK${refused}${bban}`);
      assert.equal(isValidIban(`DK${issued}${bban}`), true, `DK${issued}${bban}`);
    }
  });

  it('checks the Norwegian kontonummer mod 11 digit as well as mod 97', () => {
    // 8601 11 17947: weights 5,4,3,2,7,6,5,4,3,2 over 8601111794 → 40+24+0+2+7+6+5+28+27+8 = 147 = 13·11 + 4,
    // check digit 11 − 4 = 7. Change it to 8 and recompute the IBAN check digits: mod 97 passes, mod 11 does not.
    const bban = '86011117948';
    const check = String(98 - mod97(`${bban}NO00`)).padStart(2, '0');
    assert.equal(mod97(`${bban}NO${check}`), 1);
    assert.equal(isValidIban(`NO${check}${bban}`), false);
  });

  it('catches every single-character change and adjacent swap of a valid IBAN (fast-check)', () => {
    const valid = ['DK5000400440116243', 'SE4550000000058398257466', 'FI2112345600000785', 'DE89370400440532013000', 'GB29NWBK60161331926819'];
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.nat(), fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), (iban, at, replacement) => {
        const i = 4 + (at % (iban.length - 4));
        if (iban[i] !== replacement) assert.equal(isValidIban(iban.slice(0, i) + replacement + iban.slice(i + 1)), false);
        const j = 4 + (at % (iban.length - 5));
        if (iban[j] !== iban[j + 1]) assert.equal(isValidIban(iban.slice(0, j) + iban[j + 1] + iban[j] + iban.slice(j + 2)), false);
      }),
    );
  });
});

describe('SE Bankgiro and Plusgiro (Luhn)', () => {
  it('accepts 7- and 8-digit Bankgiro numbers with their check digit', () => {
    // 5050-1055 from the right: 5, 5·2→1, 0, 1·2=2, 0, 5·2→1, 0, 5·2→1 = 10
    assert.equal(normalizeBankgiro('5050-1055'), '50501055');
    assert.equal(normalizeBankgiro('Bg 5050-1055'), '50501055');
    // 900-8004: 4, 0, 0, 8·2→7, 0, 0, 9·2→9 = 20
    assert.equal(normalizeBankgiro('900-8004'), '9008004');
  });

  it('rejects a changed digit, wrong length, letters and non-strings', () => {
    for (const bad of ['5050-1056', '505-105', '5050-10550', '5050-105S', '']) assert.equal(isValidBankgiro(bad), false, bad);
    for (const bad of NOT_STRINGS) assert.equal(isValidBankgiro(bad), false);
  });

  it('accepts 2- to 8-digit Plusgiro numbers', () => {
    // 90 01 22-3: 3, 2·2=4, 2, 1·2=2, 0, 0, 9 = 20
    assert.equal(normalizePlusgiro('90 01 22-3'), '9001223');
    assert.equal(normalizePlusgiro('PG 90 01 22-3'), '9001223');
    // 1-8: 1·2 + 8 = 10
    assert.equal(normalizePlusgiro('1-8'), '18');
    for (const bad of ['90 01 22-4', '8', '1234 5678 9', 'pg', '']) assert.equal(isValidPlusgiro(bad), false, bad);
    for (const bad of NOT_STRINGS) assert.equal(isValidPlusgiro(bad), false);
  });
});

describe('DK bank account (registration number + account number)', () => {
  it('accepts 4 + up to 10 digits and pads the account to 10', () => {
    assert.deepEqual(normalizeDanishBankAccount('0040', '0440116243'), { registrationNumber: '0040', accountNumber: '0440116243' });
    assert.deepEqual(normalizeDanishBankAccount('1551', '3179 681'), { registrationNumber: '1551', accountNumber: '0003179681' });
    assert.ok(isValidDanishBankAccount('9570', '12345678'));
  });

  it('rejects wrong lengths, all zeros, letters and non-strings (no modulus check exists to apply)', () => {
    for (const [reg, account] of [
      ['040', '0440116243'],
      ['00400', '0440116243'],
      ['0040', '04401162431'],
      ['0000', '0440116243'],
      ['0040', '0000000000'],
      ['0040', ''],
      ['', '0440116243'],
      ['OO40', '0440116243'],
      [40, '0440116243'],
      ['0040', null],
    ] as [unknown, unknown][]) {
      assert.equal(isValidDanishBankAccount(reg, account), false, `${String(reg)} ${String(account)}`);
    }
  });
});
