import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lawFor } from './index.js';

const dkk = (ore: number) => ({ amount: ore, currency: 'DKK' as const });
const dk = lawFor('DK');

describe('DK law pack (RULES.md §§ 1–6)', () => {
  describe('collection-fee cap: Bilag 1 to BEK 601/2002 as amended by BEK 476/2016', () => {
    it('gives the 2016 table band by band, the upper bound inclusive', () => {
      // 0–1,000 → 400; 1,001–2,500 → 700; 10,001–25,000 → 1,700; 250,001–500,000 → 6,400
      assert.deepEqual(dk.collectionFeeCap(dkk(100_000), '2025-06-01'), dkk(40_000));
      assert.deepEqual(dk.collectionFeeCap(dkk(100_001), '2025-06-01'), dkk(70_000));
      assert.deepEqual(dk.collectionFeeCap(dkk(2_500_000), '2025-06-01'), dkk(170_000));
      assert.deepEqual(dk.collectionFeeCap(dkk(50_000_000), '2025-06-01'), dkk(640_000));
    });

    it('adds 1 % of the part above DKK 500,000: 600,000 → 6,400 + 1,000 = 7,400', () => {
      assert.deepEqual(dk.collectionFeeCap(dkk(60_000_000), '2025-06-01'), dkk(740_000));
      // 500,000.01 → 6,400 + 1 % of 0.01 = 6,400.0001 → 6,400.00
      assert.deepEqual(dk.collectionFeeCap(dkk(50_000_001), '2025-06-01'), dkk(640_000));
    });

    it('applies to consumer and business debtors alike; only businesses may exceed it with documented costs', () => {
      assert.deepEqual(dk.collectionFeeCap(dkk(100_000), '2025-06-01', 'business'), dkk(40_000));
      const rules = dk.tables.collectionFees[0]!.value;
      assert.equal(rules.business.businessMayExceedWithDocumentedCosts, true);
      assert.equal(rules.consumer.businessMayExceedWithDocumentedCosts, false);
    });

    it('knows no table before it entered into force on 2016-07-01', () => {
      assert.throws(() => dk.collectionFeeCap(dkk(100_000), '2016-06-30'), { code: 'law_data_missing', field: 'asOf' });
    });

    it('rejects a claim in another currency and a negative claim', () => {
      assert.throws(() => dk.collectionFeeCap({ amount: 100, currency: 'SEK' }, '2025-06-01'), { code: 'currency_mismatch' });
      assert.throws(() => dk.collectionFeeCap(dkk(-1), '2025-06-01'), { code: 'negative_amount', field: 'claim.amount' });
    });
  });

  it('reminders: DKK 100 per letter, at most 3 fee-bearing, at least 10 days apart (renteloven § 9 b)', () => {
    assert.deepEqual(dk.reminderFee('2025-06-01'), dkk(10_000));
    const rules = dk.reminderRules('2025-06-01', 'business');
    assert.equal(rules.value.maxFeeBearingReminders, 3);
    assert.equal(rules.value.minDaysBetweenFeeBearing, 10);
    assert.equal(rules.value.feeRequiresPriorAgreement, false);
    assert.equal(rules.confidence, 'high');
    assert.match(rules.source.citation, /renteloven § 9 b/);
  });

  it('notice: inkassovarsel with at least 10 days, may be combined with reminder 1 (inkassoloven § 10)', () => {
    const notice = dk.noticeRules('2025-06-01').value;
    assert.equal(notice.minDaysToPay, 10);
    assert.equal(notice.mayCombineWithReminder, true);
  });

  it('instalment plan: no fee (RULES.md names none), overridable once confirmed', () => {
    assert.equal(dk.instalmentPlanFee('business', '2026-03-03'), null);
    assert.equal(dk.instalmentPlanFee('consumer', '2026-03-03'), null);
    const confirmed = lawFor('DK', { overrides: { instalmentPlanFees: [{ validFrom: '2026-01-01', value: { business: dkk(10_000), consumer: null }, source: { citation: 'test' }, confidence: 'low' }] } });
    assert.deepEqual(confirmed.instalmentPlanFee('business', '2026-03-03'), dkk(10_000));
  });

  it('compensation: DKK 310 to business creditors from 2013-03-01, none for consumers', () => {
    assert.deepEqual(dk.compensationFee('business', '2013-03-01'), dkk(31_000));
    assert.equal(dk.compensationFee('consumer', '2025-06-01'), null);
    assert.throws(() => dk.compensationFee('business', '2013-02-28'), { code: 'law_data_missing' });
  });

  describe('interest: Nationalbankens udlånsrente + 8 (renteloven § 5)', () => {
    it('2024 H1: 11.75 % = reference 3.75 + margin 8', () => {
      const rate = dk.interestRate('2024-03-15', 'consumer');
      assert.equal(rate.ratePercent, '11.75');
      assert.equal(rate.referencePercent, '3.75');
      assert.equal(rate.marginPercent, '8');
      assert.equal(rate.periodStart, '2024-01-01');
      assert.equal(rate.periodEnd, '2024-07-01');
      assert.equal(rate.confidence, 'high');
      assert.equal(rate.assumed, undefined);
    });

    it('reproduces every total in RULES.md §4 with its confidence', () => {
      const expected: Array<[string, string, string]> = [
        ['2023-01-01', '9.9', 'high'],
        ['2023-07-01', '11.25', 'high'],
        ['2024-01-01', '11.75', 'high'],
        ['2024-07-01', '11.5', 'low'],
        ['2025-01-01', '10.75', 'medium'],
        ['2025-07-01', '9.75', 'medium'],
        ['2026-01-01', '9.75', 'low'],
      ];
      for (const [date, total, confidence] of expected) {
        const rate = dk.interestRate(date, 'business');
        assert.equal(rate.ratePercent, total, date);
        assert.equal(rate.confidence, confidence, date);
      }
    });

    it('claims due before 2013-03-01 use margin 7: 2024 H1 = 3.75 + 7 = 10.75', () => {
      assert.equal(dk.interestRate('2024-03-15', 'business', '2013-02-28').ratePercent, '10.75');
      assert.equal(dk.interestRate('2024-03-15', 'business', '2013-03-01').ratePercent, '11.75');
    });

    it('throws law_data_missing naming the date past the table and before it', () => {
      assert.throws(() => dk.interestRate('2026-07-01', 'business'), {
        code: 'law_data_missing',
        field: 'date',
        message: 'date: no late-interest rate known for DK from 2026-07-01; supply it through overrides.interestRates',
      });
      assert.throws(() => dk.interestRate('2022-12-31', 'business'), { code: 'law_data_missing', field: 'date' });
    });
  });

  it('day count: actual/365, medium confidence because the statute is silent', () => {
    assert.equal(dk.dayCount('2025-01-01'), 'actual/365');
    assert.equal(dk.tables.dayCount[0]!.confidence, 'medium');
  });

  describe('limitation: 3 years from the due date (forældelsesloven § 3)', () => {
    it('an invoice due 2024-01-15 is time-barred on 2027-01-15', () => {
      assert.equal(dk.limitationDate('2024-01-15', 'consumer'), '2027-01-15');
    });
    it('an invoice due on 29 Feb 2024 is time-barred on 28 Feb 2027 (the last day of February), not 1 Mar', () => {
      assert.equal(dk.limitationDate('2024-02-29', 'business'), '2027-02-28');
    });
    it('instruments: 10 years (§ 5)', () => {
      assert.equal(dk.tables.limitation[0]!.value.instrumentYears, 10);
    });
  });

  it('allocation order: costs → interest → principal, low confidence (no statutory order confirmed)', () => {
    assert.deepEqual(dk.allocationOrder('2025-06-01'), ['costs', 'interest', 'principal']);
    assert.equal(dk.tables.allocationOrder[0]!.confidence, 'low');
  });
});
