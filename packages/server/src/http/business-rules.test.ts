import { it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BUSINESS_RULES, createClient, debtorKeyOf, isCollectkitApiError, type Debtor } from '@collectkit/sdk';
import { describeEachDatabase } from '../testing/harness.js';
import { enrolActiveMember } from '../testing/members.js';
import { call } from '../testing/http-client.js';
import { createDunningScheduler } from '../process/scheduler/dunning-scheduler.js';
import { storedRulesFor } from '../store/business-rules.js';
import { caseBody, createdCase, danishDebtor, operatorToken } from './case-test-fixtures.js';

describeEachDatabase('business rules per creditor and debtor', (server) => {
  it('a member reads the defaults, sets its own rules, and reads back what it set and what its cases follow', async () => {
    const s = server();
    const association = await s.association();
    const member = await enrolActiveMember(s.url, association.secretKey);
    const path = `/v1/creditors/${member.creditorId}/business-rules`;
    const initial = await call(s.url, 'GET', path, { bearer: member.token });
    assert.equal(initial.status, 200, JSON.stringify(initial.json));
    assert.deepEqual(initial.json, { creditorId: member.creditorId, rules: {}, effective: DEFAULT_BUSINESS_RULES, updatedAt: null });

    const put = await call(s.url, 'PUT', path, { bearer: member.token, body: { firstReminderDaysAfterDue: 14, maxReminders: 2, channels: ['email', 'sms'] } });
    assert.equal(put.status, 200, JSON.stringify(put.json));
    assert.deepEqual(put.json.rules, { firstReminderDaysAfterDue: 14, maxReminders: 2, channels: ['email', 'sms'] });
    assert.deepEqual(put.json.effective, { ...DEFAULT_BUSINESS_RULES, firstReminderDaysAfterDue: 14, maxReminders: 2, channels: ['email', 'sms'] });
    assert.equal(put.json.updatedAt, s.clock.now().toISOString());
    // A PUT replaces: what is left out goes back to the default.
    const replaced = await call(s.url, 'PUT', path, { bearer: member.token, body: { paused: true } });
    assert.deepEqual(replaced.json.effective, { ...DEFAULT_BUSINESS_RULES, paused: true });
  });

  it('refuses nonsense naming the field: negative days, no channel, a channel twice, an unknown field, 0 days between reminders', async () => {
    const s = server();
    const association = await s.association();
    const member = await enrolActiveMember(s.url, association.secretKey);
    const path = `/v1/creditors/${member.creditorId}/business-rules`;
    for (const [body, field] of [
      [{ firstReminderDaysAfterDue: -3 }, 'firstReminderDaysAfterDue'],
      [{ lookbackDays: 1.5 }, 'lookbackDays'],
      [{ channels: [] }, 'channels'],
      [{ channels: ['email', 'email'] }, 'channels'],
      [{ maxReminders: 11 }, 'maxReminders'],
      [{ daysBetweenReminders: 0 }, 'daysBetweenReminders'],
      [{ minimumAmount: { amount: -100, currency: 'DKK' } }, 'minimumAmount.amount'],
      [{ reminderFee: 500 }, ''],
    ] as const) {
      const response = await call(s.url, 'PUT', path, { bearer: member.token, body });
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(response.json.error.code, 'invalid_request');
      const paths = response.json.error.issues.map((i: { path: string }) => i.path);
      if (field) assert.deepEqual(paths, [field], JSON.stringify(response.json));
      else assert.match(JSON.stringify(response.json.error), /reminderFee/);
    }
    assert.equal((await call(s.url, 'GET', path, { bearer: member.token })).json.updatedAt, null, 'nothing was stored');
  });

  it('tenant isolation: a member reaches only its own creditor; the secret key and operators any of their association; another association none', async () => {
    const s = server();
    const a = await s.association();
    const b = await s.association();
    const memberA = await enrolActiveMember(s.url, a.secretKey);
    const otherMemberA = await enrolActiveMember(s.url, a.secretKey);
    const path = `/v1/creditors/${memberA.creditorId}/business-rules`;
    const overridePath = `/v1/creditors/${memberA.creditorId}/debtor-overrides/DK:29403473`;
    assert.equal((await call(s.url, 'PUT', path, { bearer: a.secretKey, body: { maxReminders: 3 } })).status, 200);
    const operator = await operatorToken(s, a);
    assert.equal((await call(s.url, 'GET', path, { bearer: operator })).json.rules.maxReminders, 3);
    assert.equal((await call(s.url, 'PUT', overridePath, { bearer: operator, body: { excluded: true } })).status, 200);
    for (const [bearer, who] of [[otherMemberA.token, 'another member'], [b.secretKey, "another association's secret key"]] as const) {
      for (const [method, p, body] of [['GET', path], ['PUT', path, { paused: true }], ['GET', overridePath], ['PUT', overridePath, { excluded: false }], ['DELETE', overridePath]] as const) {
        const response = await call(s.url, method, p, { bearer, ...(body ? { body } : {}) });
        assert.equal(response.status, 404, `${who}: ${method} ${p}`);
      }
    }
    // A publishable key (a web page) never reaches rules (403, or 401 as the auth plugin answers it).
    const fromPage = await call(s.url, 'GET', path, { bearer: a.publishableKey, headers: { origin: 'https://a.example' } });
    assert.ok([401, 403].includes(fromPage.status), String(fromPage.status));
    const unchanged = await call(s.url, 'GET', overridePath, { bearer: memberA.token });
    assert.deepEqual([unchanged.json.override, (await call(s.url, 'GET', path, { bearer: memberA.token })).json.rules], [{ excluded: true }, { maxReminders: 3 }]);
  });

  it('debtor overrides through the SDK client: set, read merged over the creditor rules, delete; an unknown key is 404', async () => {
    const s = server();
    const association = await s.association();
    const member = await enrolActiveMember(s.url, association.secretKey);
    const client = createClient({ apiBase: s.url, token: member.token });
    const debtor = { ...danishDebtor(), nationalId: '29403473' } as Debtor;
    const key = debtorKeyOf(debtor)!;
    assert.equal(key, 'DK:29403473');
    await client.businessRules.set(member.creditorId, { firstReminderDaysAfterDue: 14 });
    const set = await client.businessRules.setDebtorOverride(member.creditorId, key, { firstReminderDaysAfterDue: 30, channels: ['letter'] });
    assert.deepEqual(set.override, { firstReminderDaysAfterDue: 30, channels: ['letter'] });
    assert.deepEqual(set.effective, { ...DEFAULT_BUSINESS_RULES, firstReminderDaysAfterDue: 30, channels: ['letter'], excluded: false });
    assert.deepEqual((await client.businessRules.getDebtorOverride(member.creditorId, key)).override, set.override);
    const emailKey = debtorKeyOf({ ...danishDebtor(), email: 'Bogholderi@Hansen.example' } as Debtor)!;
    assert.equal(emailKey, 'email:bogholderi@hansen.example');
    await client.businessRules.setDebtorOverride(member.creditorId, emailKey, { excluded: true });
    await client.businessRules.deleteDebtorOverride(member.creditorId, key);
    await assert.rejects(client.businessRules.getDebtorOverride(member.creditorId, key), (error) => isCollectkitApiError(error) && error.status === 404);
    await assert.rejects(client.businessRules.deleteDebtorOverride(member.creditorId, key), (error) => isCollectkitApiError(error) && error.status === 404);
    assert.equal((await client.businessRules.getDebtorOverride(member.creditorId, emailKey)).effective.excluded, true);
    assert.equal((await call(s.url, 'GET', `/v1/creditors/${member.creditorId}/debtor-overrides/not-a-key`, { bearer: member.token })).status, 404);
    const bad = await call(s.url, 'PUT', `/v1/creditors/${member.creditorId}/debtor-overrides/${key}`, { bearer: member.token, body: { surveillanceIntervalDays: 0 } });
    assert.deepEqual(bad.json.error.issues.map((i: { path: string }) => i.path), ['surveillanceIntervalDays']);
  });

  it("the scheduler follows the stored rules: the creditor's later first reminder, then the debtor's exclusion", async () => {
    const s = server();
    s.clock.set(new Date('2026-03-03T08:00:00Z'));
    const association = await s.association();
    const member = await enrolActiveMember(s.url, association.secretKey);
    // Due 2026-01-15; 2026-03-03 is 47 days after. The creditor waits 60 days: first reminder 2026-03-16.
    await call(s.url, 'PUT', `/v1/creditors/${member.creditorId}/business-rules`, { bearer: member.token, body: { firstReminderDaysAfterDue: 60 } });
    const waiting = await createdCase(s.url, member.token, caseBody({ debtor: { ...danishDebtor('Jensen Auto ApS'), nationalId: '29403473' } }));
    const excluded = await createdCase(s.url, member.token, caseBody({ debtor: { ...danishDebtor('Excluded A/S'), email: 'pay@excluded.example' } }));
    await call(s.url, 'PUT', `/v1/creditors/${member.creditorId}/debtor-overrides/email:pay@excluded.example`, { bearer: member.token, body: { excluded: true } });
    const scheduler = createDunningScheduler({ db: s.db, clock: s.clock, rulesFor: storedRulesFor });
    const reminded: Record<string, string> = {};
    for (let day = 0; day < 20; day++) {
      await scheduler.runOnce();
      s.clock.advance({ days: 1 });
    }
    for (const id of [waiting.id, excluded.id]) {
      const rows = await s.db.query<{ on: string }>(`SELECT data->>'on' AS on FROM events WHERE case_id = $1 AND type = 'reminder.sent' ORDER BY id`, [id]);
      reminded[id] = rows.map((r) => r.on).join(',');
    }
    assert.deepEqual(reminded, { [waiting.id]: '2026-03-16', [excluded.id]: '' });
  });
});
