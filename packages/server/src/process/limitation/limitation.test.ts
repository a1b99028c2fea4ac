import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, lawFor } from '@collectkit/sdk';
import { describeEachDatabase } from '../../testing/harness.js';
import { call } from '../../testing/http-client.js';
import { enrolActiveMember } from '../../testing/members.js';
import { createdCase, operatorToken } from '../../http/case-test-fixtures.js';
import { invoiceLimitationDate, limitationEventsDue, limitationStart } from './limitation-events.js';
import { candidateDueDateCutoff, checkLimitation, createLimitationJob } from './limitation-job.js';

const dk = lawFor('DK');
const se = lawFor('SE');
const inv = (number: string, due_date: string, outstanding = 100_000) => ({ number, due_date, outstanding });

describe('limitationEventsDue', () => {
  // DK forældelsesloven § 3 (RULES.md §6): 3 years from the due date. Today 2026-03-03.
  it('DK: due 2023-05-01 → time-barred 2026-05-01, 59 days away: a warning; due 2023-01-15 → passed 2026-01-15; due 2023-06-15 → 104 days away: nothing', () => {
    const due = limitationEventsDue({ law: dk, debtorType: 'business', today: '2026-03-03', events: [], invoices: [inv('A', '2023-05-01'), inv('B', '2023-01-15'), inv('C', '2023-06-15'), inv('D', '2023-01-15', 0)] });
    assert.deepEqual(due, [
      { type: 'limitation.warning', data: { invoice: 'A', date: '2026-05-01', start: '2023-05-01', on: '2026-03-03' } },
      { type: 'limitation.passed', data: { invoice: 'B', date: '2026-01-15', start: '2023-01-15', on: '2026-03-03' } },
    ]);
  });
  it('the window edge: 90 days before is a warning, 91 days before is not', () => {
    // 2026-05-01 − 90 days = 2026-01-31.
    assert.equal(limitationEventsDue({ law: dk, debtorType: 'consumer', today: '2026-01-31', events: [], invoices: [inv('A', '2023-05-01')] }).length, 1);
    assert.equal(limitationEventsDue({ law: dk, debtorType: 'consumer', today: '2026-01-30', events: [], invoices: [inv('A', '2023-05-01')] }).length, 0);
  });
  it('SE (preskriptionslag 2 §, RULES.md §6): 3 years on a consumer, 10 on a business', () => {
    const args = { law: se, today: '2026-03-03', events: [], invoices: [inv('A', '2023-04-01')] } as const;
    assert.equal(limitationEventsDue({ ...args, debtorType: 'consumer' })[0]?.data.date, '2026-04-01');
    assert.deepEqual(limitationEventsDue({ ...args, debtorType: 'business' }), []);
  });
  it('an acknowledgment starts the period again from its date; a warning for the new date is a new event', () => {
    const invoices = [inv('A', '2023-05-01')];
    const warned = limitationEventsDue({ law: dk, debtorType: 'business', today: '2026-03-03', events: [], invoices });
    const acknowledged = [...warned, { type: 'debt.acknowledged', data: { on: '2026-03-10' } }];
    assert.deepEqual(limitationEventsDue({ law: dk, debtorType: 'business', today: '2026-06-01', events: acknowledged, invoices }), []);
    const later = limitationEventsDue({ law: dk, debtorType: 'business', today: '2029-01-01', events: acknowledged, invoices });
    assert.deepEqual(later, [{ type: 'limitation.warning', data: { invoice: 'A', date: '2029-03-10', start: '2026-03-10', on: '2029-01-01' } }]);
    assert.equal(limitationStart('2023-05-01', '2020-01-01'), '2023-05-01'); // an acknowledgment before the due date moves nothing
  });
  describe('legal steps and judgments interrupt limitation (issue 5 §6)', () => {
    const ev = (type: string, on: string) => ({ type, data: { on } });
    it('DK: the filing (legal.started) restarts the ordinary 3 years; a judgment gives 10 years (forældelsesloven § 5, RULES.md §6, H)', () => {
      // Due 2023-05-01 → 2026-05-01; filed 2025-06-10 → 2028-06-10; judgment 2026-02-01 → 2036-02-01.
      assert.deepEqual(invoiceLimitationDate(dk, 'business', '2023-05-01', []), { start: '2023-05-01', date: '2026-05-01' });
      assert.deepEqual(invoiceLimitationDate(dk, 'business', '2023-05-01', [ev('legal.started', '2025-06-10')]), { start: '2025-06-10', date: '2028-06-10' });
      const judged = [ev('legal.started', '2025-06-10'), ev('legal.judgment', '2026-02-01')];
      assert.deepEqual(invoiceLimitationDate(dk, 'consumer', '2023-05-01', judged), { start: '2026-02-01', date: '2036-02-01' });
      // An acknowledgment after the judgment restarts only the ordinary 3 years (2030-01-01): the judgment's period runs longer.
      assert.deepEqual(invoiceLimitationDate(dk, 'business', '2023-05-01', [...judged, ev('debt.acknowledged', '2027-01-01')]), { start: '2026-02-01', date: '2036-02-01' });
      // The warning comes 90 days before the judgment's date, not the old one.
      assert.deepEqual(limitationEventsDue({ law: dk, debtorType: 'business', today: '2035-11-15', events: judged, invoices: [inv('A', '2023-05-01')] }), [
        { type: 'limitation.warning', data: { invoice: 'A', date: '2036-02-01', start: '2026-02-01', on: '2035-11-15' } },
      ]);
      assert.deepEqual(limitationEventsDue({ law: dk, debtorType: 'business', today: '2026-03-03', events: judged, invoices: [inv('A', '2023-05-01')] }), []);
    });
    it('SE: RULES.md §6 confirms no judgment period: the ordinary period restarts from the judgment (3 years on a consumer, 10 on a business) (M)', () => {
      // Consumer: due 2023-04-01 → 2026-04-01; filed 2026-01-10 → 2029-01-10; judgment 2026-05-05 → 2029-05-05.
      assert.deepEqual(invoiceLimitationDate(se, 'consumer', '2023-04-01', [ev('legal.started', '2026-01-10')]), { start: '2026-01-10', date: '2029-01-10' });
      const judged = [ev('legal.started', '2026-01-10'), ev('legal.judgment', '2026-05-05')];
      assert.deepEqual(invoiceLimitationDate(se, 'consumer', '2023-04-01', judged), { start: '2026-05-05', date: '2029-05-05' });
      assert.deepEqual(invoiceLimitationDate(se, 'business', '2023-04-01', judged), { start: '2026-05-05', date: '2036-05-05' });
    });
    it('NO and FI: the ordinary 3 years restart from the judgment (NO instrumentYears is for debt instruments, FI has none) (M)', () => {
      // Due 2023-01-15 → 2026-01-15; judgment 2025-09-01 → 2028-09-01.
      for (const law of [lawFor('NO'), lawFor('FI')]) {
        assert.deepEqual(invoiceLimitationDate(law, 'business', '2023-01-15', [ev('legal.judgment', '2025-09-01')]), { start: '2025-09-01', date: '2028-09-01' }, law.country);
      }
    });
    it('an event dated before the due date moves nothing', () => {
      assert.deepEqual(invoiceLimitationDate(dk, 'business', '2023-05-01', [ev('legal.started', '2023-04-01'), ev('legal.judgment', '2023-04-02')]), { start: '2023-05-01', date: '2026-05-01' });
    });
  });
  it('property: applying what is due and asking again gives nothing, at any later day too, for the same dates', () => {
    const day = fc.integer({ min: 0, max: 6000 }).map((n) => addDays('2015-01-01', n));
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 5 }), day, fc.integer({ min: 0, max: 200 }), fc.constantFrom('business', 'consumer' as const), (dues, today, later, debtorType) => {
        const invoices = dues.map((d, i) => inv(`F-${i}`, d));
        const first = limitationEventsDue({ law: dk, debtorType, today, events: [], invoices });
        assert.ok(first.length <= invoices.length);
        const again = limitationEventsDue({ law: dk, debtorType, today, events: first, invoices });
        assert.deepEqual(again, []);
        // Later: only a passed event where a warning was written (never a second warning).
        const next = limitationEventsDue({ law: dk, debtorType, today: addDays(today, later), events: first, invoices });
        assert.ok(next.every((e) => e.type === 'limitation.passed' || !first.some((f) => f.data.invoice === e.data.invoice)));
      }),
    );
  });
  it('the SQL cutoff never leaves out an invoice that is due an event', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 400 }), (t, back) => {
        const today = addDays('2020-01-01', t);
        const cutoff = candidateDueDateCutoff(today);
        const dueDate = addDays(cutoff, 1 + back);
        for (const [law, type] of [[dk, 'business'], [dk, 'consumer'], [se, 'consumer'], [lawFor('NO'), 'business'], [lawFor('FI'), 'consumer']] as const) {
          assert.deepEqual(limitationEventsDue({ law, debtorType: type, today, events: [], invoices: [inv('A', dueDate)] }), []);
        }
      }),
    );
  });
});

describeEachDatabase('limitation job', (server) => {
  it('appends a warning once, then passed once, on a real case; moves with an acknowledgment; 404 for another tenant', async () => {
    const { url, db, clock } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const created = await createdCase(url, member.token);
    // The case's one invoice (DKK 10,000 to a Danish company) made old: due 2023-05-01, time-barred 2026-05-01.
    await db.query(`UPDATE case_invoices SET due_date = '2023-05-01' WHERE case_id = $1`, [created.id]);
    // Read from the table: the member's session would expire when the clock jumps years ahead.
    const limitationEvents = async () =>
      (await db.query<{ type: string; data: { invoice: string; date: string } }>(`SELECT type, data FROM events WHERE case_id = $1 AND type LIKE 'limitation.%' ORDER BY id`, [created.id]))
        .map((e) => `${e.type} ${e.data.invoice} ${e.data.date}`);

    // Two runs at once, then another: one warning.
    await Promise.all([checkLimitation(db, clock), checkLimitation(db, clock)]);
    await checkLimitation(db, clock);
    assert.deepEqual(await limitationEvents(), ['limitation.warning F-1001 2026-05-01']);

    const job = createLimitationJob({ db, clock, intervalMs: 60_000 });
    clock.set(new Date('2026-05-01T08:00:00Z'));
    try {
      await job.runOnce();
      await job.runOnce();
    } finally {
      await job.stop();
    }
    assert.deepEqual(await limitationEvents(), ['limitation.warning F-1001 2026-05-01', 'limitation.passed F-1001 2026-05-01']);

    // Another tenant's operator cannot touch the case.
    const other = await server().association();
    assert.equal((await call(url, 'POST', `/v1/cases/${created.id}/acknowledgment`, { bearer: await operatorToken(server(), other), body: { on: '2026-04-20' } })).status, 404);
    const operator = await operatorToken(server(), a); // signed in now: a session from March has expired
    // The debtor acknowledged on 2026-04-20: new period to 2029-04-20, nothing more is due now; a warning comes in 2029.
    assert.equal((await call(url, 'POST', `/v1/cases/${created.id}/acknowledgment`, { bearer: operator, body: { on: '2026-04-20' } })).status, 201);
    await checkLimitation(db, clock);
    assert.equal((await limitationEvents()).length, 2);
    clock.set(new Date('2029-02-01T08:00:00Z'));
    await checkLimitation(db, clock);
    assert.deepEqual((await limitationEvents()).at(-1), 'limitation.warning F-1001 2029-04-20');
  });

  it('an operator records a judgment (POST /v1/cases/{id}/judgment): DK limitation runs 10 years from it', async () => {
    const { url, db, clock } = server();
    clock.set(new Date('2026-03-03T08:00:00Z'));
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const created = await createdCase(url, member.token);
    await db.query(`UPDATE case_invoices SET due_date = '2023-05-01' WHERE case_id = $1`, [created.id]);
    const operator = await operatorToken(server(), a);
    const path = `/v1/cases/${created.id}/judgment`;
    // Only after the legal step: the case is still submitted.
    assert.equal((await call(url, 'POST', path, { bearer: operator, body: { on: '2026-03-01' } })).status, 409);
    await db.query(`UPDATE cases SET stage = 'legal' WHERE id = $1`, [created.id]);
    const future = await call(url, 'POST', path, { bearer: operator, body: { on: '2026-03-04' } });
    assert.equal(future.status, 400);
    assert.equal(future.json.error.issues[0].path, 'on');
    assert.equal((await call(url, 'POST', path, { bearer: member.token, body: { on: '2026-03-01' } })).status, 403);
    const other = await server().association();
    assert.equal((await call(url, 'POST', path, { bearer: await operatorToken(server(), other), body: { on: '2026-03-01' } })).status, 404);
    const recorded = await call(url, 'POST', path, { bearer: operator, body: { on: '2026-03-01', reference: 'BS-123/2026' } });
    assert.equal(recorded.status, 201, JSON.stringify(recorded.json));
    const [event] = await db.query<{ data: Record<string, unknown> }>(`SELECT data FROM events WHERE case_id = $1 AND type = 'legal.judgment'`, [created.id]);
    assert.equal(event!.data.reference, 'BS-123/2026');
    // Without the judgment the invoice (due 2023-05-01) would be time-barred on 2026-05-01 and warned now; with it, 2036-03-01.
    await checkLimitation(db, clock);
    assert.equal((await db.query(`SELECT 1 FROM events WHERE case_id = $1 AND type LIKE 'limitation.%'`, [created.id])).length, 0);
    clock.set(new Date('2035-12-15T08:00:00Z'));
    await checkLimitation(db, clock);
    const [warning] = await db.query<{ data: { date: string; start: string } }>(`SELECT data FROM events WHERE case_id = $1 AND type = 'limitation.warning'`, [created.id]);
    assert.deepEqual([warning!.data.date, warning!.data.start], ['2036-03-01', '2026-03-01']);
  });
});
