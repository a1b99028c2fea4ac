import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, lawFor, settleClaim, type IsoDate } from '@collectkit/sdk';
import type { PaymentRow } from '../store/payments.js';
import { allocateNextPayment, type CaseClaim } from './payment-allocation.js';

function stored(allocation: ReturnType<typeof allocateNextPayment>, amount: number, receivedOn: IsoDate): PaymentRow {
  return {
    id: 'pay', case_id: 'cs', currency: 'DKK', amount, received_on: receivedOn, reference: null, method: 'bank_transfer', created_at: new Date(0),
    interest_accrued: allocation.interestAccrued.amount,
    applied_costs: allocation.applied.costs.amount, applied_interest: allocation.applied.interest.amount, applied_principal: allocation.applied.principal.amount,
    after_costs: allocation.after.costs.amount, after_interest: allocation.after.interest.amount, after_principal: allocation.after.principal.amount,
    overpayment: allocation.overpayment.amount,
  };
}

/** Registers the payments one by one, as POST /v1/cases/{id}/payments does. */
function registerAll(claim: CaseClaim, payments: { amount: number; date: IsoDate }[]) {
  const rows: PaymentRow[] = [];
  const results = [];
  for (const payment of payments) {
    const allocation = allocateNextPayment(claim, rows, { amount: { amount: payment.amount, currency: 'DKK' }, receivedOn: payment.date });
    rows.push(stored(allocation, payment.amount, payment.date));
    results.push(allocation);
  }
  return results;
}

const claim: CaseClaim = {
  currency: 'DKK',
  invoices: [{ dueDate: '2026-01-15', principal: 1_000_000 }], // DKK 10,000.00, due 15 January 2026
  costs: 0,
  lawCountry: 'DK',
  debtorType: 'business',
};

describe('allocating payments one at a time', () => {
  it('equals settleClaim for every sequence of payments in date order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 1, max: 600_000 }), offset: fc.integer({ min: 0, max: 200 }) }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 50_000 }),
        (raw, costs) => {
          const payments = raw.map((p) => ({ amount: p.amount, date: addDays('2026-01-10', p.offset) })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
          const withCosts = { ...claim, costs };
          const incremental = registerAll(withCosts, payments);
          const from = '2026-01-16';
          const asOf = payments.at(-1)!.date > from ? payments.at(-1)!.date : from;
          const settled = settleClaim({
            principal: { amount: 1_000_000, currency: 'DKK' },
            costs: { amount: costs, currency: 'DKK' },
            from,
            payments: payments.map((p) => ({ date: p.date, amount: { amount: p.amount, currency: 'DKK' } })),
            asOf,
            country: 'DK',
            debtorType: 'business',
            law: lawFor('DK', { carryForwardLastRate: true }),
            claimDueDate: '2026-01-15',
          });
          settled.payments.forEach((expected, index) => {
            const got = incremental[index]!;
            assert.deepEqual(got.interestAccrued, expected.interestAccrued);
            assert.deepEqual(got.applied, expected.applied);
            assert.deepEqual(got.after, expected.after);
            assert.deepEqual(got.overpayment, expected.overpayment);
            // Every øre of the payment is applied or overpaid.
            assert.equal(got.applied.costs.amount + got.applied.interest.amount + got.applied.principal.amount + got.overpayment.amount, payments[index]!.amount);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes costs, then interest, then principal (RULES.md §5), and keeps what exceeds the claim as overpayment', () => {
    // DKK 100.00 costs; interest 16 Jan – 15 Feb 2026 = 30 days at 9.75 % (2026 H1: Nationalbanken's rate + 8 points,
    // renteloven § 5; RULES.md §4, L) on DKK 10,000.00: 1,000,000 × 0.0975 × 30 / 365 = 8,013.7 → 8,014 øre.
    const [first, second] = registerAll({ ...claim, costs: 10_000 }, [
      { amount: 50_000, date: '2026-02-15' },
      { amount: 2_000_000, date: '2026-03-01' },
    ]);
    assert.deepEqual(first!.interestAccrued, { amount: 8_014, currency: 'DKK' });
    // DKK 500.00 paid: 100.00 costs, 80.14 interest, the remaining 319.86 off the principal.
    assert.deepEqual(first!.applied, { costs: { amount: 10_000, currency: 'DKK' }, interest: { amount: 8_014, currency: 'DKK' }, principal: { amount: 31_986, currency: 'DKK' } });
    assert.deepEqual(first!.after.principal, { amount: 968_014, currency: 'DKK' });
    assert.deepEqual(second!.after, { costs: { amount: 0, currency: 'DKK' }, interest: { amount: 0, currency: 'DKK' }, principal: { amount: 0, currency: 'DKK' } });
    const owed = second!.before.costs.amount + second!.before.interest.amount + second!.before.principal.amount;
    assert.equal(second!.overpayment.amount, 2_000_000 - owed);
    // A payment on a settled claim is all overpayment, never lost.
    const rows = [first!, second!].map((a, i) => stored(a, [50_000, 2_000_000][i]!, ['2026-02-15', '2026-03-01'][i]!));
    const third = allocateNextPayment({ ...claim, costs: 10_000 }, rows, { amount: { amount: 500, currency: 'DKK' }, receivedOn: '2026-03-02' });
    assert.deepEqual(third.overpayment, { amount: 500, currency: 'DKK' });
    assert.equal(third.interestAccrued.amount, 0);
  });

  it('accrues each invoice\'s interest from its own due date and settles the oldest invoice first', () => {
    const twoInvoices: CaseClaim = { ...claim, invoices: [{ dueDate: '2026-02-14', principal: 400_000 }, { dueDate: '2026-01-15', principal: 600_000 }] };
    // To 3 March at 9.75 % (renteloven § 5, 2026 H1; RULES.md §4, L):
    //   DKK 6,000.00 due 15 Jan: 16 Jan – 2 Mar = 46 days: 600,000 × 0.0975 × 46 / 365 = 7,372.6 → 7,373
    //   DKK 4,000.00 due 14 Feb: 15 Feb – 2 Mar = 16 days: 400,000 × 0.0975 × 16 / 365 = 1,709.6 → 1,710
    const [first] = registerAll(twoInvoices, [{ amount: 609_083, date: '2026-03-03' }]);
    assert.deepEqual(first!.interestAccrued, { amount: 9_083, currency: 'DKK' });
    // 609,083 − 9,083 interest = 600,000 principal: exactly the older invoice, so only the newer one bears interest from here.
    assert.deepEqual(first!.applied.principal, { amount: 600_000, currency: 'DKK' });
    const rows = [stored(first!, 609_083, '2026-03-03')];
    // 3 Mar – 1 Apr = 29 days on the DKK 4,000.00 left: 400,000 × 0.0975 × 29 / 365 = 3,098.6 → 3,099.
    const second = allocateNextPayment(twoInvoices, rows, { amount: { amount: 403_099, currency: 'DKK' }, receivedOn: '2026-04-01' });
    assert.deepEqual(second.interestAccrued, { amount: 3_099, currency: 'DKK' });
    assert.deepEqual(second.after.principal, { amount: 0, currency: 'DKK' });
    assert.deepEqual(second.overpayment, { amount: 0, currency: 'DKK' });
  });

  it('computes no interest for a debtor outside the law packs, and still allocates costs first', () => {
    const [only] = registerAll({ ...claim, lawCountry: null, costs: 5_000 }, [{ amount: 100_000, date: '2026-06-01' }]);
    assert.equal(only!.interestAccrued.amount, 0);
    assert.deepEqual(only!.applied, { costs: { amount: 5_000, currency: 'DKK' }, interest: { amount: 0, currency: 'DKK' }, principal: { amount: 95_000, currency: 'DKK' } });
  });
});
