import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/harness.js';
import { call, sessionCookie } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { STRONG_PASSWORD } from '../testing/fixtures.js';
import { createdCase } from '../http/case-test-fixtures.js';

/**
 * The elements on an association's site (www.forening.example) talking to the API on another site: the
 * session cookie must ride along on their requests (SameSite=None; Secure; Partitioned), and then only
 * requests from the association's own sites may change anything with it (the Origin check, CSRF).
 */
describeEachDatabase(
  'sessions across sites (COLLECTKIT_CROSS_SITE_SESSIONS)',
  (server) => {
    const site = 'https://www.forening.example';

    it('signs in with a SameSite=None, Secure, Partitioned, HttpOnly cookie, and signs out clearing the same cookie', async () => {
      const { url } = server();
      const a = await server().association({ allowedOrigins: [site] });
      const member = await enrolActiveMember(url, a.secretKey);
      const login = await call(url, 'POST', '/v1/sessions', { key: a.publishableKey, headers: { origin: site }, body: { email: member.email, password: STRONG_PASSWORD } });
      assert.equal(login.status, 201);
      const cookie = sessionCookie(login.headers) ?? '';
      for (const attribute of [/; HttpOnly/i, /; SameSite=None/i, /; Secure/i, /; Partitioned/i]) assert.match(cookie, attribute);
      const token = /collectkit_session=([^;]+)/.exec(cookie)![1]!;

      const out = await call(url, 'DELETE', '/v1/sessions/current', { key: a.publishableKey, headers: { origin: site, cookie: `collectkit_session=${token}` } });
      assert.equal(out.status, 204);
      const cleared = sessionCookie(out.headers) ?? '';
      assert.match(cleared, /; SameSite=None/i);
      assert.match(cleared, /; Partitioned/i);
    });

    it('refuses a change riding on the cookie from a site that is not the association’s, and writes nothing; reads and bearer tokens are not held to it', async () => {
      const { url, count } = server();
      const a = await server().association({ allowedOrigins: [site] });
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const path = `/v1/cases/${created.id}/messages`;
      const cookie = `collectkit_session=${member.token}`;
      const before = await count('case_messages');

      const forged = await call(url, 'POST', path, { headers: { origin: 'https://evil.example', cookie }, body: { body: 'Betal til konto 1234' } });
      assert.equal(forged.status, 403);
      assert.equal(forged.json.error.code, 'origin_not_allowed');
      assert.equal(await count('case_messages'), before, 'nothing written');

      // The association's own site, this server's own pages, and a client that sends no Origin may.
      assert.equal((await call(url, 'POST', path, { headers: { origin: site, cookie }, body: { body: 'fra foreningens side' } })).status, 201);
      assert.equal((await call(url, 'POST', path, { headers: { origin: url, cookie }, body: { body: 'fra demo-siden' } })).status, 201);
      assert.equal((await call(url, 'POST', path, { headers: { cookie }, body: { body: 'uden Origin' } })).status, 201);
      // A bearer token is sent on purpose: no cookie riding, no Origin check.
      assert.equal((await call(url, 'POST', path, { bearer: member.token, headers: { origin: 'https://tool.example' }, body: { body: 'med token' } })).status, 201);
      // Reads are CORS's business (the answer is not exposed to other sites) and stay one lookup.
      assert.equal((await call(url, 'GET', path, { headers: { origin: 'https://evil.example', cookie } })).status, 200);
      assert.equal(await count('case_messages'), before + 4);
    });
  },
  { crossSiteSessions: true },
);
