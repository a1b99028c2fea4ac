import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addYears,
  assertIsoDate,
  daysBetween,
  halfYearStart,
  isIsoDate,
  nextHalfYearStart,
} from './index.js';

describe('ISO calendar dates', () => {
  it('accepts calendar dates only', () => {
    assert.ok(isIsoDate('2024-02-29'));
    for (const bad of ['2025-02-29', '2024-13-01', '2024-1-01', '2024-01-01T00:00:00Z', '', null, 20240101]) {
      assert.equal(isIsoDate(bad), false, String(bad));
    }
    assert.throws(() => assertIsoDate('2025-02-30', 'invoices.0.dueDate'), /invoices\.0\.dueDate: 2025-02-30 is not a calendar date/);
  });

  it('counts days across leap years and DST changes', () => {
    assert.equal(daysBetween('2024-01-01', '2024-07-01'), 182);
    assert.equal(daysBetween('2023-01-01', '2024-01-01'), 365);
    assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
    assert.equal(daysBetween('2024-03-30', '2024-04-01'), 2);
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  });

  it('adds months and years clamping to the end of the month', () => {
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2024-12-15', 1), '2025-01-15');
    assert.equal(addMonths('2024-03-31', -1), '2024-02-29');
    assert.equal(addYears('2024-02-29', 3), '2027-02-28');
  });

  it('finds half-year rate periods', () => {
    assert.equal(halfYearStart('2024-06-30'), '2024-01-01');
    assert.equal(halfYearStart('2024-07-01'), '2024-07-01');
    assert.equal(nextHalfYearStart('2024-06-30'), '2024-07-01');
    assert.equal(nextHalfYearStart('2024-07-01'), '2025-01-01');
  });

  it('addDays and daysBetween are inverse for any date and offset', () => {
    const date = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -15000, max: 15000 }), (start, offset) => {
        assert.equal(daysBetween(start, addDays(start, offset)), offset);
      }),
    );
  });
});
