import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../calendar/index.js';
import { isCollectkitInputError } from '../errors.js';
import { settleClaim } from './case-ledger.js';

const dkk = (amount: number) => ({ amount, currency: 'DKK' as const });
// DK late interest (renteloven § 5, law/dk.ts): 2025 H1 10.75 %, 2025 H2 9.75 %, actual/365.
const claim = { principal: dkk(1_000_000), costs: dkk(161_000), country: 'DK' as const, debtorType: 'business' as const };

describe('settleClaim', () => {
  it('accrues interest to each payment, allocates costs → interest → principal, then accrues on what remains', () => {
    // Interest 17 Jan – 28 Feb 2025 (43 days) on DKK 10,000: 10,000 × 10.75 % × 43/365 = 126.643… → 126.64.
    // Payment DKK 2,000 on 1 Mar: costs 1,610 and interest 126.64 first, principal 263.36 → 9,736.64 left.
    // Interest 1–31 Mar (31 days) on 9,736.64: × 10.75 % × 31/365 = 88.8968… → 88.90.
    const result = settleClaim({ ...claim, from: '2025-01-17', payments: [{ date: '2025-03-01', amount: dkk(200_000) }], asOf: '2025-04-01' });
    const [payment] = result.payments;
    assert.deepEqual(payment!.interestAccrued, dkk(12_664));
    assert.deepEqual(payment!.order, ['costs', 'interest', 'principal']);
    assert.deepEqual(payment!.applied, { costs: dkk(161_000), interest: dkk(12_664), principal: dkk(26_336) });
    assert.deepEqual(payment!.after, { costs: dkk(0), interest: dkk(0), principal: dkk(973_664) });
    assert.deepEqual(result.balance, { costs: dkk(0), interest: dkk(8_890), principal: dkk(973_664) });
    assert.deepEqual(result.interestAccrued, dkk(21_554));
    assert.deepEqual(result.outstanding, dkk(982_554));
    assert.deepEqual(result.overpayment, dkk(0));
  });

  it('splits interest at 1 July when the rate changes', () => {
    // June: 10,000 × 10.75 % × 30/365 = 88.356… → 88.36; July: 10,000 × 9.75 % × 31/365 = 82.808… → 82.81.
    const result = settleClaim({ ...claim, costs: dkk(0), from: '2025-06-01', payments: [], asOf: '2025-08-01' });
    assert.deepEqual(result.interestAccrued, dkk(17_117));
  });

  it('applies payments in date order, and an agreed order over the law pack', () => {
    const result = settleClaim({
      ...claim,
      from: '2025-01-17',
      payments: [
        { date: '2025-03-01', amount: dkk(100) },
        { date: '2025-02-01', amount: dkk(100) },
      ],
      asOf: '2025-03-01',
      order: ['principal', 'interest', 'costs'],
    });
    assert.deepEqual(result.payments.map((p) => p.date), ['2025-02-01', '2025-03-01']);
    assert.deepEqual(result.payments[0]!.applied.principal, dkk(100));
  });

  it('reports an overpayment and stops interest once the principal is paid', () => {
    // Paid on the first interest day: nothing accrued; 10,000 + 1,610 owed, 12,000 paid → 390 over.
    const result = settleClaim({ ...claim, from: '2025-01-17', payments: [{ date: '2025-01-17', amount: dkk(1_200_000) }], asOf: '2025-12-31' });
    assert.deepEqual(result.overpayment, dkk(39_000));
    assert.deepEqual(result.outstanding, dkk(0));
    assert.deepEqual(result.interestAccrued, dkk(0));
  });

  it('rejects bad input, naming the field', () => {
    const base = { ...claim, from: '2025-01-17', payments: [], asOf: '2025-03-01' };
    const rejects = (input: object, field: string) =>
      assert.throws(() => settleClaim({ ...base, ...input } as never), (e) => isCollectkitInputError(e) && e.field === field, field);
    rejects({ payments: [{ date: '2025-04-01', amount: dkk(1) }] }, 'payments.0.date');
    rejects({ payments: [{ date: '2025-02-01', amount: { amount: 1, currency: 'SEK' } }] }, 'payments.0.amount.currency');
    rejects({ payments: [{ date: '2025-02-01', amount: dkk(0) }] }, 'payments.0.amount.amount');
    rejects({ costs: dkk(-1) }, 'costs.amount');
    rejects({ asOf: '2025-01-01' }, 'asOf');
    rejects({ order: ['costs'] }, 'order');
    rejects({ debtorType: 'person' }, 'debtorType');
    // Past the law pack's rate table: an error, never a guessed rate.
    assert.throws(() => settleClaim({ ...base, asOf: '2031-01-01' }), (e) => isCollectkitInputError(e) && e.code === 'law_data_missing');
  });

  it('never loses or invents a minor unit: paid = applied + overpaid, owed − applied = outstanding', () => {
    const payment = fc.record({ day: fc.integer({ min: 0, max: 300 }), amount: fc.integer({ min: 1, max: 2_000_000 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 500_000 }), fc.array(payment, { maxLength: 6 }), (principal, costs, raw) => {
        const from = '2025-01-10';
        const payments = raw.map((p) => ({ date: addDays(from, p.day), amount: dkk(p.amount) }));
        const result = settleClaim({ ...claim, principal: dkk(principal), costs: dkk(costs), from, payments, asOf: '2025-12-31' });
        const paid = payments.reduce((s, p) => s + p.amount.amount, 0);
        const applied = result.payments.reduce((s, p) => s + p.applied.costs.amount + p.applied.interest.amount + p.applied.principal.amount, 0);
        assert.equal(applied + result.overpayment.amount, paid);
        assert.equal(principal + costs + result.interestAccrued.amount - applied, result.outstanding.amount);
      }),
      { numRuns: 200 },
    );
  });
});
