import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  isValidCvr,
  isValidFinnishBusinessId,
  isValidNationalCompanyId,
  isValidNorwegianOrgNumber,
  isValidSwedishOrgNumber,
  normalizeCvr,
  normalizeFinnishBusinessId,
  normalizeNationalCompanyId,
  normalizeNorwegianOrgNumber,
  normalizeSwedishOrgNumber,
} from './index.js';
import { isCollectkitInputError } from '../errors.js';

const NOT_STRINGS: unknown[] = [null, undefined, 24256790, {}, ['24256790']];

/** `value` with the digit at `index` replaced by (digit + delta) mod 10, delta 1..9. */
function changeDigit(value: string, index: number, delta: number): string {
  return value.slice(0, index) + String((+value[index]! + delta) % 10) + value.slice(index + 1);
}

/** Digits sum to a multiple of 11 under `weights` once `last` (weight 1) is chosen; null if it would be 10. */
function completeMod11(base: string, weights: number[]): string | null {
  const sum = [...base].reduce((acc, d, i) => acc + +d * weights[i]!, 0);
  const last = (11 - (sum % 11)) % 11;
  return last === 10 ? null : base + last;
}

describe('DK CVR', () => {
  it("follows Erhvervsstyrelsen's worked example 13748136", () => {
    // erhvervsstyrelsen.dk/modulus_11: 1·2+3·7+7·6+4·5+8·4+1·3+3·2 = 126; 126 mod 11 = 5; 11 − 5 = 6
    assert.ok(isValidCvr('13748136'));
    assert.equal(isValidCvr('13748137'), false);
  });

  it('accepts real CVR numbers', () => {
    // Novo Nordisk A/S 24256790: 2·2+4·7+2·6+5·5+6·4+7·3+9·2+0·1 = 4+28+12+25+24+21+18+0 = 132 = 12·11
    assert.ok(isValidCvr('24256790'));
    // A.P. Møller - Mærsk A/S 22756214: 4+14+42+25+24+6+2+4 = 121 = 11·11
    assert.ok(isValidCvr('22756214'));
    // Carlsberg A/S 61056416: 12+7+0+25+24+12+2+6 = 88 = 8·11
    assert.ok(isValidCvr('61056416'));
  });

  it('accepts the usual spellings and stores 8 digits', () => {
    for (const spelling of ['DK24256790', 'DK 24 25 67 90', 'dk-24256790', '24 25 67 90', '24.25.67.90', '\u00a024256790 ']) {
      assert.equal(normalizeCvr(spelling), '24256790', spelling);
    }
  });

  it('rejects a changed digit, wrong length, a leading 0, letters, empty and non-strings', () => {
    for (const bad of ['24256791', '2425679', '242567900', '04256790', '2425679O', 'SE24256790', '', '  ', 'DK']) {
      assert.equal(isValidCvr(bad), false, bad);
    }
    for (const bad of NOT_STRINGS) assert.equal(isValidCvr(bad), false);
  });

  it('catches any single changed digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{6}$/), fc.nat(7), fc.integer({ min: 1, max: 9 }), (base, at, delta) => {
        const cvr = completeMod11(base, [2, 7, 6, 5, 4, 3, 2]);
        fc.pre(cvr !== null);
        assert.ok(isValidCvr(cvr));
        assert.equal(isValidCvr(changeDigit(cvr, at, delta)), false);
      }),
    );
  });
});

describe('SE organisationsnummer', () => {
  it('accepts real numbers (Luhn over all 10 digits)', () => {
    // AB Volvo 556012-5790: 5·2→1, 5, 6·2→3, 0, 1·2=2, 2, 5·2→1, 7, 9·2→9, 0 = 30
    assert.ok(isValidSwedishOrgNumber('556012-5790'));
    // Telefonaktiebolaget LM Ericsson 556016-0680: 1+5+3+0+2+6+0+6+7+0 = 30
    assert.ok(isValidSwedishOrgNumber('556016-0680'));
    // H & M Hennes & Mauritz AB 556042-7220: 1+5+3+0+8+2+5+2+4+0 = 30
    assert.ok(isValidSwedishOrgNumber('556042-7220'));
    // 556036-0793 (from the brief; owner not confirmed): 1+5+3+0+6+6+0+7+9+3 = 40
    assert.ok(isValidSwedishOrgNumber('556036-0793'));
  });

  it('accepts the 12-digit 16-form and the VAT number, and stores NNNNNN-NNNN', () => {
    for (const spelling of ['5560125790', '556012-5790', '16556012-5790', '165560125790', 'SE556012579001', 'SE 5560 1257 9001', '556 012 5790']) {
      assert.equal(normalizeSwedishOrgNumber(spelling), '556012-5790', spelling);
    }
  });

  it('rejects a changed digit, a personnummer (third digit < 2), wrong forms and non-strings', () => {
    // 811228-9874 passes Luhn but is a personnummer: third digit 1
    for (const bad of ['556012-5791', '811228-9874', '55601257', '17556012-5790', 'SE5560125790', 'SE556012579002', '556012-579O', '']) {
      assert.equal(isValidSwedishOrgNumber(bad), false, bad);
    }
    for (const bad of NOT_STRINGS) assert.equal(isValidSwedishOrgNumber(bad), false);
  });

  it('catches any single changed digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d\d[2-9]\d{6}$/), fc.nat(9), fc.integer({ min: 1, max: 9 }), (base, at, delta) => {
        const number = [...'0123456789'].map((c) => base + c).find((n) => isValidSwedishOrgNumber(n))!;
        assert.ok(number, 'exactly one check digit completes a base');
        const changed = changeDigit(number, at, delta);
        // a change of the third digit to 0/1 is rejected for the digit rule rather than Luhn: still invalid
        assert.equal(isValidSwedishOrgNumber(changed), false);
      }),
    );
  });
});

describe('NO organisasjonsnummer', () => {
  it('accepts real numbers', () => {
    // Equinor ASA 923609016: 9·3+2·2+3·7+6·6+0·5+9·4+0·3+1·2 = 27+4+21+36+0+36+0+2 = 126; 126 mod 11 = 5; 11 − 5 = 6
    assert.ok(isValidNorwegianOrgNumber('923609016'));
    // Telenor ASA 982463718: 27+16+14+24+30+12+21+2 = 146; 146 mod 11 = 3; 11 − 3 = 8
    assert.ok(isValidNorwegianOrgNumber('982463718'));
  });

  it('accepts the VAT spelling and grouping, and stores 9 digits', () => {
    for (const spelling of ['NO 923 609 016 MVA', 'NO923609016MVA', '923609016MVA', '923 609 016', 'no923609016mva']) {
      assert.equal(normalizeNorwegianOrgNumber(spelling), '923609016', spelling);
    }
  });

  it('rejects a changed digit, a check of 10, wrong length, letters and non-strings', () => {
    // 12345678x: 3+4+21+24+25+24+21+16 = 138; 138 mod 11 = 6; check 5 → 123456785 valid, 123456784 not
    assert.ok(isValidNorwegianOrgNumber('123456785'));
    // a base with sum ≡ 1 (mod 11) has no valid number: 40000000x: 4·3 = 12 ≡ 1 → check 10
    for (let d = 0; d <= 9; d++) assert.equal(isValidNorwegianOrgNumber(`40000000${d}`), false);
    for (const bad of ['923609017', '92360901', '9236090160', 'SE923609016', '92360901A', '']) {
      assert.equal(isValidNorwegianOrgNumber(bad), false, bad);
    }
    for (const bad of NOT_STRINGS) assert.equal(isValidNorwegianOrgNumber(bad), false);
  });

  it('catches any single changed digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.nat(8), fc.integer({ min: 1, max: 9 }), (base, at, delta) => {
        const number = completeMod11(base, [3, 2, 7, 6, 5, 4, 3, 2]);
        fc.pre(number !== null);
        assert.ok(isValidNorwegianOrgNumber(number));
        assert.equal(isValidNorwegianOrgNumber(changeDigit(number, at, delta)), false);
      }),
    );
  });
});

describe('FI Y-tunnus', () => {
  it('accepts real numbers', () => {
    // Nokia Oyj 0112038-9: 0·7+1·9+1·10+2·5+0·8+3·4+8·2 = 57; 57 mod 11 = 2; 11 − 2 = 9
    assert.ok(isValidFinnishBusinessId('0112038-9'));
    // KONE Oyj 1927400-1: 7+81+20+35+32+0+0 = 175; 175 mod 11 = 10; 11 − 10 = 1
    assert.ok(isValidFinnishBusinessId('1927400-1'));
  });

  it('accepts the VAT spelling and no hyphen, and stores NNNNNNN-N', () => {
    for (const spelling of ['0112038-9', '01120389', 'FI01120389', 'FI 0112 0389', 'fi01120389']) {
      assert.equal(normalizeFinnishBusinessId(spelling), '0112038-9', spelling);
    }
  });

  it('rejects a changed digit, remainder 1, wrong length, letters and non-strings', () => {
    // 1000000-x: 1·7 = 7 → 11 − 7 = 4; r = 0 → check 0: 0000000-0
    assert.ok(isValidFinnishBusinessId('1000000-4'));
    assert.ok(isValidFinnishBusinessId('0000000-0'));
    // remainder 1 has no check digit: 0000006-x has 6·2 = 12 ≡ 1 (mod 11)
    for (let d = 0; d <= 9; d++) assert.equal(isValidFinnishBusinessId(`0000006-${d}`), false);
    for (const bad of ['0112038-8', '112038-9', '01120389-1', 'FI0112038', '0112O38-9', '']) {
      assert.equal(isValidFinnishBusinessId(bad), false, bad);
    }
    for (const bad of NOT_STRINGS) assert.equal(isValidFinnishBusinessId(bad), false);
  });

  it('catches any single changed digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{7}$/), fc.nat(7), fc.integer({ min: 1, max: 9 }), (base, at, delta) => {
        const number = [...'0123456789'].map((c) => base + c).find((n) => isValidFinnishBusinessId(n));
        fc.pre(number !== undefined); // remainder 1: no number exists for this base
        assert.equal(isValidFinnishBusinessId(changeDigit(number, at, delta)), false);
      }),
    );
  });
});

describe('isValidNationalCompanyId / normalizeNationalCompanyId', () => {
  it('dispatches on the country', () => {
    assert.equal(normalizeNationalCompanyId('DK', 'DK 24256790'), '24256790');
    assert.equal(normalizeNationalCompanyId('SE', '5560125790'), '556012-5790');
    assert.equal(normalizeNationalCompanyId('NO', '923 609 016'), '923609016');
    assert.equal(normalizeNationalCompanyId('FI', '01120389'), '0112038-9');
    assert.ok(isValidNationalCompanyId('NO', '923609016'));
    assert.equal(isValidNationalCompanyId('DK', '923609016'), false);
  });

  it('throws unsupported_country for anything else, naming the field', () => {
    for (const country of ['DE', 'dk', '', 'toString', null]) {
      assert.throws(
        () => isValidNationalCompanyId(country as 'DK', '24256790'),
        (error: unknown) => isCollectkitInputError(error) && error.code === 'unsupported_country' && error.field === 'country',
      );
    }
  });
});
