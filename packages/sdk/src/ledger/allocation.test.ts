import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCollectkitInputError } from '../errors.js';
import type { AllocationComponent } from '../law/types.js';
import { allocatePayment, DEFAULT_ALLOCATION_ORDER } from './allocation.js';

const dkk = (amount: number) => ({ amount, currency: 'DKK' as const });
const balances = { costs: dkk(10_000), interest: dkk(5_000), principal: dkk(100_000) };

describe('allocatePayment', () => {
  it('settles costs, then interest, then principal by default (RULES.md §5)', () => {
    // DKK 300 on DKK 100 costs + DKK 50 interest + DKK 1,000 principal:
    // costs 100 → 0, interest 50 → 0, principal takes the remaining 300 − 150 = 150.
    assert.deepEqual(allocatePayment(balances, dkk(30_000)), {
      applied: { costs: dkk(10_000), interest: dkk(5_000), principal: dkk(15_000) },
      remaining: { costs: dkk(0), interest: dkk(0), principal: dkk(85_000) },
      overpayment: dkk(0),
    });
    assert.deepEqual(DEFAULT_ALLOCATION_ORDER, ['costs', 'interest', 'principal']);
  });

  it('follows an agreed order: principal first', () => {
    const result = allocatePayment(balances, dkk(30_000), ['principal', 'interest', 'costs']);
    assert.deepEqual(result.applied, { costs: dkk(0), interest: dkk(0), principal: dkk(30_000) });
    assert.deepEqual(result.remaining.principal, dkk(70_000));
  });

  it('reports what exceeds everything owed as overpayment', () => {
    // 100 + 50 + 1,000 = 1,150 owed; 1,200 paid → 50 over.
    const result = allocatePayment(balances, dkk(120_000));
    assert.deepEqual(result.overpayment, dkk(5_000));
    assert.deepEqual(result.remaining, { costs: dkk(0), interest: dkk(0), principal: dkk(0) });
  });

  it('rejects bad input, naming the field', () => {
    const rejects = (run: () => unknown, field: string, code: string) =>
      assert.throws(run, (e) => isCollectkitInputError(e) && e.field === field && e.code === code, field);
    rejects(() => allocatePayment(balances, dkk(0)), 'payment.amount', 'invalid_amount');
    rejects(() => allocatePayment(balances, dkk(-1)), 'payment.amount', 'negative_amount');
    rejects(() => allocatePayment(balances, dkk(1.5)), 'payment.amount', 'invalid_amount');
    rejects(() => allocatePayment({ ...balances, interest: { amount: 1, currency: 'SEK' } }, dkk(1)), 'balances.interest.currency', 'currency_mismatch');
    rejects(() => allocatePayment({ ...balances, costs: dkk(-1) }, dkk(1)), 'balances.costs.amount', 'negative_amount');
    rejects(() => allocatePayment(balances, dkk(1), ['costs', 'costs', 'principal']), 'order', 'invalid_argument');
    rejects(() => allocatePayment(balances, dkk(1), ['costs', 'interest']), 'order', 'invalid_argument');
  });

  const amount = fc.integer({ min: 0, max: 2 ** 50 });
  const orders = fc.constantFrom<AllocationComponent[]>(
    ['costs', 'interest', 'principal'],
    ['costs', 'principal', 'interest'],
    ['interest', 'costs', 'principal'],
    ['interest', 'principal', 'costs'],
    ['principal', 'costs', 'interest'],
    ['principal', 'interest', 'costs'],
  );

  it('never loses or invents a minor unit, for any amounts and any order', () => {
    fc.assert(
      fc.property(amount, amount, amount, fc.integer({ min: 1, max: 2 ** 51 }), orders, (costs, interest, principal, paid, order) => {
        const before = { costs: dkk(costs), interest: dkk(interest), principal: dkk(principal) };
        const result = allocatePayment(before, dkk(paid), order);
        let appliedTotal = 0;
        for (const component of order) {
          const applied = result.applied[component].amount;
          const remaining = result.remaining[component].amount;
          assert.ok(applied >= 0 && remaining >= 0);
          assert.equal(applied + remaining, before[component].amount);
          appliedTotal += applied;
        }
        assert.equal(appliedTotal + result.overpayment.amount, paid);
        // Order respected: a later component gets something only when the earlier ones are settled.
        for (let i = 1; i < 3; i++) {
          if (result.applied[order[i]!].amount > 0) assert.equal(result.remaining[order[i - 1]!].amount, 0);
        }
        // Overpayment only once everything is paid.
        if (result.overpayment.amount > 0) for (const c of order) assert.equal(result.remaining[c].amount, 0);
      }),
      { numRuns: 2000 },
    );
  });
});
