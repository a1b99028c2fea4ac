import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addMoney,
  allocateMoney,
  assertMoney,
  formatMoney,
  multiplyMoney,
  parseMoney,
  percentOf,
  subtractMoney,
  sumMoney,
  toDecimalString,
} from './index.js';
import { addDecimals, divideHalfUp } from './decimal.js';
import { isCollectkitInputError } from '../errors.js';

const dkk = (amount: number) => ({ amount, currency: 'DKK' as const });

function throwsField(fn: () => unknown, field: string, code?: string) {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isCollectkitInputError(error), `expected CollectkitInputError, got ${String(error)}`);
    assert.equal(error.field, field);
    if (code) assert.equal(error.code, code);
    return true;
  });
}

describe('Money validation', () => {
  it('accepts integer minor units in a supported currency', () => {
    assert.deepEqual(assertMoney({ amount: 125000, currency: 'DKK' }, 'claim'), dkk(125000));
  });

  it('rejects floats, NaN, strings and unsafe integers, naming the field', () => {
    throwsField(() => assertMoney({ amount: 12.5, currency: 'DKK' }, 'payment'), 'payment.amount', 'invalid_amount');
    throwsField(() => assertMoney({ amount: Number.NaN, currency: 'DKK' }, 'payment'), 'payment.amount', 'invalid_amount');
    throwsField(() => assertMoney({ amount: '100', currency: 'DKK' }, 'payment'), 'payment.amount', 'invalid_amount');
    throwsField(() => assertMoney({ amount: 2 ** 53, currency: 'DKK' }, 'payment'), 'payment.amount', 'invalid_amount');
  });

  it('rejects unknown currencies and negative amounts', () => {
    throwsField(() => assertMoney({ amount: 1, currency: 'XXX' }, 'fee'), 'fee.currency', 'unsupported_currency');
    throwsField(() => assertMoney({ amount: -1, currency: 'SEK' }, 'fee'), 'fee.amount', 'negative_amount');
    assert.deepEqual(assertMoney({ amount: -1, currency: 'SEK' }, 'fee', { allowNegative: true }), {
      amount: -1,
      currency: 'SEK',
    });
  });

  it('refuses to mix currencies', () => {
    assert.throws(() => addMoney(dkk(1), { amount: 1, currency: 'EUR' }), /cannot combine DKK with EUR/);
    throwsField(() => sumMoney([dkk(1), { amount: 1, currency: 'SEK' }], 'DKK'), '[1].currency', 'currency_mismatch');
  });
});

describe('Money arithmetic', () => {
  it('adds, subtracts and sums exactly', () => {
    assert.deepEqual(addMoney(dkk(10), dkk(20)), dkk(30));
    assert.deepEqual(subtractMoney(dkk(10), dkk(25)), dkk(-15));
    assert.deepEqual(sumMoney([dkk(1), dkk(2), dkk(3)], 'DKK'), dkk(6));
    assert.deepEqual(sumMoney([], 'NOK'), { amount: 0, currency: 'NOK' });
  });

  it('takes percentages and factors from decimal strings, rounding half up', () => {
    // 10.5 % of DKK 1,000.01 = 105.00105 → 105.00
    assert.deepEqual(percentOf(dkk(100001), '10.5'), dkk(10500));
    // 25 % VAT on DKK 0.02 = 0.005 → 0.01 (half up)
    assert.deepEqual(percentOf(dkk(2), '25'), dkk(1));
    assert.deepEqual(multiplyMoney(dkk(1000), '1.5'), dkk(1500));
    throwsField(() => percentOf(dkk(1), '1e3'), 'percent', 'invalid_argument');
  });

  it('allocates so that the parts add up to the whole', () => {
    assert.deepEqual(allocateMoney(dkk(100), [1, 1, 1]), [dkk(34), dkk(33), dkk(33)]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0)),
        (amount, ratios) => {
          const parts = allocateMoney(dkk(amount), ratios);
          assert.equal(parts.length, ratios.length);
          assert.equal(parts.reduce((sum, p) => sum + p.amount, 0), amount);
          assert.ok(parts.every((p) => Number.isSafeInteger(p.amount) && p.amount >= 0));
        },
      ),
    );
  });

  it('divides half away from zero on bigint', () => {
    assert.equal(divideHalfUp(5n, 2n), 3n);
    assert.equal(divideHalfUp(-5n, 2n), -3n);
    assert.equal(divideHalfUp(4n, 3n), 1n);
    assert.equal(addDecimals('1.75', '8'), '9.75');
    assert.equal(addDecimals('-0.5', '0.25'), '-0.25');
  });
});

describe('parseMoney and formatMoney', () => {
  const cases: Array<[string, string, number]> = [
    ['1.234,50', 'da', 123450],
    ['1234,5', 'da', 123450],
    ['kr. 1.234,50', 'da', 123450],
    ['1.234,50 kr.', 'da', 123450],
    ['1 234,50', 'sv', 123450],
    ['1\u00a0234,50 kr', 'sv', 123450],
    ['1 234,50', 'nb', 123450],
    ['1 234,50 €', 'fi', 123450],
    ['1,234.50', 'en', 123450],
    ['1234', 'en', 123400],
    ['0,01', 'da', 1],
  ];
  for (const [text, locale, amount] of cases) {
    it(`reads "${text}" in ${locale}`, () => {
      assert.equal(parseMoney(text, 'DKK', locale).amount, amount);
    });
  }

  it('rejects what is malformed or ambiguous in the locale', () => {
    const bad: Array<[string, string]> = [
      ['1,234.50', 'da'],
      ['1.234,50', 'en'],
      ['1,2345', 'da'],
      ['12.34', 'da'],
      ['abc', 'da'],
      ['', 'en'],
      ['-5', 'en'],
      ['1.2.3', 'en'],
      ['1,23,456', 'en'],
    ];
    for (const [text, locale] of bad) {
      assert.throws(() => parseMoney(text, 'DKK', locale), (e: unknown) => isCollectkitInputError(e), `${text} in ${locale}`);
    }
    // Grouping alone is unambiguous: "12,345" is twelve thousand in English, "12,34" is twelve in Danish.
    assert.equal(parseMoney('12,345', 'DKK', 'en').amount, 1234500);
    assert.equal(parseMoney('12,34', 'DKK', 'da').amount, 1234);
  });

  it('formats with Intl from the exact decimal', () => {
    assert.equal(formatMoney(dkk(123450), 'da'), '1.234,50\u00a0kr.');
    assert.equal(formatMoney({ amount: 123450, currency: 'EUR' }, 'en'), '€1,234.50');
    assert.equal(formatMoney({ amount: 900719925474099, currency: 'SEK' }, 'en'), 'SEK\u00a09,007,199,254,740.99');
    assert.equal(toDecimalString(dkk(-5)), '-0.05');
  });

  it('round-trips any amount through format and parse in every Nordic locale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.constantFrom('da', 'sv', 'nb', 'fi', 'en'), (amount, locale) => {
        const text = formatMoney(dkk(amount), locale);
        assert.equal(parseMoney(text, 'DKK', locale).amount, amount);
      }),
    );
  });
});
