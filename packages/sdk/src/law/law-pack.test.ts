import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTRY_CODES, DK_LAW, FI_LAW, lawFor, NO_LAW, SE_LAW, type CountryCode, type Dated, type LawTables } from './index.js';
import { entryInForce, mergeByValidFrom, validateOverrides } from './law-pack.js';

const source = { citation: 'test fixture, not law' };
const entry = <T>(validFrom: string, value: T): Dated<T> => ({ validFrom, value, source, confidence: 'high' });

describe('law-pack lookup', () => {
  const table = [entry('2024-01-01', 'a'), entry('2025-01-01', 'b')];
  const where = { country: 'DK' as const, what: 'rule', overrideKey: 'reminders' };

  it('returns the entry with the latest validFrom on or before asOf', () => {
    assert.equal(entryInForce(table, '2024-01-01', 'asOf', where).value, 'a');
    assert.equal(entryInForce(table, '2024-12-31', 'asOf', where).value, 'a');
    assert.equal(entryInForce(table, '2025-01-01', 'asOf', where).value, 'b');
    assert.equal(entryInForce(table, '2099-01-01', 'asOf', where).value, 'b');
  });

  it('throws law_data_missing before the first entry, naming the field', () => {
    assert.throws(() => entryInForce(table, '2023-12-31', 'asOf', where), {
      name: 'CollectkitInputError',
      code: 'law_data_missing',
      field: 'asOf',
    });
  });

  it('merges overrides by validFrom: same date replaces, a new date is added in order', () => {
    const merged = mergeByValidFrom(table, [entry('2025-01-01', 'B'), entry('2024-07-01', 'mid')]);
    assert.deepEqual(
      merged.map((e) => [e.validFrom, e.value]),
      [
        ['2024-01-01', 'a'],
        ['2024-07-01', 'mid'],
        ['2025-01-01', 'B'],
      ],
    );
  });
});

describe('lawFor', () => {
  it('throws unsupported_country for anything but DK, SE, NO, FI', () => {
    assert.throws(() => lawFor('DE' as CountryCode), { code: 'unsupported_country', field: 'country' });
    assert.throws(() => lawFor('dk' as CountryCode), { code: 'unsupported_country' });
  });

  it('memoizes the default packs (pure data) but builds a new pack for overrides', () => {
    assert.equal(lawFor('DK'), lawFor('DK'));
    assert.notEqual(lawFor('DK'), lawFor('DK', { carryForwardLastRate: true }));
    assert.equal(lawFor('DK', { carryForwardLastRate: true }), lawFor('DK', { carryForwardLastRate: true }));
    assert.notEqual(lawFor('DK', { overrides: {} }), lawFor('DK'));
  });

  it('computes in the country currency', () => {
    assert.deepEqual(
      COUNTRY_CODES.map((c) => lawFor(c).currency),
      ['DKK', 'SEK', 'NOK', 'EUR'],
    );
  });

  describe('overrides', () => {
    it('an interest rate for a new half-year fills the gap past the table (DK 2026 H2)', () => {
      const dk = lawFor('DK', {
        overrides: { interestRates: [entry('2026-07-01', { referencePercent: '1.6', marginPercent: { business: '8', consumer: '8' } })] },
      });
      assert.equal(dk.interestRate('2026-09-01', 'business').ratePercent, '9.6');
      // the built-in periods are still there
      assert.equal(dk.interestRate('2026-03-01', 'business').ratePercent, '9.75');
    });

    it('an entry with the same validFrom replaces the built-in one (DK 2026 H1 confirmed at 9.60 %)', () => {
      const dk = lawFor('DK', {
        overrides: { interestRates: [entry('2026-01-01', { referencePercent: '1.60', marginPercent: { business: '8', consumer: '8' } })] },
      });
      const rate = dk.interestRate('2026-03-01', 'consumer');
      assert.equal(rate.ratePercent, '9.6');
      assert.equal(rate.confidence, 'high');
      assert.equal(dk.tables.interestRates.length, DK_LAW.interestRates.length);
    });

    it('a day-count override switches DK to 30/360', () => {
      const dk = lawFor('DK', { overrides: { dayCount: [entry('2023-01-01', '30/360' as const)] } });
      assert.equal(dk.dayCount('2025-01-01'), '30/360');
    });

    it('rejects malformed overrides, naming the field', () => {
      const bad = (overrides: unknown) => () => lawFor('DK', { overrides: overrides as never });
      assert.throws(bad({ interestRates: [entry('2026-08-01', { referencePercent: '1', marginPercent: { business: '8', consumer: '8' } })] }), {
        code: 'invalid_argument',
        field: 'overrides.interestRates.0.validFrom',
      });
      assert.throws(bad({ interestRates: [entry('2026-07-01', { referencePercent: 1.6, marginPercent: { business: '8', consumer: '8' } })] }), {
        field: 'overrides.interestRates.0.value.referencePercent',
      });
      assert.throws(bad({ interestRates: [{ validFrom: '2026-07-01', value: { referencePercent: '1', marginPercent: { business: '8', consumer: '8' } }, confidence: 'high' }] }), {
        field: 'overrides.interestRates.0.source.citation',
      });
      assert.throws(bad({ compensation: [entry('2027-01-01', { business: { amount: 31_000, currency: 'EUR' }, consumer: null })] }), {
        code: 'currency_mismatch',
        field: 'overrides.compensation.0.value.business.currency',
      });
      assert.throws(bad({ reminderz: [] }), { field: 'overrides.reminderz' });
      assert.throws(bad({ dayCount: [entry('2027-01-01', 'actual/360')] }), { field: 'overrides.dayCount.0.value' });
    });
  });

  it('carryForwardLastRate uses the last known rate past the table, marked assumed with low confidence', () => {
    const dk = lawFor('DK', { carryForwardLastRate: true });
    const rate = dk.interestRate('2027-02-01', 'business');
    assert.equal(rate.ratePercent, '9.75');
    assert.equal(rate.assumed, true);
    assert.equal(rate.confidence, 'low');
    assert.equal(rate.periodStart, '2027-01-01');
    assert.match(rate.source.note ?? '', /carried forward from the period starting 2026-01-01/);
    // before the first entry it still throws: nothing to carry forward
    assert.throws(() => dk.interestRate('2022-12-31', 'business'), { code: 'law_data_missing', field: 'date' });
  });

  it('validates its arguments', () => {
    const dk = lawFor('DK');
    assert.throws(() => dk.reminderFee('2025-02-30'), { code: 'invalid_date', field: 'asOf' });
    assert.throws(() => dk.interestRate('2025-01-01', 'person' as never), { code: 'invalid_argument', field: 'debtorType' });
    assert.throws(() => dk.interestRate('2025-01-01', 'business', '13-03-2013'), { code: 'invalid_date', field: 'claimDueDate' });
    assert.throws(() => dk.limitationDate('yesterday', 'business'), { code: 'invalid_date', field: 'dueDate' });
  });
});

describe('built-in tables', () => {
  const packs: Array<[CountryCode, LawTables]> = [
    ['DK', DK_LAW],
    ['SE', SE_LAW],
    ['NO', NO_LAW],
    ['FI', FI_LAW],
  ];
  for (const [country, tables] of packs) {
    it(`${country}: every entry passes the override validation (source, confidence, currency, half-year rates)`, () => {
      validateOverrides(tables, lawFor(country).currency);
    });
    it(`${country}: every table is in ascending validFrom order without duplicates`, () => {
      for (const [name, table] of Object.entries(tables)) {
        if (!Array.isArray(table)) continue;
        const dates = (table as Dated<unknown>[]).map((e) => e.validFrom);
        assert.deepEqual(dates, [...new Set(dates)].sort(), `${country}.${name}`);
      }
    });
  }
});
