import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/harness.js';
import { enrolActiveMember } from '../testing/members.js';
import { call } from '../testing/http-client.js';
import { systemClock } from '../clock.js';
import { caseBody, createdCase, operatorToken } from './case-test-fixtures.js';
import { offsetClock } from '../process/scheduler/simulate.js';
import { simulationEnabled } from './simulate.js';

describeEachDatabase('simulated time', (server) => {
  it('an operator advances the clock 25 days: the scheduler takes a DK case from reminder to collection', async () => {
    const s = server();
    const association = await s.association();
    const member = await enrolActiveMember(s.url, association.secretKey);
    const created = await createdCase(s.url, member.token, caseBody());
    let operator = await operatorToken(s, association);
    assert.equal((await call(s.url, 'POST', '/v1/simulation/advance', { bearer: member.token, body: { days: 1 } })).status, 403);
    const before = s.clock.today();
    const started = await call(s.url, 'POST', '/v1/simulation/advance', { bearer: operator, body: { days: 25 } });
    assert.equal(started.status, 202, JSON.stringify(started.json));
    assert.equal(started.json.running, true);
    let state = started.json;
    for (let i = 0; i < 200 && state.running; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      let poll = await call(s.url, 'GET', '/v1/simulation', { bearer: operator });
      // 25 simulated days outlive the session: sign in again, as a real operator would.
      if (poll.status === 401) poll = await call(s.url, 'GET', '/v1/simulation', { bearer: (operator = await operatorToken(s, association)) });
      state = poll.json;
    }
    assert.equal(state.running, false, JSON.stringify(state));
    assert.equal(state.lastError, null);
    assert.equal(state.lastRun.from, before);
    assert.equal(state.today, state.lastRun.to);
    const events = await call(s.url, 'GET', `/v1/cases/${created.id}/events`, { bearer: association.secretKey });
    const types: string[] = events.json.data.map((e: { type: string }) => e.type);
    for (const type of ['reminder.sent', 'notice.sent', 'collection.started']) assert.ok(types.includes(type), `${type} in ${types.join(', ')}`);
    const view = await call(s.url, 'GET', `/v1/cases/${created.id}`, { bearer: association.secretKey });
    assert.equal(view.json.stage, 'collection');
  });
});

it('simulated time exists outside production only, unless COLLECTKIT_SIMULATION=1', () => {
  assert.equal(simulationEnabled({}), true);
  assert.equal(simulationEnabled({ NODE_ENV: 'production' }), false);
  assert.equal(simulationEnabled({ NODE_ENV: 'production', COLLECTKIT_SIMULATION: '1' }), true);
  assert.equal(simulationEnabled({ COLLECTKIT_SIMULATION: '0' }), false);
});

it('offsetClock runs with the system clock and jumps forward by whole days', () => {
  const base = systemClock('UTC');
  const clock = offsetClock(base, 'UTC');
  const start = clock.now().getTime();
  clock.advance({ days: 90 });
  const moved = clock.now().getTime() - start;
  assert.ok(moved >= 90 * 86_400_000 && moved < 90 * 86_400_000 + 5_000);
});
