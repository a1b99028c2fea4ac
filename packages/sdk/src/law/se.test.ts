import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lawFor } from './index.js';

const sek = (ore: number) => ({ amount: ore, currency: 'SEK' as const });
const se = lawFor('SE');

describe('SE law pack (RULES.md §§ 1–6)', () => {
  it('reminders: SEK 60, only if agreed when the debt arose, no cap on count or spacing (Lag 1981:739 2 §, 4 §)', () => {
    assert.deepEqual(se.reminderFee('2025-06-01'), sek(6_000));
    const rules = se.reminderRules('2025-06-01', 'business').value;
    assert.equal(rules.feeRequiresPriorAgreement, true);
    assert.equal(rules.maxFeeBearingReminders, null);
    assert.equal(rules.minDaysBetweenFeeBearing, null);
    assert.equal(se.reminderRules('2025-06-01').confidence, 'medium');
  });

  it('inkassokrav: at least 8 days, fee at most SEK 180 (inkassolagen 5 §, Lag 1981:739 4 §)', () => {
    const notice = se.noticeRules('2025-06-01').value;
    assert.equal(notice.minDaysToPay, 8);
    assert.deepEqual(notice.maxFee, sek(18_000));
  });

  it('collection-fee cap: the fixed inkassokrav fee SEK 180 for any claim size', () => {
    assert.deepEqual(se.collectionFeeCap(sek(100), '2025-06-01'), sek(18_000));
    assert.deepEqual(se.collectionFeeCap(sek(1_000_000_000), '2025-06-01', 'business'), sek(18_000));
  });

  it('förseningsersättning: SEK 450 to business creditors, none for consumers (Lag 1981:739 4 a §)', () => {
    assert.deepEqual(se.compensationFee('business', '2025-06-01'), sek(45_000));
    assert.equal(se.compensationFee('consumer', '2025-06-01'), null);
  });

  it('amorteringsplan: SEK 170 for business and consumer debtors (Lag 1981:739 4 §)', () => {
    assert.deepEqual(se.instalmentPlanFee('consumer', '2026-03-03'), sek(17_000));
    assert.deepEqual(se.instalmentPlanFee('business', '2026-03-03'), sek(17_000));
    assert.throws(() => se.instalmentPlanFee('consumer', '2022-12-31'), { code: 'law_data_missing' });
  });

  it('interest: reference + 8 (räntelagen 6 §, 9 §): 2024 H2 4.00 + 8 = 12, 2026 H1 2.00 + 8 = 10 (M)', () => {
    const h2 = se.interestRate('2024-12-31', 'consumer');
    assert.equal(h2.ratePercent, '12');
    assert.equal(h2.periodStart, '2024-07-01');
    assert.equal(h2.confidence, 'high');
    const next = se.interestRate('2026-01-01', 'business');
    assert.equal(next.ratePercent, '10');
    assert.equal(next.confidence, 'medium');
    assert.throws(() => se.interestRate('2023-06-30', 'business'), { code: 'law_data_missing', field: 'date' });
  });

  it('limitation: 10 years, 3 years for a business claim on a consumer (preskriptionslag 2 §)', () => {
    assert.equal(se.limitationDate('2025-03-31', 'business'), '2035-03-31');
    assert.equal(se.limitationDate('2025-03-31', 'consumer'), '2028-03-31');
  });

  it('day count actual/365 and allocation costs → interest → principal (low: the debtor may direct, handelsbalken 9:5)', () => {
    assert.equal(se.dayCount('2025-06-01'), 'actual/365');
    assert.deepEqual(se.allocationOrder('2025-06-01'), ['costs', 'interest', 'principal']);
    assert.match(se.tables.allocationOrder[0]!.source.citation, /handelsbalken/);
  });
});
