import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase, type TestServer } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { STRONG_PASSWORD } from '../testing/fixtures.js';
import { listOutbox } from '../store/outbox.js';

const NEW_PASSWORD = 'en helt ny og lang adgangskode';

async function requestReset(server: TestServer, key: string, associationId: string, email: string): Promise<string> {
  const before = (await listOutbox(server.db, associationId)).length;
  const response = await call(server.url, 'POST', '/v1/password-resets', { bearer: key, body: { email } });
  assert.equal(response.status, 202);
  const mails = await listOutbox(server.db, associationId);
  assert.equal(mails.length, before + 1, 'one e-mail written to the outbox');
  const mail = mails.at(-1)!;
  assert.equal(mail.recipient, email);
  return /rst_[A-Za-z0-9_-]+/.exec(mail.body)![0];
}

describeEachDatabase('password reset', (server) => {
  it('answers 202 for an unknown address too, and sends nothing then', async () => {
    const a = await server().association();
    const response = await call(server().url, 'POST', '/v1/password-resets', { bearer: a.publishableKey, body: { email: 'nobody@example.org' } });
    assert.equal(response.status, 202);
    assert.deepEqual(response.json, { status: 'accepted' });
    assert.deepEqual(await listOutbox(server().db, a.associationId), []);
  });

  it('changes the password once with the e-mailed token, and ends the old sessions', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const token = await requestReset(server(), a.publishableKey, a.associationId, member.email);

    const reset = await call(url, 'POST', `/v1/password-resets/${token}`, { bearer: a.publishableKey, body: { password: NEW_PASSWORD } });
    assert.equal(reset.status, 204);
    assert.equal((await call(url, 'GET', '/v1/me', { bearer: member.token })).status, 401, 'the old session is ended');
    const oldPassword = await call(url, 'POST', '/v1/sessions', { bearer: a.publishableKey, body: { email: member.email, password: STRONG_PASSWORD } });
    assert.equal(oldPassword.status, 401);
    const newPassword = await call(url, 'POST', '/v1/sessions', { bearer: a.publishableKey, body: { email: member.email, password: NEW_PASSWORD } });
    assert.equal(newPassword.status, 201);

    const reused = await call(url, 'POST', `/v1/password-resets/${token}`, { bearer: a.publishableKey, body: { password: 'yet another long password' } });
    assert.equal(reused.status, 404, 'single use');
  });

  it('refuses a token after 60 minutes, and another association\'s key', async () => {
    const { url, clock } = server();
    const a = await server().association();
    const b = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);

    const early = await requestReset(server(), a.publishableKey, a.associationId, member.email);
    assert.equal((await call(url, 'POST', `/v1/password-resets/${early}`, { bearer: b.publishableKey, body: { password: NEW_PASSWORD } })).status, 404);
    clock.advance({ minutes: 59 });
    assert.equal((await call(url, 'POST', `/v1/password-resets/${early}`, { bearer: a.publishableKey, body: { password: NEW_PASSWORD } })).status, 204);

    const late = await requestReset(server(), a.publishableKey, a.associationId, member.email);
    clock.advance({ minutes: 60, seconds: 1 });
    assert.equal((await call(url, 'POST', `/v1/password-resets/${late}`, { bearer: a.publishableKey, body: { password: NEW_PASSWORD } })).status, 404);
  });

  it('rejects a too-short new password with the field named, and keeps the token usable', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const token = await requestReset(server(), a.publishableKey, a.associationId, member.email);
    const short = await call(url, 'POST', `/v1/password-resets/${token}`, { bearer: a.publishableKey, body: { password: 'kort' } });
    assert.equal(short.status, 400);
    assert.deepEqual(short.json.error.issues.map((issue: { path: string }) => issue.path), ['password']);
    assert.equal((await call(url, 'POST', `/v1/password-resets/${token}`, { bearer: a.publishableKey, body: { password: NEW_PASSWORD } })).status, 204);
  });
});

describeEachDatabase(
  'login rate limit',
  (server) => {
    it('allows 3 attempts per IP and e-mail a minute, then answers 429 for that e-mail only', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      for (let attempt = 1; attempt <= 3; attempt++) {
        const wrong = await call(url, 'POST', '/v1/sessions', { bearer: a.publishableKey, body: { email: member.email, password: `guess ${attempt}` } });
        assert.equal(wrong.status, 401, `attempt ${attempt}`);
      }
      const limited = await call(url, 'POST', '/v1/sessions', { bearer: a.publishableKey, body: { email: member.email, password: STRONG_PASSWORD } });
      assert.equal(limited.status, 429);
      assert.equal(limited.json.error.code, 'rate_limited');
      assert.ok(limited.headers.get('retry-after'));
      // The same address in other case counts as the same address.
      const shouted = await call(url, 'POST', '/v1/sessions', { bearer: a.publishableKey, body: { email: member.email.toUpperCase(), password: STRONG_PASSWORD } });
      assert.equal(shouted.status, 429);
      const other = await call(url, 'POST', '/v1/sessions', { bearer: a.publishableKey, body: { email: 'someone.else@example.org', password: 'whatever it is' } });
      assert.equal(other.status, 401, 'another e-mail is not locked out');
      const resets = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        resets.push((await call(url, 'POST', '/v1/password-resets', { bearer: a.publishableKey, body: { email: member.email } })).status);
      }
      assert.deepEqual(resets, [202, 202, 202, 429], 'reset requests are limited the same way');
    });
  },
  { loginRateLimit: 3 },
);
