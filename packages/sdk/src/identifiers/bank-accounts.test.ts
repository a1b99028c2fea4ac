import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
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
