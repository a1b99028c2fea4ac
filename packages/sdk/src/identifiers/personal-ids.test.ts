import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidSwedishPersonalNumber, normalizeSwedishPersonalNumber } from './index.js';
import { isCollectkitInputError } from '../errors.js';
import { luhnCheckDigit } from './check-digits.js';

describe('SE personnummer', () => {
  it("accepts Skatteverket's published example 811228-9874 in every spelling", () => {
    // Luhn over 8112289874, doubling from the left: 16→7, 1, 2, 2, 4, 8, 18→9, 8, 14→5, 4 = 50
    for (const spelling of ['811228-9874', '8112289874', '19811228-9874', '198112289874', ' 811228 9874 ', '811228+9874']) {
      assert.ok(isValidSwedishPersonalNumber(spelling), spelling);
    }
  });

  it('accepts a samordningsnummer (day + 60): 701063-2391', () => {
    // 1970-10-03 with day 03 + 60 = 63. Luhn: 14→5, 0, 2, 0, 12→3, 3, 4, 3, 18→9, 1 = 30
    assert.ok(isValidSwedishPersonalNumber('701063-2391'));
    assert.ok(isValidSwedishPersonalNumber('19701063-2391'));
  });

  it('requires a real date: 29 February only in a leap year the century allows', () => {
    // 000229-123x: Luhn 0,0,0,2,4,9,2,2,6 = 25 → check 5
    assert.ok(isValidSwedishPersonalNumber('000229-1235')); // '-' → 2000 (leap) is possible
    assert.equal(isValidSwedishPersonalNumber('000229+1235'), false); // '+' → 1900 or 1800, neither leap
    assert.ok(isValidSwedishPersonalNumber('20000229-1235'));
    assert.equal(isValidSwedishPersonalNumber('19000229-1235'), false);
    // 010229-123x: 0,1,0,2,4,9,2,2,6 = 26 → check 4; 1901 and 2001 are not leap years
    assert.equal(isValidSwedishPersonalNumber('010229-1234'), false);
    // 811328-987x: 7,1,2,3,4,8,9,8,5 = 47 → check 3; month 13
    assert.equal(isValidSwedishPersonalNumber('811328-9873'), false);
    // samordningsnummer day 92 = day 32
    const base = '811292987';
    assert.equal(isValidSwedishPersonalNumber(base + luhnCheckDigit(base)), false);
    // day 00
    const dayZero = '811200987';
    assert.equal(isValidSwedishPersonalNumber(dayZero + luhnCheckDigit(dayZero)), false);
  });

  it('rejects a changed digit, wrong length, a + in the 12-digit form, letters, empty and non-strings', () => {
    for (const bad of ['811228-9875', '811228-987', '811228-98744', '19811228+9874', '21811228-9874', '811228/9874', '81122B-9874', '']) {
      assert.equal(isValidSwedishPersonalNumber(bad), false, bad);
    }
    for (const bad of [null, undefined, 8112289874, {}]) assert.equal(isValidSwedishPersonalNumber(bad), false);
  });

  it('catches any single changed digit', () => {
    const birthDate = fc
      .record({ year: fc.integer({ min: 1901, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
      .map(({ year, month, day }) => [year, month, day].map((n) => String(n).padStart(2, '0').slice(-2)).join(''));
    fc.assert(
      fc.property(birthDate, fc.stringMatching(/^\d{3}$/), fc.nat(9), fc.integer({ min: 1, max: 9 }), (date, serial, at, delta) => {
        const number = date + serial + luhnCheckDigit(date + serial);
        assert.ok(isValidSwedishPersonalNumber(number));
        const changed = number.slice(0, at) + String((+number[at]! + delta) % 10) + number.slice(at + 1);
        assert.equal(isValidSwedishPersonalNumber(changed), false, changed);
      }),
    );
  });
});

describe('normalizeSwedishPersonalNumber', () => {
  it('stores the 12-digit form, taking the century from asOf and the separator', () => {
    assert.equal(normalizeSwedishPersonalNumber('811228-9874', '2025-06-01'), '198112289874');
    assert.equal(normalizeSwedishPersonalNumber('811228+9874', '2025-06-01'), '188112289874');
    assert.equal(normalizeSwedishPersonalNumber('19811228-9874', '2025-06-01'), '198112289874');
    assert.equal(normalizeSwedishPersonalNumber('701063-2391', '2025-06-01'), '197010632391');
    // 250101-123x: 4,5,0,1,0,1,2,2,6 = 21 → check 9. In 2025 '-' means born 2025; in 2024, born 1925.
    assert.equal(normalizeSwedishPersonalNumber('250101-1239', '2025-06-01'), '202501011239');
    assert.equal(normalizeSwedishPersonalNumber('250101-1239', '2024-06-01'), '192501011239');
    assert.equal(normalizeSwedishPersonalNumber('000229-1235', '2025-06-01'), '200002291235');
    assert.equal(normalizeSwedishPersonalNumber('000229+1235', '2025-06-01'), null);
    assert.equal(normalizeSwedishPersonalNumber('811228-9875', '2025-06-01'), null);
  });

  it('throws for a bad asOf, naming it', () => {
    assert.throws(
      () => normalizeSwedishPersonalNumber('811228-9874', '2025-13-01'),
      (error: unknown) => isCollectkitInputError(error) && error.field === 'asOf',
    );
  });
});
