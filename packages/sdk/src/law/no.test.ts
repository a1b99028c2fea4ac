import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lawFor, NO_INKASSOSATS } from './index.js';

const nok = (ore: number) => ({ amount: ore, currency: 'NOK' as const });
const no = lawFor('NO');

describe('NO law pack (RULES.md §§ 1–6)', () => {
  describe('purregebyr = 1/20 of the inkassosats (inkassoforskriften §§ 1-1 to 1-3)', () => {
    it('2025: NOK 700 / 20 = NOK 35.00 (H)', () => {
      assert.deepEqual(no.reminderFee('2025-06-01'), nok(3_500));
      assert.equal(no.reminderRules('2025-06-01').confidence, 'high');
    });
    it('2026: NOK 750 / 20 = NOK 37.50, low confidence like the sats it is derived from', () => {
      assert.deepEqual(no.reminderFee('2026-01-01'), nok(3_750));
      assert.equal(no.reminderRules('2026-01-01').confidence, 'low');
    });
    it('earliest 14 days after due, at most 2 fee-bearing reminders', () => {
      const rules = no.reminderRules('2025-06-01', 'business').value;
      assert.equal(rules.earliestDaysAfterDue, 14);
      assert.equal(rules.maxFeeBearingReminders, 2);
    });
    it('derives every reminder entry from the inkassosats table, on the same dates', () => {
      assert.equal(NO_INKASSOSATS.length, no.tables.reminders.length);
      NO_INKASSOSATS.forEach((sats, i) => {
        assert.equal(no.tables.reminders[i]!.validFrom, sats.validFrom);
        assert.equal(no.tables.reminders[i]!.value.consumer.maxFee!.amount * 20, sats.value.amount);
      });
    });
    it('knows no fee before the first known inkassosats (2025)', () => {
      assert.throws(() => no.reminderFee('2024-12-31'), { code: 'law_data_missing', field: 'asOf' });
    });
  });

  it('inkassovarsel: at least 14 days (inkassoloven § 9)', () => {
    assert.equal(no.noticeRules('2025-06-01').value.minDaysToPay, 14);
    assert.deepEqual(no.noticeRules('2025-06-01').value.maxFee, nok(3_500));
  });

  it('collection-fee cap: not in RULES.md, so it throws law_data_missing unless an override supplies bands', () => {
    assert.throws(() => no.collectionFeeCap(nok(100_000), '2025-06-01'), {
      code: 'law_data_missing',
      message: /supply it through overrides\.collectionFees/,
    });
    const withTable = lawFor('NO', {
      overrides: {
        collectionFees: [
          {
            validFrom: '2025-01-01',
            value: {
              business: { bands: [{ upTo: null, maxFee: nok(70_000) }], businessMayExceedWithDocumentedCosts: false },
              consumer: { bands: [{ upTo: null, maxFee: nok(70_000) }], businessMayExceedWithDocumentedCosts: false },
            },
            source: { citation: 'test fixture, not law' },
            confidence: 'low',
          },
        ],
      },
    });
    assert.deepEqual(withTable.collectionFeeCap(nok(100_000), '2025-06-01'), nok(70_000));
  });

  it('standard compensation B2B: NOK 470 in 2025 (H), NOK 460 in 2026 H1 (M); none for consumers', () => {
    assert.deepEqual(no.compensationFee('business', '2025-03-01'), nok(47_000));
    assert.deepEqual(no.compensationFee('business', '2026-03-01'), nok(46_000));
    assert.equal(no.compensationFee('consumer', '2026-03-01'), null);
  });

  describe('interest: the total rate set by Finansdepartementet (forsinkelsesrenteloven § 3)', () => {
    it('2025 H1 12.5 % with margin 0; 2026 H1 12.00 % (M)', () => {
      const rate = no.interestRate('2025-02-01', 'business');
      assert.equal(rate.ratePercent, '12.5');
      assert.equal(rate.marginPercent, '0');
      assert.equal(no.interestRate('2026-02-01', 'consumer').ratePercent, '12');
      assert.equal(no.interestRate('2026-02-01', 'consumer').confidence, 'medium');
    });
    it('the half-years RULES.md does not list (2024 H2, 2025 H2) are unknown, not the previous rate', () => {
      assert.throws(() => no.interestRate('2024-07-01', 'business'), { code: 'law_data_missing', field: 'date', message: /from 2024-07-01/ });
      assert.throws(() => no.interestRate('2025-12-31', 'business'), { code: 'law_data_missing', message: /from 2025-07-01/ });
    });
  });

  it('day count actual/actual (1/366 per day in leap years); limitation 3 years, 10 for instruments', () => {
    assert.equal(no.dayCount('2024-01-01'), 'actual/actual');
    assert.equal(no.limitationDate('2025-05-20', 'consumer'), '2028-05-20');
    assert.equal(no.tables.limitation[0]!.value.instrumentYears, 10);
  });
});
