import { it } from 'node:test';
import assert from 'node:assert/strict';
import { caseBody, createdCase, operatorToken } from '../../http/case-test-fixtures.js';
import { describeEachDatabase, type TestServer } from '../../testing/harness.js';
import { call } from '../../testing/http-client.js';
import { enrolActiveMember } from '../../testing/members.js';
import { readPdfText } from '../letters/pdf-text.js';
import { letterPdfOf } from '../letters/queued-letters.js';

/** POST /v1/simulation/advance and wait for the run to end (a fresh operator session each time: days pass). */
async function advance(s: TestServer, association: { associationId: string; publishableKey: string }, days: number): Promise<void> {
  const operator = await operatorToken(s, association);
  const started = await call(s.url, 'POST', '/v1/simulation/advance', { bearer: operator, body: { days } });
  assert.equal(started.status, 202, JSON.stringify(started.json));
  let state = started.json;
  for (let i = 0; i < 400 && state.running; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    let poll = await call(s.url, 'GET', '/v1/simulation', { bearer: operator });
    if (poll.status === 401) poll = await call(s.url, 'GET', '/v1/simulation', { bearer: await operatorToken(s, association) });
    state = poll.json;
  }
  assert.equal(state.running, false);
  assert.equal(state.lastError, null);
}

describeEachDatabase('surveillance re-checks', (server) => {
  it('legal → surveillance by the operator; a re-check every surveillanceIntervalDays recomputes the claim, writes to the debtor and raises the limitation check', async () => {
    const s = server();
    s.clock.set(new Date('2026-03-03T08:00:00Z'));
    const a = await s.association();
    const member = await enrolActiveMember(s.url, a.secretKey);
    // The creditor's rules: re-check every 30 days; stop before legal (the operator moves the case itself here).
    const rules = await call(s.url, 'PUT', `/v1/creditors/${member.creditorId}/business-rules`, { bearer: a.secretKey, body: { surveillanceIntervalDays: 30, stopBeforeLegal: true } });
    assert.equal(rules.status, 200, JSON.stringify(rules.json));
    // Invoice F-1001, DKK 10,000.00 due 2026-01-15 to a Danish company.
    const created = await createdCase(s.url, member.token, caseBody());
    const events = async (type: string) => (await s.db.query<{ data: Record<string, any> }>('SELECT data FROM events WHERE case_id = $1 AND type = $2 ORDER BY id', [created.id, type])).map((e) => e.data);
    const nextOn = async () => (await s.db.query<{ next: string }>(`SELECT to_char(dunning_next_on, 'YYYY-MM-DD') AS next FROM cases WHERE id = $1`, [created.id]))[0]!.next;

    await advance(s, a, 25); // reminder 03-03 (the first day's run is the advance's), notice 03-13, collection 03-24
    assert.equal(s.clock.today(), '2026-03-28');
    let operator = await operatorToken(s, a);
    // Enforcement found nothing: legal, then surveillance (case-stage.ts, along STAGE_TRANSITIONS).
    for (const stage of ['legal', 'surveillance']) {
      const moved = await call(s.url, 'POST', `/v1/cases/${created.id}/stage`, { bearer: operator, body: { stage, reason: stage === 'legal' ? 'udlæg' : 'udlæg forgæves: intet at udlægge' } });
      assert.equal(moved.status, 200, JSON.stringify(moved.json));
    }
    assert.equal((await events('stage.changed')).at(-1)!.on, '2026-03-28');

    // The first re-check falls surveillanceIntervalDays after the move: 2026-03-28 + 30 = 2026-04-27 (not counted
    // from collection's start, 03-24, which would make it 04-23).
    await advance(s, a, 1);
    assert.equal(await nextOn(), '2026-04-27');
    await advance(s, a, 28);
    assert.deepEqual(await events('surveillance.checked'), []);
    await advance(s, a, 1);
    const [first] = await events('surveillance.checked');
    // Interest 2026-01-16 … 2026-04-26 (101 days) at 9.75 %: 1,000,000 × 9.75 % × 101 / 365 = 26,979.45 → 26,979.
    // Fees: reminder 100 + collection 1,300 + compensation 310. Total 10,000.00 + 1,710.00 + 269.79 = 11,979.79.
    assert.deepEqual(first, {
      on: '2026-04-27',
      claim: {
        principal: { amount: 1_000_000, currency: 'DKK' },
        fees: { amount: 171_000, currency: 'DKK' },
        interest: { amount: 26_979, currency: 'DKK' },
        paid: { amount: 0, currency: 'DKK' },
        total: { amount: 1_197_979, currency: 'DKK' },
      },
    });
    assert.equal(await nextOn(), '2026-05-27');
    const [statement] = await s.db.query<{ id: string; kind: string; language: string }>(
      `SELECT id::text, kind, language FROM notifications WHERE case_id = $1 AND kind = 'surveillance_statement' AND channel = 'letter'`,
      [created.id],
    );
    assert.equal(statement!.language, 'da');
    const { text } = await readPdfText((await letterPdfOf(s.db, statement!.id))!);
    assert.match(text, /Kontoudtog/);
    assert.match(text, /I alt at betale +11\.979,79 kr\./);
    assert.match(text, /Betalingsreference \(FIK\) +\+71</); // the payment reference of the debtor's country
    assert.match(text, /Betales senest +7\. maj 2026/); // today + the collection letter's 10 days

    // Make the invoice old (due 2023-07-01 → time-barred 2026-07-01): the next re-check raises the limitation warning.
    await s.db.query(`UPDATE case_invoices SET due_date = '2023-07-01' WHERE case_id = $1`, [created.id]);
    await advance(s, a, 30);
    assert.deepEqual((await events('surveillance.checked')).map((e) => e.on), ['2026-04-27', '2026-05-27']);
    assert.deepEqual(await events('limitation.warning'), [{ invoice: 'F-1001', date: '2026-07-01', start: '2023-07-01', on: '2026-05-27' }]);
    assert.equal(await nextOn(), '2026-06-26');
    operator = await operatorToken(s, a);
    // The member's view lists the events too (the case's history).
    const history = await call(s.url, 'GET', `/v1/cases/${created.id}/events`, { bearer: operator });
    assert.ok(history.json.data.some((e: { type: string }) => e.type === 'surveillance.checked'));
  });
});
