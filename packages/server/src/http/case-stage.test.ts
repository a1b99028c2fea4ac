import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { associationMemberPlan, type PricingPlan } from '@collectkit/sdk';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { createdCase, operatorToken } from './case-test-fixtures.js';
import { phaseOfStage, withdrawalQuote } from './case-stage.js';

describe('withdrawalQuote: the plan\'s withdrawal-fee rule by phase', () => {
  const outstanding = { amount: 1_000_500, currency: 'DKK' as const };
  it('charges 5 % of the outstanding in the amicable phase: 5 % of 1,000,500 øre = 50,025 øre', () => {
    const plan: PricingPlan = { ...associationMemberPlan, withdrawalFee: { phases: ['amicable'], fee: { kind: 'percentOfOutstanding', percent: '5' } } };
    assert.deepEqual(withdrawalQuote(plan, 'reminder', outstanding), { allowed: true, stage: 'reminder', phase: 'amicable', outstanding, fee: { amount: 50_025, currency: 'DKK' } });
    // Not in the legal phase under that rule.
    assert.equal(withdrawalQuote(plan, 'legal', outstanding).fee, null);
  });
  it('charges a fixed amount where the rule says so, nothing without a rule, and refuses final stages', () => {
    const fixed: PricingPlan = { ...associationMemberPlan, withdrawalFee: { phases: ['legal'], fee: { kind: 'fixed', amounts: { DKK: 39_500, SEK: 0, NOK: 0, EUR: 0 } } } };
    assert.deepEqual(withdrawalQuote(fixed, 'legal', outstanding).fee, { amount: 39_500, currency: 'DKK' });
    assert.equal(withdrawalQuote(associationMemberPlan, 'collection', outstanding).fee, null);
    for (const stage of ['paid', 'paid_out', 'closed', 'withdrawn', 'written_off'] as const) assert.equal(withdrawalQuote(fixed, stage, outstanding).allowed, false, stage);
    assert.deepEqual(['submitted', 'disputed', 'legal', 'surveillance'].map((s) => phaseOfStage(s as never)), ['amicable', 'amicable', 'legal', 'surveillance']);
  });
});

describeEachDatabase('case stages and withdrawal', (server) => {
  it('lets an operator move a case only along the allowed arrows, each with a stage.changed event', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const operator = await operatorToken(server(), a);
    const created = await createdCase(url, member.token);
    const move = (stage: string, bearer = operator) => call(url, 'POST', `/v1/cases/${created.id}/stage`, { bearer, body: { stage, reason: `to ${stage}` } });

    assert.equal((await move('reminder')).status, 200);
    assert.equal((await move('notice')).json.stage, 'notice');
    const back = await move('reminder'); // notice → reminder is not an arrow
    assert.equal(back.status, 409);
    assert.equal(back.json.error.code, 'conflict');
    assert.equal((await move('reminder', member.token)).status, 403);
    assert.equal((await move('reminder', a.secretKey)).status, 403);
    assert.equal((await move('withdrawn')).status, 400);
    assert.equal((await call(url, 'POST', `/v1/cases/${created.id}/stage`, { bearer: operator, body: { stage: 'collection' } })).status, 400);
    assert.equal((await call(url, 'POST', `/v1/cases/${created.id}/stage`, { bearer: operator, body: { stage: 'lost', reason: 'x' } })).status, 400);

    const events = await call(url, 'GET', `/v1/cases/${created.id}/events`, { bearer: member.token });
    const changes = events.json.data.filter((e: { type: string }) => e.type === 'stage.changed').map((e: { data: { from: string; to: string } }) => `${e.data.from}→${e.data.to}`);
    assert.deepEqual(changes, ['submitted→reminder', 'reminder→notice']);
    const read = await call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token });
    assert.equal(read.json.stage, 'notice');
    assert.equal(read.json.version, 3);
  });

  it('shows the withdrawal fee first, then withdraws with an event carrying it, once', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const created = await createdCase(url, member.token);
    const path = `/v1/cases/${created.id}/withdrawal`;
    const preview = await call(url, 'GET', path, { bearer: member.token });
    // association-member has no withdrawal-fee rule: withdrawing costs nothing.
    assert.deepEqual(preview.json, { allowed: true, stage: 'submitted', phase: 'amicable', outstanding: { amount: 1_000_000, currency: 'DKK' }, fee: null });
    const postPreview = await call(url, 'POST', `${path}?preview=true`, { bearer: member.token });
    assert.deepEqual(postPreview.json, preview.json);
    assert.equal((await call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token })).json.stage, 'submitted');

    const confirmed = await call(url, 'POST', path, { bearer: member.token, body: { reason: 'Paid to us directly' } });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.json));
    assert.equal(confirmed.json.case.stage, 'withdrawn');
    const events = await call(url, 'GET', `/v1/cases/${created.id}/events`, { bearer: member.token });
    const withdrawn = events.json.data.at(-1);
    assert.equal(withdrawn.type, 'case.withdrawn');
    assert.deepEqual({ fee: withdrawn.data.fee, from: withdrawn.data.from, reason: withdrawn.data.reason }, { fee: null, from: 'submitted', reason: 'Paid to us directly' });

    const twice = await call(url, 'POST', path, { bearer: member.token, body: {} });
    assert.equal(twice.status, 409);
    assert.equal((await call(url, 'GET', path, { bearer: member.token })).json.allowed, false);
  });
});
