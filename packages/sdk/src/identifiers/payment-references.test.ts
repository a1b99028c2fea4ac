import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createPaymentReference,
  formatPaymentReference,
  isValidPaymentReference,
  normalizePaymentReference,
  paymentReferenceKindFor,
  type PaymentReferenceKind,
} from './index.js';
import { isCollectkitInputError } from '../errors.js';

const FIK = { creditorNumber: '12345678' };

function throwsInput(fn: () => unknown, field: string) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isCollectkitInputError(error), `expected CollectkitInputError, got ${String(error)}`);
    assert.equal(error.code, 'invalid_argument');
    assert.equal(error.field, field);
    return true;
  });
}

/** Positions of `value` holding a digit. */
const digitPositions = (value: string): number[] => [...value].flatMap((c, i) => (c >= '0' && c <= '9' ? [i] : []));
const replaceAt = (value: string, at: number, char: string): string => value.slice(0, at) + char + value.slice(at + 1);
const changeDigit = (value: string, at: number, delta: number): string =>
  replaceAt(value, at, String((+value[at]! + delta) % 10));

describe('worked examples', () => {
  it('RF: ISO 11649 example RF18 5390 0754 7034', () => {
    // 539007547034 + "RF00" → 539007547034271500; mod 97 = 80; 98 − 80 = 18.
    // Check: 539007547034 + "RF18" → 539007547034271518 ≡ 1 (mod 97).
    assert.equal(createPaymentReference('rf', '539007547034'), 'RF18539007547034');
    assert.equal(formatPaymentReference('rf', 'RF18539007547034'), 'RF18 5390 0754 7034');
    assert.ok(isValidPaymentReference('rf', 'RF18 5390 0754 7034'));
    assert.ok(isValidPaymentReference('rf', 'rf18539007547034'));
    assert.equal(isValidPaymentReference('rf', 'RF19 5390 0754 7034'), false);
    assert.equal(isValidPaymentReference('rf', 'RF18 5390 0754 7035'), false);
  });

  it('RF: letters count as A=10 … Z=35 and a base is 1–21 characters', () => {
    const reference = createPaymentReference('rf', 'Invoice2025x17');
    assert.match(reference, /^RF\d\dINVOICE2025X17$/);
    assert.ok(isValidPaymentReference('rf', reference));
    assert.ok(isValidPaymentReference('rf', createPaymentReference('rf', 'Z'.repeat(21))));
    assert.equal(isValidPaymentReference('rf', `RF00${'1'.repeat(22)}`), false);
  });

  it('FI viitenumero: base 1234 → 12344', () => {
    // from the right 4·7 + 3·3 + 2·1 + 1·7 = 28 + 9 + 2 + 7 = 46; (10 − 6) mod 10 = 4
    assert.equal(createPaymentReference('fi', '1234'), '12344');
    // base 123456: 6·7 + 5·3 + 4·1 + 3·7 + 2·3 + 1·1 = 89; (10 − 9) mod 10 = 1; printed in groups of 5 from the right
    assert.equal(createPaymentReference('fi', '123456'), '1234561');
    assert.equal(formatPaymentReference('fi', '1234561'), '12 34561');
    assert.ok(isValidPaymentReference('fi', '12 34561'));
    // base 100: 0·7 + 0·3 + 1·1 = 1 → 9; base 370: 0·7 + 7·3 + 3·1 = 24 → 6; base 730: 0 + 9 + 7 = 16 → 4
    assert.equal(createPaymentReference('fi', '100'), '1009');
    assert.equal(createPaymentReference('fi', '370'), '3706');
    assert.equal(createPaymentReference('fi', '730'), '7304');
    // base 130: 0·7 + 3·3 + 1·1 = 10 ≡ 0 → check 0
    assert.equal(createPaymentReference('fi', '130'), '1300');
  });

  it('SE OCR: Luhn last; with length digit 123456 → 12345682', () => {
    // 1234567 from the right: 7·2→5, 6, 5·2→1, 4, 3·2=6, 2, 1·2=2 = 26 → 4
    assert.equal(createPaymentReference('ocr', '1234567'), '12345674');
    // length digit: 6 + 2 = 8 digits → 8; Luhn over 1234568: 8·2→7, 6, 5·2→1, 4, 6, 2, 2 = 28 → 2
    assert.equal(createPaymentReference('ocr-length', '123456'), '12345682');
    assert.equal(isValidPaymentReference('ocr-length', '12345672'), false); // length digit says 7
    // a 23-digit base makes 25 digits, length digit 5
    assert.equal(createPaymentReference('ocr-length', '1'.repeat(23)).at(-2), '5');
  });

  it('NO KID MOD10 and MOD11', () => {
    // MOD10 of 1234567890 from the right: 0, 9, 8·2→7, 7, 6·2→3, 5, 4·2=8, 3, 2·2=4, 1 = 47 → 3
    assert.equal(createPaymentReference('kid-mod10', '1234567890'), '12345678903');
    // MOD11 of 1234567890, weights 2..7 from the right: 0+27+32+35+36+35+8+9+8+5 = 195; 195 mod 11 = 8; 11 − 8 = 3
    assert.equal(createPaymentReference('kid-mod11', '1234567890'), '12345678903');
    // MOD11 of 1: 1·2 = 2 → 9 (MOD10 of 1 would be 8)
    assert.equal(createPaymentReference('kid-mod11', '1'), '19');
    assert.equal(createPaymentReference('kid-mod10', '1'), '18');
    // MOD11 of 14: 4·2 + 1·3 = 11 ≡ 0 → 11 → 0
    assert.equal(createPaymentReference('kid-mod11', '14'), '140');
  });

  it("NO KID MOD11: refuses a base whose check would be 10 ('-'), and never accepts '-'", () => {
    // 6·2 = 12 ≡ 1 (mod 11) → 11 − 1 = 10
    throwsInput(() => createPaymentReference('kid-mod11', '6'), 'base');
    assert.equal(isValidPaymentReference('kid-mod11', '6-'), false);
    for (let d = 0; d <= 9; d++) assert.equal(isValidPaymentReference('kid-mod11', `6${d}`), false);
  });

  it('DK FIK +71: the line from a published example validates', () => {
    // "+71< 004040400000669+12345678<" (Uniconta's FIK guide; the creditor number is a placeholder).
    // Luhn over 00404040000066, from the right: 6·2→3, 6, 0, 0, 0, 0, 0, 4, 0, 4, 0, 4, 0, 0 = 21 → 9
    assert.equal(createPaymentReference('fik71', '00404040000066', FIK), '+71<004040400000669+12345678<');
    assert.equal(createPaymentReference('fik71', '404040000066', FIK), '+71<004040400000669+12345678<'); // zero-padded
    for (const spelling of ['+71<004040400000669+12345678<', '+71< 004040400000669 +12345678<', '+71 004040400000669+12345678']) {
      assert.equal(normalizePaymentReference('fik71', spelling), '+71<004040400000669+12345678<', spelling);
    }
  });

  it('DK FIK +71: the bare 15-digit payment id is accepted, the parts are each checked', () => {
    assert.equal(normalizePaymentReference('fik71', '004040400000669'), '004040400000669');
    assert.equal(isValidPaymentReference('fik71', '004040400000668'), false);
    assert.equal(isValidPaymentReference('fik71', '+71<004040400000668+12345678<'), false);
    assert.equal(isValidPaymentReference('fik71', '+71<004040400000669+1234567<'), false);
    assert.equal(isValidPaymentReference('fik71', '+73<004040400000669+12345678<'), false);
    assert.equal(isValidPaymentReference('fik71', '04040400000669'), false);
  });
});

describe('createPaymentReference input errors', () => {
  it('names base for bad bases and options.creditorNumber for a missing creditor number', () => {
    throwsInput(() => createPaymentReference('ocr', ''), 'base');
    throwsInput(() => createPaymentReference('ocr', '12a4'), 'base');
    throwsInput(() => createPaymentReference('ocr', ' 1234'), 'base');
    throwsInput(() => createPaymentReference('ocr', '1'.repeat(25)), 'base');
    throwsInput(() => createPaymentReference('ocr-length', '1'.repeat(24)), 'base');
    throwsInput(() => createPaymentReference('kid-mod10', 1234 as unknown as string), 'base');
    throwsInput(() => createPaymentReference('fi', '12'), 'base');
    throwsInput(() => createPaymentReference('fi', '1'.repeat(20)), 'base');
    throwsInput(() => createPaymentReference('rf', ''), 'base');
    throwsInput(() => createPaymentReference('rf', 'ÅÄÖ'), 'base');
    throwsInput(() => createPaymentReference('rf', '1'.repeat(22)), 'base');
    throwsInput(() => createPaymentReference('fik71', '1'.repeat(15), FIK), 'base');
    throwsInput(() => createPaymentReference('fik71', '123'), 'options.creditorNumber');
    throwsInput(() => createPaymentReference('fik71', '123', { creditorNumber: '1234567' }), 'options.creditorNumber');
    throwsInput(() => createPaymentReference('iso' as PaymentReferenceKind, '123'), 'kind');
  });

  it('isValidPaymentReference is false for non-strings, empty and the wrong kind', () => {
    for (const kind of ['fik71', 'ocr', 'ocr-length', 'kid-mod10', 'kid-mod11', 'fi', 'rf'] as const) {
      for (const bad of [null, undefined, 12344, '', ' ']) assert.equal(isValidPaymentReference(kind, bad), false, `${kind} ${String(bad)}`);
    }
    assert.equal(isValidPaymentReference('constructor' as PaymentReferenceKind, '12344'), false);
  });
});

describe('properties', () => {
  const digitKinds: [PaymentReferenceKind, number, number][] = [
    ['ocr', 1, 24],
    ['ocr-length', 1, 23],
    ['kid-mod10', 1, 24],
    ['kid-mod11', 1, 24],
    ['fi', 3, 19],
  ];

  for (const [kind, min, max] of digitKinds) {
    it(`${kind}: create → valid for every base of ${min}–${max} digits, and any one changed digit is caught`, () => {
      fc.assert(
        fc.property(fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`)), fc.nat(), fc.integer({ min: 1, max: 9 }), (base, pick, delta) => {
          let reference: string;
          try {
            reference = createPaymentReference(kind, base);
          } catch (error) {
            // only a MOD11 check of 10 may refuse a well-formed base
            assert.ok(kind === 'kid-mod11' && isCollectkitInputError(error) && error.field === 'base');
            return;
          }
          assert.ok(reference.startsWith(base));
          assert.ok(isValidPaymentReference(kind, reference));
          const at = pick % reference.length;
          assert.equal(isValidPaymentReference(kind, changeDigit(reference, at, delta)), false);
        }),
      );
    });
  }

  it('fik71: create → valid for bases of 1–14 digits; a changed payment-id digit is caught', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,14}$/), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (base, at, delta) => {
        const line = createPaymentReference('fik71', base, FIK);
        assert.ok(isValidPaymentReference('fik71', line));
        const paymentId = line.slice(4, 19);
        assert.ok(isValidPaymentReference('fik71', paymentId));
        assert.equal(isValidPaymentReference('fik71', changeDigit(paymentId, at, delta)), false);
        assert.equal(isValidPaymentReference('fik71', replaceAt(line, 4 + at, changeDigit(paymentId, at, delta)[at]!)), false);
      }),
    );
  });

  it('rf: create → valid for any 1–21 letters/digits; a digit or letter replaced by another of its kind is caught', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z]{1,21}$/), fc.nat(), fc.integer({ min: 1, max: 25 }), (base, pick, shift) => {
        const reference = createPaymentReference('rf', base);
        assert.ok(isValidPaymentReference('rf', reference));
        // after "RF": check digits and base
        const at = 2 + (pick % (reference.length - 2));
        const char = reference[at]!;
        const changed = digitPositions(reference).includes(at)
          ? changeDigit(reference, at, 1 + (shift % 9))
          : replaceAt(reference, at, letters[(letters.indexOf(char) + shift) % 26]!);
        // a letter-for-letter or digit-for-digit change alters the number by k·10^n with 0 < |k| < 97
        assert.equal(isValidPaymentReference('rf', changed), false, changed);
      }),
    );
  });
});

describe('paymentReferenceKindFor', () => {
  it('gives the kind debtors of each country are used to, RF elsewhere', () => {
    assert.equal(paymentReferenceKindFor('DK'), 'fik71');
    assert.equal(paymentReferenceKindFor('SE'), 'ocr');
    assert.equal(paymentReferenceKindFor('NO'), 'kid-mod10');
    assert.equal(paymentReferenceKindFor('FI'), 'fi');
    assert.equal(paymentReferenceKindFor('DE'), 'rf');
  });
});
