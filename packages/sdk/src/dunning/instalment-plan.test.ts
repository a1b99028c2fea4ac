import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays } from '../calendar/index.js';
import { lawFor } from '../law/index.js';
import type { Money } from '../money/index.js';
import { resolveBusinessRules } from './business-rules.js';
import { buildInstalmentSchedule, dunningInstalments, instalmentPlanStatus, planFeeToCharge, type InstalmentSchedule } from './instalment-plan.js';
import { nextDunningAction, type DunningCase } from './next-action.js';

const sek = (amount: number): Money => ({ amount, currency: 'SEK' });
const dkk = (amount: number): Money => ({ amount, currency: 'DKK' });

describe('buildInstalmentSchedule', () => {
  it('SEK 1,000.00 in 3 monthly instalments from 31 January: 333.34 + 333.33 + 333.33, month ends kept', () => {
    const plan = buildInstalmentSchedule({ total: sek(100_000), agreedOn: '2026-01-20', count: 3, firstDueOn: '2026-01-31', interval: { unit: 'month', every: 1 } });
    assert.deepEqual(
      plan.instalments.map((i) => `${i.number} ${i.dueOn} ${i.amount.amount}`),
      // The leftover öre goes to the first instalment; 31 Jan + 1 month = 28 Feb, + 2 months = 31 Mar (counted from the first).
      ['1 2026-01-31 33334', '2 2026-02-28 33333', '3 2026-03-31 33333'],
    );
  });

  it('every 14 days', () => {
    const plan = buildInstalmentSchedule({ total: dkk(50_000), agreedOn: '2026-03-03', count: 2, firstDueOn: '2026-03-10', interval: { unit: 'day', every: 14 } });
    assert.deepEqual(plan.instalments.map((i) => i.dueOn), ['2026-03-10', '2026-03-24']);
  });

  it('refuses bad input naming the field', () => {
    const base = { total: dkk(100_000), agreedOn: '2026-03-03', count: 4, firstDueOn: '2026-04-01', interval: { unit: 'month' as const, every: 1 } };
    const field = (patch: Record<string, unknown>) => {
      try {
        buildInstalmentSchedule({ ...base, ...patch } as never);
      } catch (error) {
        return (error as { field?: string }).field;
      }
      return 'no error';
    };
    assert.equal(field({ count: 0 }), 'count');
    assert.equal(field({ count: 2.5 }), 'count');
    assert.equal(field({ count: 241 }), 'count');
    assert.equal(field({ total: dkk(3), count: 4 }), 'count'); // cannot make 4 parts > 0 of 3 øre
    assert.equal(field({ total: dkk(0) }), 'total.amount');
    assert.equal(field({ firstDueOn: '2026-03-02' }), 'firstDueOn');
    assert.equal(field({ interval: { unit: 'week', every: 1 } }), 'interval.unit');
    assert.equal(field({ interval: { unit: 'day', every: 0 } }), 'interval.every');
    // DKK 1,000.00 in 4 parts is 250.00 each: below a minimum of 300.00. At most 3 instalments.
    assert.equal(field({ minimumInstalment: dkk(30_000) }), 'count');
    assert.equal(field({ minimumInstalment: dkk(25_000) }), 'no error');
  });

  it('property: the instalments sum to the total exactly, each > 0 and ≥ the minimum, dates strictly increasing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 1, max: 240 }),
        fc.oneof(fc.record({ unit: fc.constant<'month'>('month'), every: fc.integer({ min: 1, max: 12 }) }), fc.record({ unit: fc.constant<'day'>('day'), every: fc.integer({ min: 1, max: 366 }) })),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 1_000_000 })),
        (amount, count, interval, startOffset, minimum) => {
          const input = { total: dkk(amount), agreedOn: '2026-01-31', count, firstDueOn: addDays('2026-01-31', startOffset), interval, minimumInstalment: minimum === null ? null : dkk(minimum) };
          let plan: InstalmentSchedule;
          try {
            plan = buildInstalmentSchedule(input);
          } catch (error) {
            // Refused only when the parts cannot all be > 0 and ≥ the minimum.
            assert.equal((error as { field?: string }).field, 'count');
            assert.ok(count > amount || (minimum !== null && Math.floor(amount / count) < minimum));
            return;
          }
          assert.equal(plan.instalments.length, count);
          assert.equal(plan.instalments.reduce((sum, i) => sum + i.amount.amount, 0), amount);
          for (const i of plan.instalments) {
            assert.ok(i.amount.amount > 0);
            if (minimum !== null) assert.ok(i.amount.amount >= minimum);
          }
          for (let k = 1; k < count; k++) assert.ok(plan.instalments[k - 1]!.dueOn < plan.instalments[k]!.dueOn);
          assert.equal(plan.instalments[0]!.dueOn, input.firstDueOn);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('instalmentPlanStatus', () => {
  // DKK 3,000.00 agreed 3 March 2026, 3 monthly instalments of 1,000.00 from 1 April; 7 days' grace.
  const plan = buildInstalmentSchedule({ total: dkk(300_000), agreedOn: '2026-03-03', count: 3, firstDueOn: '2026-04-01', interval: { unit: 'month', every: 1 } });
  const states = (payments: { receivedOn: string; amount: Money }[], asOf: string) =>
    instalmentPlanStatus(plan, payments, asOf, 7).instalments.map((i) => `${i.state} ${i.covered.amount}`);

  it('counts payments cumulatively against what is due through each instalment', () => {
    assert.deepEqual(states([], '2026-04-08'), ['due 0', 'due 0', 'due 0']); // 1 April + 7 days' grace: not missed yet
    assert.deepEqual(states([], '2026-04-09'), ['missed 0', 'due 0', 'due 0']);
    // A part payment covers part of the first; two payments together cover the first and part of the second.
    assert.deepEqual(states([{ receivedOn: '2026-03-30', amount: dkk(60_000) }], '2026-04-05'), ['due 60000', 'due 0', 'due 0']);
    assert.deepEqual(
      states([{ receivedOn: '2026-03-30', amount: dkk(60_000) }, { receivedOn: '2026-04-02', amount: dkk(60_000) }], '2026-04-20'),
      ['paid 100000', 'due 20000', 'due 0'],
    );
    // Paying ahead: one payment of 2,000.00 covers two instalments.
    assert.deepEqual(states([{ receivedOn: '2026-03-10', amount: dkk(200_000) }], '2026-06-01'), ['paid 100000', 'paid 100000', 'due 0']);
    // A payment before the agreement day belongs to the claim before the plan, not to the plan; one after asOf is not yet known.
    assert.deepEqual(states([{ receivedOn: '2026-03-02', amount: dkk(100_000) }, { receivedOn: '2026-04-10', amount: dkk(100_000) }], '2026-04-09'), ['missed 0', 'due 0', 'due 0']);
  });

  it('a debtor who catches up within the grace period keeps the plan; the first missed instalment is named', () => {
    const late = instalmentPlanStatus(plan, [{ receivedOn: '2026-04-08', amount: dkk(100_000) }], '2026-05-20', 7);
    assert.equal(late.instalments[0]!.state, 'paid');
    assert.equal(late.missed?.number, 2);
    assert.equal(late.missed?.missedOn, '2026-05-09');
    const all = instalmentPlanStatus(plan, [{ receivedOn: '2026-04-01', amount: dkk(300_000) }], '2026-04-01', 7);
    assert.equal(all.complete, true);
    assert.deepEqual(all.paid, dkk(300_000));
  });

  it('feeds nextDunningAction: the plan lapses the day after the grace period of the first unpaid instalment', () => {
    const rules = resolveBusinessRules();
    const base: DunningCase = {
      stage: 'instalment_plan', debtorType: 'business', dueDate: '2026-01-15', outstanding: dkk(300_000), reminders: [],
      noticeSentOn: null, collectionStartedOn: '2026-02-01', legalApprovalRequestedOn: null, legalApproved: false, lastSurveillanceCheckOn: null,
    };
    const paidFirst = dunningInstalments(plan, [{ receivedOn: '2026-04-01', amount: dkk(100_000) }], rules.instalmentGraceDays);
    assert.deepEqual(nextDunningAction({ dunningCase: { ...base, instalments: paidFirst }, rules, law: lawFor('DK') }), {
      kind: 'instalment_missed',
      on: '2026-05-09', // 1 May + 7 days' grace (the default, agency practice) + 1
      instalmentDueOn: '2026-05-01',
    });
    // All paid but principal left (the interest of the plan period): the operator follows up, nothing is automatic.
    const allPaid = dunningInstalments(plan, [{ receivedOn: '2026-04-01', amount: dkk(300_000) }], 7);
    assert.deepEqual(nextDunningAction({ dunningCase: { ...base, outstanding: dkk(1_200), instalments: allPaid }, rules, law: lawFor('DK') }), { kind: 'wait', reason: 'awaiting_operator' });
  });

  it('property: paid instalments are a prefix, covered never exceeds an instalment, and covered sums to min(paid, total)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 24 }),
        fc.array(fc.record({ day: fc.integer({ min: -10, max: 800 }), amount: fc.integer({ min: 1, max: 5_000_000 }) }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 30 }),
        (amount, count, raw, asOfDay, grace) => {
          fc.pre(count <= amount);
          const schedule = buildInstalmentSchedule({ total: dkk(amount), agreedOn: '2026-01-01', count, firstDueOn: '2026-02-01', interval: { unit: 'month', every: 1 } });
          const payments = raw.map((p) => ({ receivedOn: addDays('2026-01-01', p.day), amount: dkk(p.amount) }));
          const asOf = addDays('2026-01-01', asOfDay);
          const status = instalmentPlanStatus(schedule, payments, asOf, grace);
          const counted = payments.filter((p) => p.receivedOn >= '2026-01-01' && p.receivedOn <= asOf).reduce((s, p) => s + p.amount.amount, 0);
          assert.equal(status.paid.amount, counted);
          assert.equal(status.instalments.reduce((s, i) => s + i.covered.amount, 0), Math.min(counted, amount));
          const firstUnpaid = status.instalments.findIndex((i) => i.state !== 'paid');
          if (firstUnpaid >= 0) assert.ok(status.instalments.slice(firstUnpaid).every((i) => i.state !== 'paid'));
          for (const i of status.instalments) {
            assert.ok(i.covered.amount <= i.amount.amount);
            assert.equal(i.state === 'missed', i.state !== 'paid' && asOf > addDays(i.dueOn, grace));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('planFeeToCharge', () => {
  const se = lawFor('SE');
  const on = '2026-03-03';
  it('SE consumer: SEK 170 (Lag 1981:739 4 §); DK, NO, FI: none', () => {
    assert.deepEqual(planFeeToCharge({ law: se, debtorType: 'consumer', on, currency: 'SEK', otherFees: 24_000, compensation: 0 }), sek(17_000));
    assert.equal(planFeeToCharge({ law: lawFor('DK'), debtorType: 'business', on, currency: 'DKK', otherFees: 0, compensation: 31_000 }), null);
    assert.equal(planFeeToCharge({ law: lawFor('NO'), debtorType: 'consumer', on, currency: 'NOK', otherFees: 0, compensation: 0 }), null);
    assert.equal(planFeeToCharge({ law: lawFor('FI'), debtorType: 'business', on, currency: 'EUR', otherFees: 0, compensation: 4_000 }), null);
    // A claim in another currency than the law's: no fee is converted or guessed.
    assert.equal(planFeeToCharge({ law: se, debtorType: 'consumer', on, currency: 'EUR', otherFees: 0, compensation: 0 }), null);
  });

  it('SE B2B with förseningsersättning: only what lifts max(450, other fees) is added (4 a §)', () => {
    // Reminder 60 + inkassokrav 180 = 240, compensation 210 (450 − 240). With the plan fee the other fees are 410 < 450: nothing added.
    assert.equal(planFeeToCharge({ law: se, debtorType: 'business', on, currency: 'SEK', otherFees: 24_000, compensation: 21_000 }), null);
    // Three reminders (180) + inkassokrav (180) = 360, compensation 90. Plan fee: 530 > 450, so 80 is added (total 530).
    assert.deepEqual(planFeeToCharge({ law: se, debtorType: 'business', on, currency: 'SEK', otherFees: 36_000, compensation: 9_000 }), sek(8_000));
    // Other fees already above 450 (no compensation was added then, 0 > 0 fails): the full 170.
    assert.deepEqual(planFeeToCharge({ law: se, debtorType: 'business', on, currency: 'SEK', otherFees: 48_000, compensation: 0 }), sek(17_000));
    // A B2B case in the reminder stage carries no compensation yet: the full 170 (start_collection later counts it against 450).
    assert.deepEqual(planFeeToCharge({ law: se, debtorType: 'business', on, currency: 'SEK', otherFees: 6_000, compensation: 0 }), sek(17_000));
    // The combined total after adding never falls below either ceiling: property over the fees already charged.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), (others) => {
        const compensation = Math.max(0, 45_000 - others);
        const added = planFeeToCharge({ law: se, debtorType: 'business', on, currency: 'SEK', otherFees: others, compensation })?.amount ?? 0;
        assert.equal(others + compensation + added, Math.max(45_000, others + 17_000));
      }),
    );
  });
});
