import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { daysBetween, addDays } from '../calendar/index.js';
import { lawFor } from '../law/index.js';
import type { CountryCode, DebtorType } from '../law/types.js';
import type { CurrencyCode } from '../money/index.js';
import { advanceDunningCase } from './advance.js';
import { resolveBusinessRules, type BusinessRules } from './business-rules.js';
import { nextDunningAction, type DunningAction, type DunningCase } from './next-action.js';

const CURRENCY: Record<CountryCode, CurrencyCode> = { DK: 'DKK', SE: 'SEK', NO: 'NOK', FI: 'EUR' };

function openCase(country: CountryCode, debtorType: DebtorType, dueDate: string, amount = 1_000_000): DunningCase {
  return {
    stage: 'submitted',
    debtorType,
    dueDate,
    outstanding: { amount, currency: CURRENCY[country] },
    reminders: [],
    noticeSentOn: null,
    collectionStartedOn: null,
    legalApprovalRequestedOn: null,
    legalApproved: false,
    lastSurveillanceCheckOn: null,
  };
}

/** Walks a case until it waits (or `maxSteps`), returning the actions in order. */
function walk(c: DunningCase, rules: BusinessRules, country: CountryCode, maxSteps = 12): DunningAction[] {
  const law = lawFor(country);
  const actions: DunningAction[] = [];
  for (let i = 0; i < maxSteps; i++) {
    const action = nextDunningAction({ dunningCase: c, rules, law });
    actions.push(action);
    if (action.kind === 'wait') break;
    c = advanceDunningCase(c, action);
  }
  return actions;
}

describe('nextDunningAction — worked timelines', () => {
  it('DK B2B: three fee-bearing reminders 10 days apart, inkassovarsel with 10 days, then collection', () => {
    // Invoice of DKK 10,000 due 2025-03-03. Creditor: first reminder 7 days after due, 3 reminders, 10 days apart.
    const rules = resolveBusinessRules({ firstReminderDaysAfterDue: 7, maxReminders: 3, daysBetweenReminders: 10 });
    const steps = walk(openCase('DK', 'business', '2025-03-03'), rules, 'DK', 6);
    assert.deepEqual(
      steps.map((s) => ('on' in s ? `${s.kind} ${s.on}${s.kind === 'send_reminder' ? ` fee ${s.fee?.amount ?? 0}` : ''}` : s.kind)),
      [
        'send_reminder 2025-03-10 fee 10000', // due + 7; renteloven § 9 b: DKK 100
        'send_reminder 2025-03-20 fee 10000', // + 10 days (the statutory minimum for a fee)
        'send_reminder 2025-03-30 fee 10000', // third and last fee-bearing letter
        'send_notice 2025-04-09', // inkassovarsel 10 days after the last reminder
        'start_collection 2025-04-20', // inkassoloven § 10: 10 days to pay from 2025-04-09 → 2025-04-19; collection the day after
        'request_legal_approval 2025-07-19', // 90 days of amicable collection, then the creditor is asked
      ],
    );
  });

  it('DK: a fourth reminder is sent without a fee, and rules asking for 5 days apart still wait 10 days for a fee', () => {
    const rules = resolveBusinessRules({ firstReminderDaysAfterDue: 1, maxReminders: 4, daysBetweenReminders: 5 });
    const reminders = walk(openCase('DK', 'business', '2025-03-03'), rules, 'DK', 4).filter((s) => s.kind === 'send_reminder');
    assert.deepEqual(
      reminders.map((s) => [s.on, s.fee?.amount ?? null]),
      [
        ['2025-03-04', 10000],
        ['2025-03-14', 10000],
        ['2025-03-24', 10000],
        ['2025-03-29', null], // renteloven § 9 b stk. 1: fees on at most 3 letters
      ],
    );
  });

  it('NO: the first reminder waits 14 days after the due date and carries 1/20 of the inkassosats', () => {
    const rules = resolveBusinessRules({ firstReminderDaysAfterDue: 3, maxReminders: 1 });
    const [first] = walk(openCase('NO', 'business', '2025-03-03'), rules, 'NO', 1);
    // inkassoforskriften § 1-2: earliest 14 days after due → 2025-03-17; NOK 700 / 20 = NOK 35.00
    assert.deepEqual(first, { kind: 'send_reminder', on: '2025-03-17', number: 1, fee: { amount: 3500, currency: 'NOK' } });
  });

  it('SE: the notice (inkassokrav) gives at least 8 days before collection', () => {
    const rules = resolveBusinessRules({ maxReminders: 0, firstReminderDaysAfterDue: 5 });
    const steps = walk(openCase('SE', 'business', '2025-03-03'), rules, 'SE', 2);
    assert.deepEqual(steps[0], { kind: 'send_notice', on: '2025-03-08', payBy: '2025-03-16' });
    assert.deepEqual(steps[1], { kind: 'start_collection', on: '2025-03-17' });
  });

  it('does nothing on paid, withdrawn, paused, disputed, excluded or settled cases', () => {
    const law = lawFor('DK');
    const base = openCase('DK', 'business', '2025-03-03');
    const rules = resolveBusinessRules();
    const reason = (c: DunningCase, r = rules) => {
      const action = nextDunningAction({ dunningCase: c, rules: r, law });
      return action.kind === 'wait' ? action.reason : action.kind;
    };
    assert.equal(reason({ ...base, stage: 'paid' }), 'final_stage');
    assert.equal(reason({ ...base, stage: 'withdrawn' }), 'final_stage');
    assert.equal(reason({ ...base, stage: 'disputed' }), 'disputed');
    assert.equal(reason(base, resolveBusinessRules({ paused: true })), 'paused');
    assert.equal(reason(base, resolveBusinessRules({}, { excluded: true })), 'excluded');
    assert.equal(reason({ ...base, outstanding: { amount: 0, currency: 'DKK' } }), 'nothing_due');
    assert.equal(reason(base, resolveBusinessRules({ minimumAmount: { amount: 2_000_000, currency: 'DKK' } })), 'below_minimum');
    assert.equal(reason({ ...base, stage: 'collection', collectionStartedOn: '2025-04-01' }, resolveBusinessRules({ stopBeforeLegal: true })), 'stop_before_legal');
  });

  it('starts legal action only after the creditor approved, and a missed instalment returns the case to collection', () => {
    const law = lawFor('DK');
    const rules = resolveBusinessRules();
    const inCollection: DunningCase = { ...openCase('DK', 'business', '2025-03-03'), stage: 'collection', collectionStartedOn: '2025-04-20' };
    assert.equal(nextDunningAction({ dunningCase: inCollection, rules, law }).kind, 'request_legal_approval');
    assert.deepEqual(nextDunningAction({ dunningCase: { ...inCollection, legalApprovalRequestedOn: '2025-07-19' }, rules, law }), {
      kind: 'wait',
      reason: 'awaiting_legal_approval',
    });
    assert.deepEqual(
      nextDunningAction({ dunningCase: { ...inCollection, legalApprovalRequestedOn: '2025-07-19', legalApproved: true }, rules, law }),
      { kind: 'start_legal', on: '2025-07-19' },
    );
    const plan: DunningCase = {
      ...inCollection,
      stage: 'instalment_plan',
      instalments: [
        { dueOn: '2025-05-01', paid: true },
        { dueOn: '2025-06-01', paid: false },
      ],
    };
    assert.deepEqual(nextDunningAction({ dunningCase: plan, rules, law }), {
      kind: 'instalment_missed',
      on: '2025-06-02',
      instalmentDueOn: '2025-06-01',
    });
  });
});

describe('nextDunningAction — the law is never exceeded, whatever the rules', () => {
  const country = fc.constantFrom<CountryCode>('DK', 'SE', 'NO', 'FI');
  const debtorType = fc.constantFrom<DebtorType>('business', 'consumer');
  const rules = fc.record({
    firstReminderDaysAfterDue: fc.integer({ min: 0, max: 60 }),
    maxReminders: fc.integer({ min: 0, max: 10 }),
    daysBetweenReminders: fc.integer({ min: 1, max: 30 }),
    chargeReminderFees: fc.boolean(),
  });
  // Every pack has its rules from 2025-01-01 at the latest (NO's earliest dated entries).
  const dueDate = fc.integer({ min: 0, max: 600 }).map((d) => addDays('2025-01-01', d));

  it('never more fee-bearing reminders than allowed, never closer together, never earlier, never a fee above the cap', () => {
    fc.assert(
      fc.property(country, debtorType, rules, dueDate, (ctry, type, r, due) => {
        const law = lawFor(ctry);
        const steps = walk(openCase(ctry, type, due), resolveBusinessRules(r), ctry, 14);
        const reminders = steps.filter((s): s is Extract<DunningAction, { kind: 'send_reminder' }> => s.kind === 'send_reminder');
        assert.ok(reminders.length <= r.maxReminders);
        const feeBearing = reminders.filter((s) => s.fee !== null && s.fee.amount > 0);
        if (!r.chargeReminderFees) assert.equal(feeBearing.length, 0);
        for (const [i, reminder] of feeBearing.entries()) {
          const lawRules = law.reminderRules(reminder.on, type).value;
          assert.ok(lawRules.maxFee !== null, 'a fee only where the law allows one');
          assert.equal(reminder.fee!.currency, lawRules.maxFee.currency);
          assert.ok(reminder.fee!.amount <= lawRules.maxFee.amount);
          if (lawRules.maxFeeBearingReminders !== null) assert.ok(i < lawRules.maxFeeBearingReminders);
          if (lawRules.earliestDaysAfterDue !== null) assert.ok(daysBetween(due, reminder.on) >= lawRules.earliestDaysAfterDue);
          const previous = feeBearing[i - 1];
          if (previous && lawRules.minDaysBetweenFeeBearing !== null) {
            assert.ok(daysBetween(previous.on, reminder.on) >= lawRules.minDaysBetweenFeeBearing);
          }
        }
        // Dates never go backwards, and collection never starts before the notice's deadline has passed.
        const dated = steps.filter((s): s is Exclude<DunningAction, { kind: 'wait' }> => s.kind !== 'wait');
        for (let i = 1; i < dated.length; i++) assert.ok(dated[i - 1]!.on <= dated[i]!.on);
        const notice = steps.find((s) => s.kind === 'send_notice');
        const collection = steps.find((s) => s.kind === 'start_collection');
        if (notice && collection && notice.kind === 'send_notice') {
          assert.ok(daysBetween(notice.on, collection.on) > law.noticeRules(notice.on).value.minDaysToPay);
        }
      }),
    );
  });

  it('nothing at all happens on a paid, paused or disputed case', () => {
    fc.assert(
      fc.property(country, debtorType, rules, dueDate, fc.constantFrom('paid', 'paused', 'disputed'), (ctry, type, r, due, state) => {
        const c = openCase(ctry, type, due);
        const resolved = resolveBusinessRules({ ...r, paused: state === 'paused' });
        const steps = walk(
          state === 'paused' ? c : { ...c, stage: state === 'paid' ? 'paid' : 'disputed' },
          resolved,
          ctry,
          3,
        );
        assert.equal(steps.length, 1);
        assert.equal(steps[0]!.kind, 'wait');
      }),
    );
  });
});

describe('nextDunningAction — surveillance re-checks', () => {
  const rules = resolveBusinessRules({ surveillanceIntervalDays: 30 });
  const law = lawFor('DK');
  const under = (extra: Partial<DunningCase>): DunningCase => ({ ...openCase('DK', 'business', '2026-01-15'), stage: 'surveillance', collectionStartedOn: '2026-03-24', ...extra });
  it('the first check falls surveillanceIntervalDays after the move into surveillance, then after each check', () => {
    // Moved 2026-03-28: first check 2026-04-27; after a check on 2026-04-27: 2026-05-27.
    assert.deepEqual(nextDunningAction({ dunningCase: under({ surveillanceStartedOn: '2026-03-28' }), rules, law }), { kind: 'surveillance_check', on: '2026-04-27' });
    assert.deepEqual(nextDunningAction({ dunningCase: under({ surveillanceStartedOn: '2026-03-28', lastSurveillanceCheckOn: '2026-04-27' }), rules, law }), { kind: 'surveillance_check', on: '2026-05-27' });
    // A check from an earlier spell of surveillance does not make a new spell's first check due at once.
    assert.deepEqual(nextDunningAction({ dunningCase: under({ surveillanceStartedOn: '2026-09-01', lastSurveillanceCheckOn: '2026-05-27' }), rules, law }), { kind: 'surveillance_check', on: '2026-10-01' });
    // Unknown move day (older events): counted from the start of collection, as before.
    assert.deepEqual(nextDunningAction({ dunningCase: under({}), rules, law }), { kind: 'surveillance_check', on: '2026-04-23' });
  });
});
