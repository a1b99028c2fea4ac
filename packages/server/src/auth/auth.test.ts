import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/harness.js';
import { call, sessionCookie } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { STRONG_PASSWORD, validEnrolment } from '../testing/fixtures.js';

describeEachDatabase('keys, sessions and tenant isolation', (server) => {
  it('answers 401 without credentials and with an unknown key or session', async () => {
    const { url } = server();
    for (const options of [{}, { bearer: 'pk_' + 'x'.repeat(43) }, { bearer: 'sk_nonsense' }, { bearer: 'ses_' + 'y'.repeat(43) }, { key: 'pk_short' }]) {
      const response = await call(url, 'POST', '/v1/enrolments', { ...options, body: validEnrolment() });
      assert.equal(response.status, 401, JSON.stringify(options));
      assert.equal(response.json.error.code, 'unauthenticated');
      // RFC 9110 §11.6.1: a 401 must say how to authenticate.
      assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="collectkit"', JSON.stringify(options));
    }
  });

  it('gives a member of association A a 404 for B\'s enrolment and agreement, as for an id that does not exist', async () => {
    const { url } = server();
    const a = await server().association();
    const b = await server().association();
    const memberOfA = await enrolActiveMember(url, a.secretKey);
    const memberOfB = await enrolActiveMember(url, b.secretKey);
    const unknown = '7b0d7e1e-3f4c-4c1a-9a55-2f7a8f0c1d2e';
    for (const path of [`/v1/enrolments/${memberOfB.creditorId}`, `/v1/enrolments/${memberOfB.creditorId}/agreement`, `/v1/enrolments/${unknown}`]) {
      const response = await call(url, 'GET', path, { bearer: memberOfA.token });
      assert.equal(response.status, 404, path);
      assert.equal(response.json.error.code, 'not_found');
    }
    // Neither does A's secret key open B's enrolment.
    assert.equal((await call(url, 'GET', `/v1/enrolments/${memberOfB.creditorId}`, { bearer: a.secretKey })).status, 404);
    // Nor may A's key sign B's enrolment.
    const sign = await call(url, 'POST', `/v1/enrolments/${memberOfB.creditorId}/signature`, { bearer: a.secretKey, body: { name: 'Eve', consent: true, sha256: 'a'.repeat(64) } });
    assert.equal(sign.status, 404);
    // A member of one creditor does not see another creditor's enrolment of the same association.
    const otherOfA = await enrolActiveMember(url, a.secretKey);
    assert.equal((await call(url, 'GET', `/v1/enrolments/${otherOfA.creditorId}`, { bearer: memberOfA.token })).status, 404);
    assert.equal((await call(url, 'GET', `/v1/enrolments/${memberOfA.creditorId}`, { bearer: memberOfA.token })).status, 200);
    // A session of B with a key of A is refused outright.
    const mixed = await call(url, 'GET', '/v1/me', { bearer: memberOfB.token, key: a.publishableKey });
    assert.equal(mixed.status, 401);
  });

  it('accepts a publishable key only from the association\'s allowed origins, and answers CORS for them', async () => {
    const { url } = server();
    const a = await server().association({ allowedOrigins: ['https://www.a-forening.example'] });
    await server().association({ allowedOrigins: ['https://www.b-forening.example'] });
    const before = await server().count('creditors');

    const allowed = await call(url, 'POST', '/v1/enrolments', { bearer: a.publishableKey, headers: { origin: 'https://www.a-forening.example' }, body: validEnrolment() });
    assert.equal(allowed.status, 201);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.a-forening.example');

    for (const origin of ['https://www.b-forening.example', 'https://evil.example', 'http://www.a-forening.example']) {
      const refused = await call(url, 'POST', '/v1/enrolments', { key: a.publishableKey, headers: { origin }, body: validEnrolment() });
      assert.equal(refused.status, 403, origin);
      assert.equal(refused.json.error.code, 'origin_not_allowed');
    }
    assert.equal(await server().count('creditors'), before + 1, 'only the allowed request wrote');

    const preflight = await fetch(`${url}/v1/enrolments`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.a-forening.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    await preflight.arrayBuffer();
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://www.a-forening.example');
    const strangerPreflight = await fetch(`${url}/v1/enrolments`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    await strangerPreflight.arrayBuffer();
    assert.equal(strangerPreflight.headers.get('access-control-allow-origin'), null);
  });

  it('limits each kind of credential to the routes that accept it', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    // A publishable key alone on a member's route lacks the member's session: 401, sign in first
    // (what a not-signed-in visitor of the association's page gets from the case widgets).
    for (const path of ['/v1/me', '/v1/cases']) {
      const anonymous = await call(url, 'GET', path, { bearer: a.publishableKey });
      assert.equal(anonymous.status, 401, path);
      assert.equal(anonymous.json.error.code, 'unauthenticated');
      assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer realm="collectkit"', path);
    }
    // A key that can never be a member is refused outright.
    const me = await call(url, 'GET', '/v1/me', { bearer: a.secretKey });
    assert.equal(me.status, 403);
    assert.equal(me.json.error.code, 'forbidden');
    assert.equal(me.headers.get('www-authenticate'), null, 'a 403 carries no challenge');
    // Routes for servers and operators only stay 403 for a publishable key.
    assert.equal((await call(url, 'GET', '/v1/webhook-endpoints', { bearer: a.publishableKey })).status, 403);
    const enrolAsMember = await call(url, 'POST', '/v1/enrolments', { bearer: member.token, body: validEnrolment() });
    assert.equal(enrolAsMember.status, 403);
  });

  it('lets the publishable key decide on the routes open to it, whatever session cookie rides along', async () => {
    const { url } = server();
    const origin = 'https://www.a-forening.example';
    const a = await server().association({ allowedOrigins: [origin] });
    const b = await server().association();
    const signedIn = await enrolActiveMember(url, a.secretKey);
    const ofOtherAssociation = await enrolActiveMember(url, b.secretKey);
    // What a browser on the association's page sends: the key, its Origin and the cookie it holds.
    const page = (token: string, extra: Record<string, string> = {}) => ({
      key: a.publishableKey,
      headers: { origin, cookie: `collectkit_session=${token}`, ...extra },
    });

    for (const [who, token] of [['a member of A', signedIn.token], ['a member of B', ofOtherAssociation.token]] as const) {
      // Enrolling another company while signed in: every step as the key, not as the member.
      const enrolment = validEnrolment();
      const created = await call(url, 'POST', '/v1/enrolments', { ...page(token), body: enrolment });
      assert.equal(created.status, 201, `${who}: ${JSON.stringify(created.json)}`);
      const withToken = page(token, { 'x-collectkit-enrolment-token': created.json.enrolmentToken });
      const read = await call(url, 'GET', `/v1/enrolments/${created.json.id}`, withToken);
      assert.equal(read.status, 200, who);
      assert.equal(read.json.status, 'pending_signature');
      assert.equal((await call(url, 'GET', `/v1/enrolments/${created.json.id}/agreement`, withToken)).headers.get('content-type'), 'application/pdf');
      const signed = await call(url, 'POST', `/v1/enrolments/${created.json.id}/signature`, {
        ...withToken,
        body: { name: enrolment.contact.name, consent: true, sha256: created.json.agreement.sha256 },
      });
      assert.equal(signed.status, 200, who);
      const activated = await call(url, 'POST', `/v1/enrolments/${created.json.id}/password`, { ...withToken, body: { password: STRONG_PASSWORD } });
      assert.equal(activated.status, 201, who);
      // The new session is the new company's, not the one the cookie held.
      const now = await call(url, 'GET', '/v1/me', { bearer: activated.json.token });
      assert.equal(now.json.creditor.id, created.json.id);

      // Signing in as someone else, a password reset, a quote: the key's association answers.
      const login = await call(url, 'POST', '/v1/sessions', { ...page(token), body: { email: enrolment.contact.email, password: STRONG_PASSWORD } });
      assert.equal(login.status, 201, who);
      assert.equal((await call(url, 'POST', '/v1/password-resets', { ...page(token), body: { email: enrolment.contact.email } })).status, 202, who);
      const quoted = await call(url, 'POST', '/v1/quotes', {
        ...page(token),
        body: {
          creditorCountry: 'DK',
          debtor: { type: 'business', name: 'Kunde A/S', country: 'DK', address: { lines: ['Nørregade 1'], postalCode: '2100', city: 'København Ø', country: 'DK' } },
          invoices: [{ number: 'F-1', issueDate: '2026-01-01', dueDate: '2026-01-15', amount: { amount: 100_000, currency: 'DKK' } }],
        },
      });
      assert.equal(quoted.status, 200, who);
    }

    // Where the route does not take the key, the cookie still makes the browser the member.
    const me = await call(url, 'GET', '/v1/me', page(signedIn.token));
    assert.equal(me.status, 200);
    assert.equal(me.json.creditor.id, signedIn.creditorId);
    assert.equal((await call(url, 'GET', '/v1/cases', page(signedIn.token))).status, 200);
    // A session sent on purpose as a bearer token is not overridden: a member may not enrol.
    const bearerMember = await call(url, 'POST', '/v1/enrolments', { bearer: signedIn.token, key: a.publishableKey, headers: { origin }, body: validEnrolment() });
    assert.equal(bearerMember.status, 403);
  });

  it('answers CORS preflights for sign-out (DELETE) and the headers the API reads, for allowed origins only', async () => {
    const { url } = server();
    const origin = 'https://www.a-forening.example';
    const a = await server().association({ allowedOrigins: [origin] });
    const member = await enrolActiveMember(url, a.secretKey);
    const requestedHeaders = ['authorization', 'content-type', 'idempotency-key', 'if-none-match', 'x-collectkit-key', 'x-collectkit-enrolment-token'];

    const preflight = await fetch(`${url}/v1/sessions/current`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'x-collectkit-key' },
    });
    await preflight.arrayBuffer();
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    const methods = (preflight.headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim());
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) assert.ok(methods.includes(method), `${method} in ${methods.join()}`);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',').map((h) => h.trim());
    for (const header of requestedHeaders) assert.ok(allowed.includes(header), `${header} in ${allowed.join()}`);

    const stranger = await fetch(`${url}/v1/sessions/current`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'x-collectkit-key' },
    });
    await stranger.arrayBuffer();
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    assert.equal(stranger.headers.get('access-control-allow-credentials'), null);

    // The sign-out itself, as the page's script sends it after that preflight.
    const signOut = await call(url, 'DELETE', '/v1/sessions/current', { key: a.publishableKey, headers: { origin, cookie: `collectkit_session=${member.token}` } });
    assert.equal(signOut.status, 204);
    assert.equal(signOut.headers.get('access-control-allow-origin'), origin);
    const exposed = (signOut.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',').map((h) => h.trim());
    for (const header of ['etag', 'location', 'retry-after', 'x-request-id']) assert.ok(exposed.includes(header), `${header} exposed: ${exposed.join()}`);
    assert.equal((await call(url, 'GET', '/v1/me', { bearer: member.token })).status, 401, 'the session has ended');
  });

  it('signs operators in with role operator', async () => {
    const { url } = server();
    const a = await server().association();
    const { createUser } = await import('../store/users.js');
    const { hashPassword } = await import('./passwords.js');
    await createUser(server().db, {
      associationId: a.associationId,
      creditorId: null,
      role: 'operator',
      email: 'operator@agency.example',
      passwordHash: await hashPassword(STRONG_PASSWORD),
      now: server().clock.now(),
    });
    const login = await call(url, 'POST', '/v1/sessions', { bearer: a.publishableKey, body: { email: 'operator@agency.example', password: STRONG_PASSWORD } });
    assert.equal(login.status, 201);
    assert.equal(login.json.role, 'operator');
    const me = await call(url, 'GET', '/v1/me', { bearer: login.json.token });
    assert.equal(me.json.user.role, 'operator');
    assert.equal(me.json.creditor, null);
  });

  it('ends sessions when they expire (14 days)', async () => {
    const { url, clock } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    clock.advance({ days: 13, hours: 23 });
    assert.equal((await call(url, 'GET', '/v1/me', { bearer: member.token })).status, 200);
    clock.advance({ hours: 1, seconds: 1 });
    assert.equal((await call(url, 'GET', '/v1/me', { bearer: member.token })).status, 401);
  });
});

describeEachDatabase(
  'behind an https reverse proxy',
  (server) => {
    it('marks the session cookie Secure when the client came over https', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const login = await call(url, 'POST', '/v1/sessions', {
        bearer: a.publishableKey,
        headers: { 'x-forwarded-proto': 'https' },
        body: { email: member.email, password: STRONG_PASSWORD },
      });
      assert.equal(login.status, 201);
      assert.match(sessionCookie(login.headers) ?? '', /; Secure/);
    });
  },
  { trustProxy: true },
);
