import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lawFor } from './index.js';

const eur = (cents: number) => ({ amount: cents, currency: 'EUR' as const });
const fi = lawFor('FI');

describe('FI law pack (RULES.md §§ 1–6)', () => {
  it('reminders: consumer EUR 5 at the earliest 14 days after due; B2B EUR 12 from 2022-05-01', () => {
    assert.deepEqual(fi.reminderFee('2025-06-01', 'consumer'), eur(500));
    assert.equal(fi.reminderRules('2025-06-01', 'consumer').value.earliestDaysAfterDue, 14);
    assert.deepEqual(fi.reminderFee('2022-05-01', 'business'), eur(1_200));
    assert.throws(() => fi.reminderFee('2022-04-30', 'business'), { code: 'law_data_missing' });
    assert.equal(fi.reminderRules('2025-06-01').confidence, 'medium');
  });

  it('10 days between B2B reminders and payment demands (M)', () => {
    assert.equal(fi.reminderRules('2025-06-01', 'business').value.minDaysBetweenFeeBearing, 10);
    assert.equal(fi.noticeRules('2025-06-01').value.minDaysToPay, 10);
    assert.equal(fi.noticeRules('2025-06-01').confidence, 'medium');
  });

  describe('collection-fee caps', () => {
    it('B2B payment demand from 2022-05-01: EUR 50 ≤ 500 / 70 ≤ 2,500 / 90 ≤ 10,000 / 110 above', () => {
      assert.deepEqual(fi.collectionFeeCap(eur(50_000), '2025-06-01', 'business'), eur(5_000));
      assert.deepEqual(fi.collectionFeeCap(eur(50_001), '2025-06-01', 'business'), eur(7_000));
      assert.deepEqual(fi.collectionFeeCap(eur(1_000_000), '2025-06-01', 'business'), eur(9_000));
      assert.deepEqual(fi.collectionFeeCap(eur(1_000_001), '2025-06-01', 'business'), eur(11_000));
    });
    it('consumer: the band thresholds of EUR 14/24/50 are not in RULES.md, so it throws law_data_missing', () => {
      assert.throws(() => fi.collectionFeeCap(eur(10_000), '2025-06-01', 'consumer'), { code: 'law_data_missing', field: 'claim' });
    });
  });

  it('compensation: EUR 40 per late invoice B2B (perintälaki 10 e §), none for consumers', () => {
    assert.deepEqual(fi.compensationFee('business', '2025-06-01'), eur(4_000));
    assert.equal(fi.compensationFee('consumer', '2025-06-01'), null);
  });

  it('interest: reference + 8 B2B, + 7 consumers (korkolaki 4 §, 4 a §): 2025 H1 3.5 → 11.5 / 10.5', () => {
    assert.equal(fi.interestRate('2025-02-01', 'business').ratePercent, '11.5');
    assert.equal(fi.interestRate('2025-02-01', 'consumer').ratePercent, '10.5');
    assert.equal(fi.interestRate('2025-07-01', 'consumer').confidence, 'medium');
    assert.equal(fi.interestRate('2024-12-31', 'business').ratePercent, '12.5');
  });

  it('limitation: 3 years (728/2003 4 §); the period for instruments is unknown (null), not guessed', () => {
    assert.equal(fi.limitationDate('2025-01-31', 'business'), '2028-01-31');
    assert.equal(fi.tables.limitation[0]!.value.instrumentYears, null);
  });

  it('day count actual/365 is an assumption RULES.md does not state: low confidence', () => {
    assert.equal(fi.dayCount('2025-06-01'), 'actual/365');
    assert.equal(fi.tables.dayCount[0]!.confidence, 'low');
  });
});
