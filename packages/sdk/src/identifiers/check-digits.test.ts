import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLuhnValid, luhnCheckDigit, mod97, weightedSum } from './check-digits.js';

describe('Luhn (mod 10)', () => {
  it('gives 3 for 7992739871, the textbook example (79927398713)', () => {
    // from the right: 1·2=2, 7, 8·2=16→7, 9, 3·2=6, 7, 2·2=4, 9, 9·2=18→9, 7 → 67; (10 − 7) mod 10 = 3
    assert.equal(luhnCheckDigit('7992739871'), 3);
    assert.ok(isLuhnValid('79927398713'));
    assert.ok(!isLuhnValid('79927398710'));
  });

  it('leading zeros do not change the check digit (so FIK payment ids may be zero-padded)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,20}$/), fc.integer({ min: 1, max: 10 }), (base, zeros) => {
        assert.equal(luhnCheckDigit('0'.repeat(zeros) + base), luhnCheckDigit(base));
      }),
    );
  });

  it('refuses a single digit: there is nothing to check', () => {
    assert.ok(!isLuhnValid('0'));
  });
});

describe('weightedSum', () => {
  it('applies weights from the left or, cycling, from the right', () => {
    assert.equal(weightedSum('123', [1, 2, 3]), 1 + 4 + 9);
    // 1234 from the right with 7,3,1: 4·7 + 3·3 + 2·1 + 1·7 = 46
    assert.equal(weightedSum('1234', [7, 3, 1], true), 46);
  });
});

describe('mod97', () => {
  it('gives 1 for the rearranged IBAN GB82 WEST 1234 5698 7654 32 (ISO 13616 example)', () => {
    // WEST12345698765432 + GB82 → 3214282912345698765432161182
    assert.equal(mod97('WEST12345698765432GB82'), 1);
    assert.equal(mod97('3214282912345698765432161182'), 1);
  });

  it('equals the BigInt remainder for any alphanumeric string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,40}$/), (value) => {
        const asNumber = value.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
        assert.equal(mod97(value), Number(BigInt(asNumber) % 97n));
      }),
    );
  });
});
