import { it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveBusinessRules } from '@collectkit/sdk';
import { describeEachDatabase, type TestServer } from '../../testing/harness.js';
import { enrolActiveMember } from '../../testing/members.js';
import { caseBody, createdCase, danishDebtor, operatorToken } from '../../http/case-test-fixtures.js';
import { call } from '../../testing/http-client.js';
import { caseCosts } from '../../store/payments.js';
import type { Database } from '../../store/database.js';
import { readPdfText } from '../letters/pdf-text.js';
import { letterPdfOf } from '../letters/queued-letters.js';
import { createNotificationDispatcher } from '../notifications/dispatcher.js';
import { createDunningScheduler } from './dunning-scheduler.js';
import { firstDueDate } from './dunning-state.js';
import { firstDueDatesOfCases } from './scheduler-store.js';
import { caseInvoices } from '../../store/cases.js';

interface StepEvent {
  type: string;
  data: Record<string, any>;
}

const DUNNING_TYPES = ['reminder.sent', 'notice.sent', 'collection.started', 'fee.added', 'stage.changed', 'legal_approval.requested'];

async function dunningEvents(db: Database, caseId: string): Promise<StepEvent[]> {
  const rows = await db.query<StepEvent>('SELECT type, data FROM events WHERE case_id = $1 ORDER BY id', [caseId]);
  return rows.filter((e) => DUNNING_TYPES.includes(e.type));
}

async function newMember(s: TestServer) {
  const association = await s.association();
  const member = await enrolActiveMember(s.url, association.secretKey);
  return { association, member };
}

describeEachDatabase('dunning scheduler', (server) => {
  it('DK B2B worked timeline: reminder with fee, inkassovarsel with 10 days, collection with fee cap and compensation', async () => {
    const s = server();
    const { member } = await newMember(s);
    // Invoice F-1001, DKK 10,000.00 due 2026-01-15; the clock stands at 2026-03-03 (harness TEST_START).
    const created = await createdCase(s.url, member.token, caseBody({ debtor: { ...danishDebtor(), email: 'bogholderi@hansen-biler.example' } }));
    const scheduler = createDunningScheduler({ db: s.db, clock: s.clock, rulesFor: async () => resolveBusinessRules() });
    const days: Record<string, number> = {};
    for (let day = 0; day <= 25; day++) {
      const run = await scheduler.runOnce();
      if (run.applied) days[s.clock.today()] = run.applied;
      s.clock.advance({ days: 1 });
    }
    const events = await dunningEvents(s.db, created.id);
    const summary = events.map((e) => `${e.type} ${e.data.on ?? ''} ${e.data.kind ?? e.data.to ?? ''} ${e.data.amount?.amount ?? e.data.fee?.amount ?? e.data.payBy ?? ''}`.trim());
    assert.deepEqual(summary, [
      // Default rules: first reminder 7 days after due (2026-01-22), already passed: sent on the first run.
      'reminder.sent 2026-03-03  10000', // renteloven § 9 b stk. 1: DKK 100
      'fee.added 2026-03-03 reminder_fee 10000',
      'stage.changed  reminder',
      // daysBetweenReminders 10 after the reminder; inkassoloven § 10: at least 10 days to pay.
      'notice.sent 2026-03-13  2026-03-23',
      'stage.changed  notice',
      // The day after the notice's deadline.
      'collection.started 2026-03-24',
      // BEK 601/2002 Bilag 1 (as amended 2016): claim DKK 5,001–10,000 → at most DKK 1,300.
      'fee.added 2026-03-24 collection_fee 130000',
      // renteloven § 9 a stk. 3: kompensationsbeløb DKK 310, B2B, one per overdue invoice (one invoice here).
      'fee.added 2026-03-24 compensation 31000',
      'stage.changed  collection',
    ]);
    assert.deepEqual(days, { '2026-03-03': 1, '2026-03-13': 1, '2026-03-24': 1 });
    const [row] = await s.db.query<{ stage: string; next: string }>(`SELECT stage, to_char(dunning_next_on, 'YYYY-MM-DD') AS next FROM cases WHERE id = $1`, [created.id]);
    // Legal action is proposed after 90 days of amicable collection: 2026-03-24 + 90 = 2026-06-22.
    assert.deepEqual(row, { stage: 'collection', next: '2026-06-22' });
    // The payments engineer's caseCosts reads the same fee.added events: 100 + 1,300 + 310.
    assert.equal(await caseCosts(s.db, created.association_id ?? (await associationOf(s.db, created.id)), created.id, 'DKK'), 171_000);

    const outbox = () => s.db.query<{ kind: string; channel: string; subject: string | null; letter_pdf: Uint8Array | null; has_data: boolean }>(
      'SELECT kind, channel, subject, letter_pdf, letter_data IS NOT NULL AS has_data FROM notifications WHERE case_id = $1 ORDER BY id',
      [created.id],
    );
    let notifications = await outbox();
    assert.deepEqual(notifications.map((n) => `${n.kind}/${n.channel}`), [
      'reminder/letter', 'reminder/email',
      'pre_collection_notice/letter', 'pre_collection_notice/email',
      'collection_letter/letter', 'collection_letter/email',
    ]);
    assert.equal(notifications[3]!.subject, `Inkassovarsel – ${created.number}`);
    // The steps stored each letter's text, not its PDF (issue 5 §9): the dispatcher's round renders them.
    assert.ok(notifications.every((n) => n.has_data && n.letter_pdf === null));
    await createNotificationDispatcher({ db: s.db, clock: s.clock }).runOnce();
    notifications = await outbox();
    assert.ok(notifications.every((n) => n.letter_pdf !== null));
    // The e-mail of a step attaches the same letter as the letter channel.
    assert.deepEqual(Buffer.from(notifications[5]!.letter_pdf!), Buffer.from(notifications[4]!.letter_pdf!));
    const { text } = await readPdfText(notifications[4]!.letter_pdf!);
    // Interest 2026-01-16 … 2026-03-23 (67 days) at 9.75 %: 1,000,000 × 9.75 % × 67 / 365 = 17,897.26 → DKK 178.97.
    // Total: 10,000.00 + 100.00 + 1,300.00 + 310.00 + 178.97 = 11,888.97.
    assert.match(text, /Morarente 9,75 % p\.a\., 16\. januar 2026 til 23\. marts 2026 · F-1001 +178,97 kr\./);
    assert.match(text, /Inkassoomkostninger \(24\. marts 2026\) +1\.300,00 kr\./);
    assert.match(text, /Kompensationsbeløb \(24\. marts 2026\) · F-1001 +310,00 kr\./);
    assert.match(text, /I alt at betale +11\.888,97 kr\./);
    assert.match(text, /Betales senest +3\. april 2026/);
  });

  for (const example of [
    {
      country: 'SE',
      debtor: { type: 'business', name: 'Svensson Åkeri AB', country: 'SE', address: { lines: ['Hamngatan 3'], postalCode: '411 06', city: 'Göteborg', country: 'SE' } },
      expected: [
        'reminder.sent 2026-03-03', // Lag 1981:739 2 §: SEK 60 (the default rules assume the fee was agreed)
        'fee.added reminder_fee 6000',
        'notice.sent 2026-03-13 2026-03-21', // inkassolagen 5 §: at least 8 days (RULES.md §2)
        'fee.added notice_fee 18000', // Lag 1981:739 4 §: inkassokrav SEK 180
        'collection.started 2026-03-22',
        // The SE cap is the SEK 180 the inkassokrav already carried: no second collection fee. 4 a §: the
        // förseningsersättning of SEK 450 replaces the fees up to 450: 450 − 60 − 180 = 210.
        'fee.added compensation 21000',
      ],
    },
    {
      country: 'NO',
      debtor: { type: 'business', name: 'Nordmann Transport AS', country: 'NO', address: { lines: ['Storgata 1'], postalCode: '0155', city: 'Oslo', country: 'NO' } },
      expected: [
        'reminder.sent 2026-03-03', // inkassoforskriften § 1-2: 1/20 of the inkassosats NOK 750 (2026, L) = 37.50
        'fee.added reminder_fee 3750',
        'notice.sent 2026-03-13 2026-03-27', // inkassoloven § 9: at least 14 days
        'fee.added notice_fee 3750',
        'collection.started 2026-03-28 cap unknown', // the NO pack has no collection-fee cap: none is charged
        'fee.added compensation 46000', // forsinkelsesrenteloven § 3a: NOK 460 (2026 H1, M)
      ],
    },
  ]) {
    it(`${example.country} B2B timeline: the notice's fee counts against the collection cap; no fee where the law pack has no cap`, async () => {
      const s = server();
      s.clock.set(new Date('2026-03-03T08:00:00Z'));
      const { member } = await newMember(s);
      const currency = example.country === 'SE' ? 'SEK' : 'NOK';
      const created = await createdCase(s.url, member.token, {
        debtor: example.debtor,
        invoices: [{ number: 'F-1', issueDate: '2026-01-01', dueDate: '2026-01-15', amount: { amount: 1_000_000, currency } }],
      });
      const scheduler = createDunningScheduler({ db: s.db, clock: s.clock });
      for (let day = 0; day <= 26; day++) {
        const run = await scheduler.runOnce();
        assert.equal(run.failed, 0);
        s.clock.advance({ days: 1 });
      }
      const events = (await dunningEvents(s.db, created.id)).filter((e) => e.type !== 'stage.changed');
      assert.deepEqual(
        events.map((e) =>
          e.type === 'fee.added'
            ? `fee.added ${e.data.kind} ${e.data.amount.amount}`
            : `${e.type} ${e.data.on}${e.data.payBy ? ` ${e.data.payBy}` : ''}${e.data.collectionFeeCapUnknown ? ' cap unknown' : ''}`,
        ),
        example.expected,
      );
    });
  }

  for (const example of [
    // DK renteloven § 9 a stk. 3 (RULES.md §3: "One per overdue invoice", M): DKK 310 for each of the two.
    { country: 'DK', currency: 'DKK', each: 31_000, debtor: danishDebtor(), days: 26 },
    // FI perintälaki 10 e § (RULES.md §3: "per late invoice", KKO 2023:39, H): EUR 40 for each of the two.
    { country: 'FI', currency: 'EUR', each: 4_000, days: 26, debtor: { type: 'business', name: 'Virtanen Oy', country: 'FI', address: { lines: ['Mannerheimintie 1'], postalCode: '00100', city: 'Helsinki', country: 'FI' } } },
  ]) {
    it(`${example.country} B2B: one compensation per overdue unpaid invoice, each naming its invoice; a paid invoice carries none`, async () => {
      const s = server();
      s.clock.set(new Date('2026-03-03T08:00:00Z'));
      const { association, member } = await newMember(s);
      const created = await createdCase(s.url, member.token, {
        debtor: example.debtor,
        invoices: [
          { number: 'A-1', issueDate: '2026-01-01', dueDate: '2026-01-15', amount: { amount: 400_000, currency: example.currency } },
          { number: 'A-2', issueDate: '2026-01-01', dueDate: '2026-02-01', amount: { amount: 600_000, currency: example.currency } },
          { number: 'A-3', issueDate: '2026-01-01', dueDate: '2026-02-10', amount: { amount: 100_000, currency: example.currency } },
        ],
      });
      // A-3 is paid in full before collection starts (its outstanding set to 0 as the payment ledger leaves it).
      const associationId = await associationOf(s.db, created.id);
      assert.equal(associationId, association.associationId);
      await s.db.query(`UPDATE case_invoices SET outstanding = 0 WHERE case_id = $1 AND number = 'A-3'`, [created.id]);
      await s.db.query(`UPDATE cases SET outstanding = 1000000 WHERE id = $1`, [created.id]);
      const scheduler = createDunningScheduler({ db: s.db, clock: s.clock });
      for (let day = 0; day <= example.days; day++) {
        assert.equal((await scheduler.runOnce()).failed, 0);
        s.clock.advance({ days: 1 });
      }
      const compensation = (await dunningEvents(s.db, created.id)).filter((e) => e.type === 'fee.added' && e.data.kind === 'compensation');
      assert.deepEqual(compensation.map((e) => `${e.data.invoice} ${e.data.amount.amount} ${e.data.amount.currency}`), [
        `A-1 ${example.each} ${example.currency}`,
        `A-2 ${example.each} ${example.currency}`,
      ]);
      const [letter] = await s.db.query<{ id: string }>(`SELECT id::text FROM notifications WHERE case_id = $1 AND kind = 'collection_letter' AND channel = 'letter'`, [created.id]);
      const { text } = await readPdfText((await letterPdfOf(s.db, letter!.id))!);
      for (const number of ['A-1', 'A-2']) assert.match(text, new RegExp(`· ${number} +[^\\n]*${example.currency === 'DKK' ? '310,00' : '40,00'}`));
    });
  }

  it('does nothing to a disputed, paid or withdrawn case, nor while the rules pause it; the same case is reminded once it is open', async () => {
    const s = server();
    const { member } = await newMember(s);
    const created = await createdCase(s.url, member.token, caseBody());
    for (const stage of ['disputed', 'paid', 'withdrawn']) {
      await s.db.query('UPDATE cases SET stage = $2, dunning_next_on = NULL WHERE id = $1', [created.id, stage]);
      await createDunningScheduler({ db: s.db, clock: s.clock }).runOnce();
      assert.deepEqual(await dunningEvents(s.db, created.id), [], stage);
    }
    await s.db.query(`UPDATE cases SET stage = 'submitted', dunning_next_on = NULL WHERE id = $1`, [created.id]);
    await createDunningScheduler({ db: s.db, clock: s.clock, rulesFor: async () => resolveBusinessRules({ paused: true }) }).runOnce();
    assert.deepEqual(await dunningEvents(s.db, created.id), [], 'paused');
    s.clock.advance({ days: 1 }); // a waiting case is looked at again the next day
    await createDunningScheduler({ db: s.db, clock: s.clock }).runOnce();
    assert.deepEqual((await dunningEvents(s.db, created.id)).map((e) => e.type), ['reminder.sent', 'fee.added', 'stage.changed']);
  });

  it('a part payment between two letters: the next letter subtracts it, and interest runs on the principal left', async () => {
    const s = server();
    s.clock.set(new Date('2026-03-03T08:00:00Z'));
    const { association, member } = await newMember(s);
    const created = await createdCase(s.url, member.token, caseBody());
    const scheduler = createDunningScheduler({ db: s.db, clock: s.clock });
    await scheduler.runOnce(); // 2026-03-03: reminder, fee DKK 100
    s.clock.advance({ days: 2 });
    const operator = await operatorToken(s, association);
    const paid = await call(s.url, 'POST', `/v1/cases/${created.id}/payments`, {
      bearer: operator,
      body: { amount: { amount: 250_000, currency: 'DKK' }, receivedOn: '2026-03-05', method: 'bank_transfer' },
    });
    assert.equal(paid.status, 201, JSON.stringify(paid.json));
    // The ledger (costs → interest → principal): 100.00 fee, interest 2026-01-16 … 03-04 (48 days)
    // 1,000,000 × 9.75 % × 48 / 365 = 12,821.92 → 128.22, principal 2,500.00 − 228.22 = 2,271.78.
    assert.deepEqual(paid.json.applied, { costs: { amount: 10_000, currency: 'DKK' }, interest: { amount: 12_822, currency: 'DKK' }, principal: { amount: 227_178, currency: 'DKK' } });
    for (let day = 0; day < 8; day++) {
      s.clock.advance({ days: 1 });
      await scheduler.runOnce();
    }
    const [notice] = await s.db.query<{ id: string }>(`SELECT id::text FROM notifications WHERE case_id = $1 AND kind = 'pre_collection_notice' AND channel = 'letter'`, [created.id]);
    const { text } = await readPdfText((await letterPdfOf(s.db, notice!.id))!);
    assert.match(text, /Morarente 9,75 % p\.a\., 16\. januar 2026 til 4\. marts 2026 · F-1001 +128,22 kr\./);
    // 772,822 × 9.75 % × 8 / 365 = 1,651.51 → 16.52 (5–12 March)
    assert.match(text, /Morarente 9,75 % p\.a\., 5\. marts 2026 til 12\. marts 2026 · F-1001 +16,52 kr\./);
    assert.match(text, /Indbetalt 5\. marts 2026 +-2\.500,00 kr\./);
    // 10,000.00 + 100.00 + 128.22 + 16.52 − 2,500.00 = 7,744.74 = the ledger's principal 7,728.22 + 16.52 interest since.
    assert.match(text, /I alt at betale +7\.744,74 kr\./);
  });

  it('two schedulers on one database: every action applied exactly once, none skipped', async () => {
    const s = server();
    const { member } = await newMember(s);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push((await createdCase(s.url, member.token, caseBody({ reference: `R${i}` }))).id);
    const other = s.kind === 'postgres' ? await s.testDatabase.openAnother() : s.db;
    const a = createDunningScheduler({ db: s.db, clock: s.clock, batchSize: 3 });
    const b = createDunningScheduler({ db: other, clock: s.clock, batchSize: 3 });
    const applied = { a: 0, b: 0 };
    // Start from a fresh day so that the cases of the other tests are already scheduled past it.
    for (let day = 0; day <= 25; day++) {
      const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
      assert.equal(ra.failed + rb.failed, 0);
      applied.a += ra.applied;
      applied.b += rb.applied;
      s.clock.advance({ days: 1 });
    }
    for (const id of ids) {
      const types = (await dunningEvents(s.db, id)).map((e) => `${e.type}${e.data.kind ? `:${e.data.kind}` : ''}`);
      assert.deepEqual(types, [
        'reminder.sent', 'fee.added:reminder_fee', 'stage.changed',
        'notice.sent', 'stage.changed',
        'collection.started', 'fee.added:collection_fee', 'fee.added:compensation', 'stage.changed',
      ], id);
      const [{ n }] = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE case_id = $1', [id]) as [{ n: number }];
      assert.equal(n, 3, 'one letter per step (the fixture debtor has no e-mail address)');
    }
    // 24 cases × 3 steps; the earlier tests' cases are at a later step by now, and count too.
    assert.ok(applied.a + applied.b >= 72);
    if (s.kind === 'postgres') assert.ok(applied.a > 0 && applied.b > 0, `both processes worked: ${JSON.stringify(applied)}`);
  });

  it('a run working several batches at once counts every action it applies, once', async () => {
    const s = server();
    const { member } = await newMember(s);
    for (let i = 0; i < 7; i++) await createdCase(s.url, member.token, caseBody({ reference: `C${i}` }));
    const [{ last }] = (await s.db.query<{ last: string }>('SELECT coalesce(max(id), 0)::text AS last FROM events')) as [{ last: string }];
    const run = await createDunningScheduler({ db: s.db, clock: s.clock, batchSize: 2, concurrency: 3 }).runOnce();
    // Each step writes exactly one of these events (apply-action.ts); a case takes at most one step a run.
    const [{ steps }] = (await s.db.query<{ steps: number }>(
      `SELECT count(*)::int AS steps FROM events WHERE id > $1::bigint AND type IN
         ('reminder.sent', 'notice.sent', 'collection.started', 'legal_approval.requested', 'legal.started', 'surveillance.checked', 'instalment.missed')`,
      [last],
    )) as [{ steps: number }];
    assert.equal(run.failed, 0);
    assert.ok(steps >= 7, `the seven new cases are all due their first reminder: ${steps}`);
    assert.equal(run.applied, steps);
  });

  it('a claim with more due cases than a transaction applies leaves the rest to the next claim: each case one step, none skipped', async () => {
    const s = server();
    const { member } = await newMember(s);
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push((await createdCase(s.url, member.token, caseBody({ reference: `D${i}` }))).id);
    const run = await createDunningScheduler({ db: s.db, clock: s.clock, batchSize: 5, duePerTransaction: 2 }).runOnce();
    assert.equal(run.failed, 0);
    for (const id of ids) {
      const types = (await dunningEvents(s.db, id)).map((e) => e.type);
      assert.equal(types.filter((t) => t === 'reminder.sent').length, 1, `${id}: one reminder, the first step, in one run`);
      assert.ok(!types.includes('notice.sent'), `${id}: one step a run`);
    }
    // Deferred cases are counted when they are worked, not each time they are claimed.
    const [{ open }] = (await s.db.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM cases WHERE stage IN ('submitted', 'reminder', 'notice', 'collection', 'instalment_plan', 'legal', 'surveillance')`,
    )) as [{ open: number }];
    assert.ok(run.cases <= open, `${run.cases} cases looked at, ${open} open`);
    assert.throws(() => createDunningScheduler({ db: s.db, clock: s.clock, duePerTransaction: 0 }), /duePerTransaction/);
  });

  it("the batch's first due date in SQL is firstDueDate of the case's invoices: the earliest unpaid, else the earliest", async () => {
    const s = server();
    const { member } = await newMember(s);
    const created = await createdCase(s.url, member.token, {
      debtor: danishDebtor(),
      invoices: [
        { number: 'F-2', issueDate: '2026-01-01', dueDate: '2026-01-20', amount: { amount: 50_000, currency: 'DKK' } },
        { number: 'F-1', issueDate: '2026-01-01', dueDate: '2026-01-10', amount: { amount: 50_000, currency: 'DKK' } },
        { number: 'F-3', issueDate: '2026-01-01', dueDate: '2026-02-01', amount: { amount: 50_000, currency: 'DKK' } },
      ],
    });
    const associationId = await associationOf(s.db, created.id);
    const head = [{ id: created.id, association_id: associationId }];
    const both = async () => [(await firstDueDatesOfCases(s.db, head)).get(created.id), firstDueDate(await caseInvoices(s.db, associationId, created.id))];
    assert.deepEqual(await both(), ['2026-01-10', '2026-01-10']);
    await s.db.query(`UPDATE case_invoices SET outstanding = 0 WHERE case_id = $1 AND number IN ('F-1', 'F-2')`, [created.id]);
    assert.deepEqual(await both(), ['2026-02-01', '2026-02-01'], 'the paid F-1 and F-2 no longer count');
    await s.db.query('UPDATE case_invoices SET outstanding = 0 WHERE case_id = $1', [created.id]);
    assert.deepEqual(await both(), ['2026-01-10', '2026-01-10'], 'all paid: the earliest of all');
    const other = (await s.association()).associationId;
    assert.equal((await firstDueDatesOfCases(s.db, [{ id: created.id, association_id: other }])).size, 0, "another association's read sees nothing");
  });
});

async function associationOf(db: Database, caseId: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('SELECT association_id::text AS id FROM cases WHERE id = $1', [caseId]);
  return row!.id;
}

it('the app runs the scheduler only when COLLECTKIT_DUNNING_SCHEDULER=1, and refuses a bad interval', async () => {
  const { default: Fastify } = await import('fastify');
  const { dunningSchedulerPlugin } = await import('./scheduler-plugin.js');
  const { systemClock } = await import('../../clock.js');
  const db = { query: async () => { throw new Error('the scheduler ran'); } } as unknown as Database;
  const off = Fastify();
  await off.register(dunningSchedulerPlugin, { db, clock: systemClock(), env: {} });
  await off.ready();
  await off.close();
  const bad = Fastify();
  await assert.rejects(
    (async () => {
      await bad.register(dunningSchedulerPlugin, { db, clock: systemClock(), env: { COLLECTKIT_DUNNING_SCHEDULER: '1', DUNNING_INTERVAL_SECONDS: 'soon' } });
      await bad.ready();
    })(),
    /DUNNING_INTERVAL_SECONDS/,
  );
});
