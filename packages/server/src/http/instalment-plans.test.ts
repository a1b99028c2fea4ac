import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, InstalmentPlanSchema, isCollectkitApiError } from '@collectkit/sdk';
import { describeEachDatabase, TEST_START, type TestServer } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { STRONG_PASSWORD } from '../testing/fixtures.js';
import { storedRulesFor } from '../store/business-rules.js';
import { caseCosts } from '../store/payments.js';
import { createDunningScheduler } from '../process/scheduler/dunning-scheduler.js';
import { createdCase, operatorToken } from './case-test-fixtures.js';
import { dkk, moveTo, pay, paymentScene, type PaymentScene } from './payment-test-fixtures.js';

const at = (s: TestServer, day: string) => s.clock.set(new Date(`${day}T08:00:00Z`));

/** After simulated weeks the sessions have expired: the operator and the member sign in again. */
async function signInAgain(s: TestServer, scene: PaymentScene) {
  scene.operator = await operatorToken(s, scene.association);
  const login = await call(s.url, 'POST', '/v1/sessions', { bearer: scene.association.publishableKey, body: { email: scene.member.email, password: STRONG_PASSWORD } });
  assert.equal(login.status, 201, JSON.stringify(login.json));
  return createClient({ apiBase: s.url, token: login.json.token });
}

async function propose(s: TestServer, scene: PaymentScene, body: Record<string, unknown>) {
  return call(s.url, 'POST', `/v1/cases/${scene.caseId}/instalment-plan`, { bearer: scene.operator, body });
}

async function caseEventsOf(s: TestServer, caseId: string) {
  return s.db.query<{ type: string; data: Record<string, any> }>('SELECT type, data FROM events WHERE case_id = $1 ORDER BY id', [caseId]);
}

async function notificationsOf(s: TestServer, caseId: string) {
  return (await s.db.query<{ kind: string; channel: string; text: string }>('SELECT kind, channel FROM notifications WHERE case_id = $1 ORDER BY id', [caseId])).map((n) => `${n.kind}/${n.channel}`);
}

const swedishDebtor = (type: 'business' | 'consumer', name: string) => ({
  type,
  name,
  country: 'SE',
  ...(type === 'consumer' ? { language: 'sv' } : {}),
  address: { lines: ['Hamngatan 3'], postalCode: '411 06', city: 'Göteborg', country: 'SE' },
});

describeEachDatabase('instalment plans', (server) => {
  it('DK: propose, agree (no plan fee), the member reads the schedule, an instalment paid on time keeps the plan, a missed one returns the case to collection', async () => {
    const s = server();
    at(s, '2026-03-03');
    const scene = await paymentScene(s); // DKK 10,000.00 due 2026-01-15, DK business debtor without e-mail
    const hook = await call(s.url, 'POST', '/v1/webhook-endpoints', { bearer: scene.association.secretKey, body: { url: 'https://erp.example/hook', eventTypes: ['case.updated'], creditorId: scene.member.creditorId } });
    assert.equal(hook.status, 201);
    await moveTo(s, scene, 'collection');

    // The claim on 3 March: principal 1,000,000 øre + interest 16 Jan – 2 Mar (46 days) at 9.75 % (renteloven § 5, 2026 H1):
    // 1,000,000 × 0.0975 × 46 / 365 = 12,287.67 → 12,288. Total 1,012,288 in 3: 337,430 + 337,429 + 337,429 (allocate, no øre lost).
    const proposed = await propose(s, scene, { count: 3, firstDueOn: '2026-04-01' });
    assert.equal(proposed.status, 201, JSON.stringify(proposed.json));
    const proposal = InstalmentPlanSchema.parse(proposed.json);
    assert.equal(proposal.status, 'proposed');
    assert.equal(proposal.planFee, null); // RULES.md names no DK plan fee
    assert.deepEqual(proposal.total, dkk(1_012_288));
    assert.deepEqual(proposal.instalments.map((i) => `${i.dueOn} ${i.amount.amount} ${i.state}`), ['2026-04-01 337430 due', '2026-05-01 337429 due', '2026-06-01 337429 due']);
    assert.equal((await call(s.url, 'GET', `/v1/cases/${scene.caseId}`, { bearer: scene.operator })).json.stage, 'collection');

    const agreed = await call(s.url, 'POST', `/v1/cases/${scene.caseId}/instalment-plan/agree`, { bearer: scene.operator, body: { note: 'agreed by phone' } });
    assert.equal(agreed.status, 200, JSON.stringify(agreed.json));
    assert.equal(agreed.json.status, 'agreed');
    assert.equal(agreed.json.caseStage, 'instalment_plan');
    assert.equal(agreed.json.agreedOn, '2026-03-03');
    const afterAgree = await caseEventsOf(s, scene.caseId);
    assert.deepEqual(afterAgree.slice(-3).map((e) => e.type), ['instalment_plan.agreed', 'stage.changed', 'notification.queued']);
    assert.ok(!afterAgree.some((e) => e.type === 'fee.added'), 'no DK plan fee');
    // The debtor has no e-mail address: the confirmation goes by letter (the default channels are letter and e-mail).
    assert.deepEqual(await notificationsOf(s, scene.caseId), ['instalment_plan_confirmation/letter']);
    const deliveries = await s.db.query<{ body: string }>('SELECT body FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY seq', [hook.json.id]);
    assert.ok(deliveries.some((d) => JSON.parse(d.body).data.change === 'instalment_plan.agreed'));

    // The member (creditor) reads the schedule through the sdk client; another creditor of the association cannot.
    let member = createClient({ apiBase: s.url, token: scene.member.token });
    const seen = await member.instalmentPlans.get(scene.caseId);
    assert.deepEqual(seen.instalments.map((i) => i.state), ['due', 'due', 'due']);
    assert.equal(seen.graceDays, 7); // the default, agency practice
    const stranger = await enrolActiveMember(s.url, scene.association.secretKey);
    await assert.rejects(createClient({ apiBase: s.url, token: stranger.token }).instalmentPlans.get(scene.caseId), (error: unknown) => isCollectkitApiError(error) && error.status === 404);

    const scheduler = createDunningScheduler({ db: s.db, clock: s.clock, rulesFor: storedRulesFor });
    // The first instalment is paid on its due day: the plan holds past its grace period.
    at(s, '2026-04-01');
    member = await signInAgain(s, scene);
    await pay(s, scene, 337_430, '2026-04-01');
    at(s, '2026-04-09');
    assert.equal((await scheduler.runOnce()).failed, 0);
    member = await signInAgain(s, scene);
    const onTime = await member.instalmentPlans.get(scene.caseId);
    assert.equal(onTime.caseStage, 'instalment_plan');
    assert.deepEqual(onTime.instalments.map((i) => `${i.state} ${i.covered.amount}`), ['paid 337430', 'due 0', 'due 0']);

    // Nothing for the second (due 1 May): missed from 1 May + 7 days' grace + 1 = 9 May, not before.
    at(s, '2026-05-08');
    await scheduler.runOnce();
    await signInAgain(s, scene);
    assert.equal((await call(s.url, 'GET', `/v1/cases/${scene.caseId}`, { bearer: scene.operator })).json.stage, 'instalment_plan');
    at(s, '2026-05-09');
    member = await signInAgain(s, scene);
    assert.equal((await scheduler.runOnce()).failed, 0);
    assert.equal((await call(s.url, 'GET', `/v1/cases/${scene.caseId}`, { bearer: scene.operator })).json.stage, 'collection');
    const lapse = (await caseEventsOf(s, scene.caseId)).filter((e) => ['instalment.missed', 'stage.changed', 'notification.queued'].includes(e.type)).slice(-3);
    assert.deepEqual(lapse.map((e) => e.type), ['instalment.missed', 'stage.changed', 'notification.queued']);
    assert.deepEqual({ on: lapse[0]!.data.on, due: lapse[0]!.data.instalmentDueOn, planId: lapse[0]!.data.planId }, { on: '2026-05-09', due: '2026-05-01', planId: proposal.id });
    assert.deepEqual({ from: lapse[1]!.data.from, to: lapse[1]!.data.to }, { from: 'instalment_plan', to: 'collection' });
    assert.equal(lapse[2]!.data.kind, 'instalment_plan_lapsed');
    const [lapsedLetter] = await s.db.query<{ text: string; subject: string }>(`SELECT text_body AS text, subject FROM notifications WHERE case_id = $1 AND kind = 'instalment_plan_lapsed'`, [scene.caseId]);
    // Danish debtor, Danish letter: the plan has lapsed and the whole remaining claim is due.
    assert.equal(lapsedLetter!.subject, 'Afdragsordningen er bortfaldet');
    assert.match(lapsedLetter!.text, /afdragsordningen er derfor bortfaldet/);
    // The 3,374.30 of 1 April paid interest 16 Jan – 31 Mar (75 days: 1,000,000 × 0.0975 × 75 / 365 = 20,034) and 317,396 of
    // principal, leaving 682,604; interest 1 Apr – 8 May (38 days): 682,604 × 0.0975 × 38 / 365 = 6,928.9 → 6,929. Due: 6,895.33.
    assert.match(lapsedLetter!.text, /Hele restgælden, 6\.895,33\skr\., forfalder nu til betaling\. Betal senest 19\. maj 2026/);
    const lapsed = await member.instalmentPlans.get(scene.caseId);
    assert.equal(lapsed.status, 'lapsed');
    assert.equal(lapsed.closedOn, '2026-05-09');
    assert.deepEqual(lapsed.instalments.map((i) => i.state), ['paid', 'missed', 'due']);
    assert.ok(deliveries.length < (await s.count('webhook_deliveries')), 'the lapse queued a case.updated webhook');
  });

  it('SE: a consumer case gets the SEK 170 amorteringsplan fee; a B2B case whose förseningsersättning already covers it gets nothing more', async () => {
    const s = server();
    at(s, '2026-03-03');
    const association = await s.association();
    const garage = await enrolActiveMember(s.url, association.secretKey);
    const invoices = [{ number: 'F-1', issueDate: '2026-01-01', dueDate: '2026-01-15', amount: { amount: 1_000_000, currency: 'SEK' } }];
    const business = await createdCase(s.url, garage.token, { debtor: swedishDebtor('business', 'Svensson Åkeri AB'), invoices });
    // The B2B case goes through the scheduler: reminder SEK 60, inkassokrav SEK 180, förseningsersättning 450 − 240 = 210 (4 a §).
    const scheduler = createDunningScheduler({ db: s.db, clock: s.clock, rulesFor: storedRulesFor });
    for (let day = 0; day <= 20; day++) {
      assert.equal((await scheduler.runOnce()).failed, 0);
      s.clock.advance({ days: 1 });
    }
    // Sessions from 3 March have expired by now: sign in afresh (another creditor of the association for the consumer case).
    const operator = await operatorToken(s, association);
    const creditor = await enrolActiveMember(s.url, association.secretKey);
    const consumer = await createdCase(s.url, creditor.token, { debtor: swedishDebtor('consumer', 'Anna Berg'), invoices });
    const consumerScene = { association, member: creditor, operator, caseId: consumer.id };
    const businessScene = { ...consumerScene, caseId: business.id };
    await moveTo(s, consumerScene, 'collection');
    const today = s.clock.today(); // 2026-03-24
    assert.equal((await call(s.url, 'GET', `/v1/cases/${business.id}`, { bearer: operator })).json.stage, 'collection');

    const consumerPlan = await propose(s, consumerScene, { count: 2, firstDueOn: today, interval: { unit: 'day', every: 14 } });
    assert.equal(consumerPlan.status, 201, JSON.stringify(consumerPlan.json));
    assert.deepEqual(consumerPlan.json.planFee, { amount: 17_000, currency: 'SEK' }); // Lag (1981:739) 4 §
    assert.equal(consumerPlan.json.instalments.reduce((sum: number, i: any) => sum + i.amount.amount, 0), consumerPlan.json.total.amount);
    assert.deepEqual(consumerPlan.json.instalments.map((i: any) => i.dueOn), [today, '2026-04-07']);
    const before = await caseCosts(s.db, association.associationId, consumer.id, 'SEK');
    assert.equal((await call(s.url, 'POST', `/v1/cases/${consumer.id}/instalment-plan/agree`, { bearer: operator, body: {} })).status, 200);
    assert.equal(await caseCosts(s.db, association.associationId, consumer.id, 'SEK'), before + 17_000);
    const fee = (await caseEventsOf(s, consumer.id)).filter((e) => e.type === 'fee.added').at(-1)!;
    assert.deepEqual([fee.data.kind, fee.data.amount], ['instalment_plan_fee', { amount: 17_000, currency: 'SEK' }]);
    const [confirmation] = await s.db.query<{ subject: string; text: string }>(`SELECT subject, text_body AS text FROM notifications WHERE case_id = $1 AND kind = 'instalment_plan_confirmation'`, [consumer.id]);
    assert.equal(confirmation!.subject, 'Bekräftelse av amorteringsplan');
    assert.match(confirmation!.text, /2 delbetalningar/);
    // Paying everything at once settles the claim: the payments flow moves the case to paid, and the plan is completed.
    const payment = await call(s.url, 'POST', `/v1/cases/${consumer.id}/payments`, { bearer: operator, body: { amount: { amount: 2_000_000, currency: 'SEK' }, receivedOn: today, method: 'bank_transfer' } });
    assert.equal(payment.status, 201, JSON.stringify(payment.json));
    assert.equal(payment.json.caseStage, 'paid');
    const completed = await call(s.url, 'GET', `/v1/cases/${consumer.id}/instalment-plan`, { bearer: creditor.token });
    assert.deepEqual([completed.json.status, completed.json.caseStage, completed.json.instalments.map((i: any) => i.state)], ['completed', 'paid', ['paid', 'paid']]);

    // B2B: 60 + 180 = 240 other fees and 210 compensation; with the plan fee the other fees are 410 ≤ 450: nothing added.
    const businessPlan = await propose(s, businessScene, { count: 2, firstDueOn: today });
    assert.equal(businessPlan.status, 201, JSON.stringify(businessPlan.json));
    assert.equal(businessPlan.json.planFee, null);
    const costsBefore = await caseCosts(s.db, association.associationId, business.id, 'SEK');
    assert.equal(costsBefore, 45_000);
    assert.equal((await call(s.url, 'POST', `/v1/cases/${business.id}/instalment-plan/agree`, { bearer: operator })).status, 200);
    assert.equal(await caseCosts(s.db, association.associationId, business.id, 'SEK'), 45_000);
  });

  it('the sdk client proposes, cancels and agrees as the operator; a bad count comes back as a typed error naming the field', async () => {
    const s = server();
    at(s, '2026-03-03');
    const scene = await paymentScene(s);
    await moveTo(s, scene, 'reminder');
    const operator = createClient({ apiBase: s.url, token: scene.operator });
    await assert.rejects(operator.instalmentPlans.propose(scene.caseId, { count: 13, firstDueOn: '2026-03-10' }), (error: unknown) => isCollectkitApiError(error) && error.status === 400 && error.issues[0]?.path === 'count');
    const first = await operator.instalmentPlans.propose(scene.caseId, { count: 4, firstDueOn: '2026-03-10', interval: { unit: 'day', every: 7 } });
    assert.deepEqual(first.instalments.map((i) => i.dueOn), ['2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31']);
    assert.equal((await operator.instalmentPlans.cancel(scene.caseId, { note: 'debtor wants fewer' })).status, 'cancelled');
    const second = await operator.instalmentPlans.propose(scene.caseId, { count: 2, firstDueOn: '2026-03-10' });
    assert.notEqual(second.id, first.id);
    const agreed = await operator.instalmentPlans.agree(scene.caseId);
    assert.deepEqual([agreed.id, agreed.status, agreed.caseStage], [second.id, 'agreed', 'instalment_plan']);
    assert.equal(agreed.instalments.reduce((sum, i) => sum + i.amount.amount, 0), agreed.total.amount);
  });

  it('refuses bad input with a 4xx naming the field and writes nothing; a proposal can be cancelled', async () => {
    const s = server();
    at(s, '2026-03-03');
    const scene = await paymentScene(s);
    const path = `/v1/cases/${scene.caseId}/instalment-plan`;
    const counts = async () => [await s.count('events'), await s.count('notifications'), await s.count('webhook_deliveries')];
    const start = await counts();
    // A submitted case cannot go into a plan (STAGE_TRANSITIONS): 409 naming the stage.
    const early = await propose(s, scene, { count: 3, firstDueOn: '2026-04-01' });
    assert.equal(early.status, 409);
    assert.equal(early.json.error.issues[0].path, 'stage');
    assert.deepEqual(await counts(), start);

    await moveTo(s, scene, 'collection');
    // The creditor allows at most 4 instalments.
    const rules = await call(s.url, 'PUT', `/v1/creditors/${scene.member.creditorId}/business-rules`, { bearer: scene.member.token, body: { maxInstalments: 4 } });
    assert.equal(rules.status, 200, JSON.stringify(rules.json));
    const before = await counts();
    const bad: [Record<string, unknown>, number, string][] = [
      [{ count: 0, firstDueOn: '2026-04-01' }, 400, 'count'],
      [{ count: 2.5, firstDueOn: '2026-04-01' }, 400, 'count'],
      [{ count: 5, firstDueOn: '2026-04-01' }, 400, 'count'], // above the creditor's maxInstalments
      [{ count: 241, firstDueOn: '2026-04-01' }, 400, 'count'],
      [{ count: 3, firstDueOn: '2026-03-02' }, 400, 'firstDueOn'], // yesterday on the server's clock
      [{ count: 3, firstDueOn: '2026-02-30' }, 400, 'firstDueOn'],
      [{ count: 3, firstDueOn: '2026-04-01', interval: { unit: 'week', every: 1 } }, 400, 'interval.unit'],
      [{ count: 3, firstDueOn: '2026-04-01', interval: { unit: 'day', every: 0 } }, 400, 'interval.every'],
      [{ count: 3, firstDueOn: '2026-04-01', extra: true }, 400, ''],
      [{ firstDueOn: '2026-04-01' }, 400, 'count'],
    ];
    for (const [body, status, field] of bad) {
      const response = await propose(s, scene, body);
      assert.equal(response.status, status, JSON.stringify(body));
      if (field) assert.equal(response.json.error.issues[0].path, field, JSON.stringify(response.json));
    }
    // Only the operator proposes and agrees: not the creditor, not the association's secret key.
    const valid = { count: 3, firstDueOn: '2026-04-01' };
    assert.equal((await call(s.url, 'POST', path, { bearer: scene.member.token, body: valid })).status, 403);
    assert.equal((await call(s.url, 'POST', path, { bearer: scene.association.secretKey, body: valid })).status, 403);
    // Nothing to agree to or cancel yet.
    const noProposal = await call(s.url, 'POST', `${path}/agree`, { bearer: scene.operator, body: {} });
    assert.equal(noProposal.status, 409);
    assert.equal(noProposal.json.error.issues[0].path, 'plan');
    assert.equal((await call(s.url, 'GET', path, { bearer: scene.member.token })).status, 404);
    assert.deepEqual(await counts(), before);

    // A proposal: the member may not agree to it; a second proposal waits for the first; cancelling ends it.
    assert.equal((await propose(s, scene, valid)).status, 201);
    const afterProposal = await counts();
    assert.equal((await call(s.url, 'POST', `${path}/agree`, { bearer: scene.member.token, body: {} })).status, 403);
    const second = await propose(s, scene, valid);
    assert.equal(second.status, 409);
    assert.equal(second.json.error.issues[0].path, 'plan');
    assert.deepEqual(await counts(), afterProposal);
    const cancelled = await call(s.url, 'POST', `${path}/cancel`, { bearer: scene.operator, body: { note: 'debtor declined' } });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.json.status, 'cancelled');
    assert.equal((await call(s.url, 'POST', `${path}/agree`, { bearer: scene.operator, body: {} })).status, 409);
    assert.equal((await call(s.url, 'GET', `/v1/cases/${scene.caseId}`, { bearer: scene.operator })).json.stage, 'collection');

    // A proposal whose first due date passed before the debtor agreed: 409 naming it, nothing written.
    assert.equal((await propose(s, scene, { count: 2, firstDueOn: '2026-03-05' })).status, 201);
    at(s, '2026-03-06');
    const stale = await counts();
    const late = await call(s.url, 'POST', `${path}/agree`, { bearer: scene.operator, body: {} });
    assert.equal(late.status, 409);
    assert.equal(late.json.error.issues[0].path, 'firstDueOn');
    assert.deepEqual(await counts(), stale);

    // Another association's operator does not find the case.
    const other = await paymentScene(s);
    assert.equal((await call(s.url, 'GET', path, { bearer: other.operator })).status, 404);
    assert.equal((await call(s.url, 'POST', `${path}/cancel`, { bearer: other.operator, body: {} })).status, 404);
    at(s, TEST_START.toISOString().slice(0, 10));
  });
});
