import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, daysBetween } from '../calendar/index.js';
import { lawFor } from '../law/index.js';
import type { CountryCode, DebtorType, LawPack } from '../law/index.js';
import type { CurrencyCode, Money } from '../money/index.js';
import { accrueInterest, accrueInterestOnBalances, dayFraction } from './interest.js';

const dkk = (ore: number): Money => ({ amount: ore, currency: 'DKK' });
const source = { citation: 'test fixture, not law' };

describe('accrueInterest: worked examples (rates from RULES.md §4)', () => {
  it('DK: DKK 10,000.00 at 11.75 % for 2024-01-01..2024-07-01 = 585.89', () => {
    // 182 days, actual/365: 10,000.00 × 0.1175 × 182 / 365 = 585.8904… → 585.89
    const result = accrueInterest({ principal: dkk(1_000_000), from: '2024-01-01', to: '2024-07-01', country: 'DK', debtorType: 'business' });
    assert.deepEqual(result.total, dkk(58_589));
    assert.equal(result.periods.length, 1);
    const [period] = result.periods;
    assert.equal(period!.days, 182);
    assert.equal(period!.ratePercent, '11.75');
    assert.equal(period!.dayCount, 'actual/365');
    assert.equal(period!.yearDays, 365);
  });

  it('DK: a claim crossing 1 Jul splits into two periods, each with its own rate', () => {
    // 2024-06-01..07-01: 30 days at 11.75 %: 10,000 × 0.1175 × 30/365 = 96.5753… → 96.58
    // 2024-07-01..08-01: 31 days at 11.50 %: 10,000 × 0.1150 × 31/365 = 97.6712… → 97.67
    // total 194.25
    const result = accrueInterest({ principal: dkk(1_000_000), from: '2024-06-01', to: '2024-08-01', country: 'DK', debtorType: 'consumer' });
    assert.deepEqual(
      result.periods.map((p) => [p.from, p.to, p.days, p.ratePercent, p.amount.amount]),
      [
        ['2024-06-01', '2024-07-01', 30, '11.75', 9_658],
        ['2024-07-01', '2024-08-01', 31, '11.5', 9_767],
      ],
    );
    assert.deepEqual(result.total, dkk(19_425));
  });

  it('DK: a claim due before 2013-03-01 runs at reference + 7: 2024 H1 10.75 % → 536.03', () => {
    // 10,000 × 0.1075 × 182/365 = 536.0273… → 536.03
    const result = accrueInterest({
      principal: dkk(1_000_000),
      from: '2024-01-01',
      to: '2024-07-01',
      country: 'DK',
      debtorType: 'business',
      claimDueDate: '2012-12-01',
    });
    assert.deepEqual(result.total, dkk(53_603));
  });

  it('NO: in a leap year a day is 1/366 of the yearly rate', () => {
    // NOK 100,000.00 at 12.5 %, 2024-01-01..07-01 (182 days): 100,000 × 0.125 × 182/366 = 6,215.8469… → 6,215.85
    const leap = accrueInterest({ principal: { amount: 10_000_000, currency: 'NOK' }, from: '2024-01-01', to: '2024-07-01', country: 'NO', debtorType: 'business' });
    assert.equal(leap.periods[0]!.yearDays, 366);
    assert.deepEqual(leap.total, { amount: 621_585, currency: 'NOK' });
    // 2025-01-01..07-01 (181 days): 100,000 × 0.125 × 181/365 = 6,198.6301… → 6,198.63
    const common = accrueInterest({ principal: { amount: 10_000_000, currency: 'NOK' }, from: '2025-01-01', to: '2025-07-01', country: 'NO', debtorType: 'business' });
    assert.equal(common.periods[0]!.yearDays, 365);
    assert.deepEqual(common.total, { amount: 619_863, currency: 'NOK' });
  });

  it('DK uses actual/365 also in a leap year (2024 has 366 days, the divisor stays 365)', () => {
    const result = accrueInterest({ principal: dkk(1_000_000), from: '2024-01-01', to: '2024-01-02', country: 'DK', debtorType: 'business' });
    // 10,000 × 0.1175 / 365 = 3.2191… → 3.22
    assert.deepEqual(result.total, dkk(322));
  });

  it('SE: SEK 5,000.00 at 4.00 + 8 = 12 % for 2024-10-01..2025-01-01 (92 days) = 151.23', () => {
    // 5,000 × 0.12 × 92/365 = 151.2328… → 151.23
    const result = accrueInterest({ principal: { amount: 500_000, currency: 'SEK' }, from: '2024-10-01', to: '2025-01-01', country: 'SE', debtorType: 'consumer' });
    assert.deepEqual(result.total, { amount: 15_123, currency: 'SEK' });
  });

  it('FI: a consumer pays reference + 7: EUR 1,000.00 at 10.5 % for January 2025 (31 days) = 8.92', () => {
    // 1,000 × 0.105 × 31/365 = 8.9178… → 8.92
    const result = accrueInterest({ principal: { amount: 100_000, currency: 'EUR' }, from: '2025-01-01', to: '2025-02-01', country: 'FI', debtorType: 'consumer' });
    assert.deepEqual(result.total, { amount: 892, currency: 'EUR' });
  });

  it('30/360 (30E/360) when a pack is overridden to it: 31 Jan..1 Mar counts 31 days of a 360-day year', () => {
    const law = lawFor('DK', { overrides: { dayCount: [{ validFrom: '2023-01-01', value: '30/360', source, confidence: 'low' }] } });
    // 31 Jan counts as 30 Jan; 30 Jan → 1 Mar = 31 days. 10,000 × 0.1175 × 31/360 = 101.1806… → 101.18
    const result = accrueInterest({ principal: dkk(1_000_000), from: '2024-01-31', to: '2024-03-01', country: 'DK', debtorType: 'business', law });
    assert.equal(result.periods[0]!.days, 30);
    assert.equal(result.periods[0]!.accrualDays, 31);
    assert.deepEqual(result.total, dkk(10_118));
  });

  it('interest is in the claim currency, whatever the jurisdiction: EUR claim under DK law', () => {
    const result = accrueInterest({ principal: { amount: 1_000_000, currency: 'EUR' }, from: '2024-01-01', to: '2024-07-01', country: 'DK', debtorType: 'business' });
    assert.deepEqual(result.total, { amount: 58_589, currency: 'EUR' });
  });

  it('from == to: zero, no periods', () => {
    const result = accrueInterest({ principal: dkk(1_000_000), from: '2024-05-05', to: '2024-05-05', country: 'DK', debtorType: 'business' });
    assert.deepEqual(result, { total: dkk(0), periods: [] });
  });
});

describe('accrueInterest: overrides and unknown rates', () => {
  const base = { principal: dkk(1_000_000), from: '2026-01-01', to: '2026-07-01', country: 'DK' as const, debtorType: 'business' as const };

  it('overriding the DK 2026 H1 rate changes the result', () => {
    // built-in 9.75 %: 10,000 × 0.0975 × 181/365 = 483.4931… → 483.49
    assert.deepEqual(accrueInterest(base).total, dkk(48_349));
    // confirmed 9.60 %: 10,000 × 0.0960 × 181/365 = 476.0548… → 476.05
    const law = lawFor('DK', {
      overrides: {
        interestRates: [
          { validFrom: '2026-01-01', value: { referencePercent: '1.60', marginPercent: { business: '8', consumer: '8' } }, source, confidence: 'high' },
        ],
      },
    });
    assert.deepEqual(accrueInterest({ ...base, law }).total, dkk(47_605));
  });

  it('without carryForwardLastRate, a period past the table throws law_data_missing naming the field', () => {
    assert.throws(() => accrueInterest({ ...base, from: '2026-06-01', to: '2026-08-01' }), {
      code: 'law_data_missing',
      field: 'date',
      message: /no late-interest rate known for DK from 2026-07-01; supply it through overrides\.interestRates/,
    });
  });

  it('with carryForwardLastRate, the periods past the table use the last rate and are marked assumed', () => {
    const law = lawFor('DK', { carryForwardLastRate: true });
    const result = accrueInterest({ ...base, from: '2026-06-01', to: '2026-08-01', law });
    assert.deepEqual(
      result.periods.map((p) => [p.from, p.ratePercent, p.assumed]),
      [
        ['2026-06-01', '9.75', undefined],
        ['2026-07-01', '9.75', true],
      ],
    );
  });

  it('a date before the first known rate always throws', () => {
    const law = lawFor('DK', { carryForwardLastRate: true });
    assert.throws(() => accrueInterest({ ...base, from: '2022-12-01', to: '2023-02-01', law }), { code: 'law_data_missing', field: 'date' });
  });
});

describe('accrueInterest: input validation', () => {
  const base = { principal: dkk(1_000_000), from: '2024-01-01', to: '2024-02-01', country: 'DK' as const, debtorType: 'business' as const };
  it('rejects bad input with the field named', () => {
    assert.throws(() => accrueInterest({ ...base, from: '2024-02-02' }), { code: 'invalid_range', field: 'to' });
    assert.throws(() => accrueInterest({ ...base, principal: dkk(-1) }), { code: 'negative_amount', field: 'principal.amount' });
    assert.throws(() => accrueInterest({ ...base, principal: { amount: 1.5, currency: 'DKK' } }), { code: 'invalid_amount', field: 'principal.amount' });
    assert.throws(() => accrueInterest({ ...base, principal: { amount: 100, currency: 'USD' as CurrencyCode } }), {
      code: 'unsupported_currency',
      field: 'principal.currency',
    });
    assert.throws(() => accrueInterest({ ...base, from: '2024-13-01' }), { code: 'invalid_date', field: 'from' });
    assert.throws(() => accrueInterest({ ...base, country: 'DE' as CountryCode }), { code: 'unsupported_country', field: 'country' });
    assert.throws(() => accrueInterest({ ...base, debtorType: 'private' as DebtorType }), { code: 'invalid_argument', field: 'debtorType' });
    assert.throws(() => accrueInterest({ ...base, law: lawFor('SE') }), { code: 'invalid_argument', field: 'law' });
    assert.throws(() => accrueInterest({ ...base, claimDueDate: '2013-02-30' }), { code: 'invalid_date', field: 'claimDueDate' });
  });
});

describe('accrueInterestOnBalances', () => {
  it('splits at each change of principal: DKK 10,000 then 4,000 after a payment on 2024-04-01', () => {
    // 2024-01-01..04-01: 91 days on 10,000 at 11.75 %: 10,000 × 0.1175 × 91/365 = 292.9452… → 292.95
    // 2024-04-01..07-01: 91 days on  4,000 at 11.75 %:  4,000 × 0.1175 × 91/365 = 117.1781… → 117.18
    const result = accrueInterestOnBalances({
      balances: [
        { from: '2024-01-01', principal: dkk(1_000_000) },
        { from: '2024-04-01', principal: dkk(400_000) },
      ],
      to: '2024-07-01',
      country: 'DK',
      debtorType: 'business',
    });
    assert.deepEqual(
      result.periods.map((p) => [p.from, p.to, p.principal.amount, p.amount.amount]),
      [
        ['2024-01-01', '2024-04-01', 1_000_000, 29_295],
        ['2024-04-01', '2024-07-01', 400_000, 11_718],
      ],
    );
    assert.deepEqual(result.total, dkk(41_013));
  });

  it('splits at half-year boundaries inside a balance too', () => {
    const result = accrueInterestOnBalances({
      balances: [
        { from: '2024-06-01', principal: dkk(1_000_000) },
        { from: '2024-09-01', principal: dkk(0) },
      ],
      to: '2024-10-01',
      country: 'DK',
      debtorType: 'business',
    });
    assert.deepEqual(
      result.periods.map((p) => [p.from, p.to]),
      [
        ['2024-06-01', '2024-07-01'],
        ['2024-07-01', '2024-09-01'],
        ['2024-09-01', '2024-10-01'],
      ],
    );
    assert.equal(result.periods[2]!.amount.amount, 0);
  });

  it('rejects unordered balances, mixed currencies and balances after `to`', () => {
    const base = { to: '2024-07-01', country: 'DK' as const, debtorType: 'business' as const };
    assert.throws(
      () => accrueInterestOnBalances({ ...base, balances: [{ from: '2024-03-01', principal: dkk(1) }, { from: '2024-03-01', principal: dkk(1) }] }),
      { code: 'invalid_range', field: 'balances.1.from' },
    );
    assert.throws(
      () => accrueInterestOnBalances({ ...base, balances: [{ from: '2024-03-01', principal: dkk(1) }, { from: '2024-04-01', principal: { amount: 1, currency: 'EUR' } }] }),
      { code: 'currency_mismatch', field: 'balances.1.principal.currency' },
    );
    assert.throws(() => accrueInterestOnBalances({ ...base, balances: [{ from: '2024-08-01', principal: dkk(1) }] }), {
      code: 'invalid_range',
      field: 'balances.0.from',
    });
    assert.throws(() => accrueInterestOnBalances({ ...base, balances: [] }), { code: 'invalid_argument', field: 'balances' });
  });

  it('one balance equals accrueInterest over the same range', () => {
    const single = accrueInterestOnBalances({ balances: [{ from: '2023-03-10', principal: dkk(123_456_789) }], to: '2025-11-20', country: 'DK', debtorType: 'consumer' });
    const plain = accrueInterest({ principal: dkk(123_456_789), from: '2023-03-10', to: '2025-11-20', country: 'DK', debtorType: 'consumer' });
    assert.deepEqual(single, plain);
  });
});

describe('dayFraction', () => {
  it('30E/360 treats the 31st as the 30th at both ends', () => {
    assert.deepEqual(dayFraction('2025-01-31', '2025-03-31', '30/360'), { accrualDays: 60, yearDays: 360 });
    assert.deepEqual(dayFraction('2025-01-01', '2025-07-01', '30/360'), { accrualDays: 180, yearDays: 360 });
  });
});

describe('accrueInterest: properties (fast-check)', () => {
  const thirty360 = lawFor('DK', { overrides: { dayCount: [{ validFrom: '2023-01-01', value: '30/360', source, confidence: 'low' }] } });
  // Ranges wholly inside each pack's table (NO has gaps in 2024 H2 and 2025 H2, so it carries forward).
  const cases: Array<{ name: string; country: CountryCode; law: LawPack; first: string; end: string; currency: CurrencyCode }> = [
    { name: 'DK actual/365', country: 'DK', law: lawFor('DK'), first: '2023-01-01', end: '2026-07-01', currency: 'DKK' },
    { name: 'DK 30E/360', country: 'DK', law: thirty360, first: '2023-01-01', end: '2026-07-01', currency: 'DKK' },
    { name: 'NO actual/actual', country: 'NO', law: lawFor('NO', { carryForwardLastRate: true }), first: '2024-01-01', end: '2026-07-01', currency: 'NOK' },
    { name: 'FI actual/365', country: 'FI', law: lawFor('FI'), first: '2024-01-01', end: '2026-07-01', currency: 'EUR' },
  ];

  for (const c of cases) {
    const span = daysBetween(c.first, c.end);
    const offsets = fc.tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: span }), fc.integer({ min: 0, max: span })).map((t) => [...t].sort((a, b) => a - b) as [number, number, number]);
    const principal = fc.integer({ min: 0, max: 1_000_000_000_000 }); // up to 10 billion in major units
    const debtor = fc.constantFrom<DebtorType>('business', 'consumer');
    const accrue = (amount: number, from: string, to: string, debtorType: DebtorType) =>
      accrueInterest({ principal: { amount, currency: c.currency }, from, to, country: c.country, debtorType, law: c.law });

    it(`${c.name}: accrue(from, to) = accrue(from, mid) + accrue(mid, to) within one minor unit per part`, () => {
      fc.assert(
        fc.property(principal, offsets, debtor, (amount, [a, b, d], debtorType) => {
          const [from, mid, to] = [addDays(c.first, a), addDays(c.first, b), addDays(c.first, d)];
          const whole = accrue(amount, from, to, debtorType);
          const left = accrue(amount, from, mid, debtorType);
          const right = accrue(amount, mid, to, debtorType);
          const parts = left.periods.length + right.periods.length;
          assert.ok(Math.abs(whole.total.amount - (left.total.amount + right.total.amount)) <= parts);
          // the parts tile [from, to) exactly and the total is their sum
          assert.equal(whole.periods.reduce((s, p) => s + p.days, 0), d - a);
          assert.equal(whole.periods.reduce((s, p) => s + p.amount.amount, 0), whole.total.amount);
        }),
        { numRuns: 300 },
      );
    });

    it(`${c.name}: interest is never negative and never decreases as \`to\` moves later`, () => {
      fc.assert(
        fc.property(principal, offsets, debtor, (amount, [a, b, d], debtorType) => {
          const from = addDays(c.first, a);
          const earlier = accrue(amount, from, addDays(c.first, b), debtorType);
          const later = accrue(amount, from, addDays(c.first, d), debtorType);
          assert.ok(earlier.total.amount >= 0);
          assert.ok(later.total.amount >= earlier.total.amount);
        }),
        { numRuns: 300 },
      );
    });
  }
});
