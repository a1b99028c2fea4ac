import { createHash } from 'node:crypto';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDatabase } from '../testing/harness.js';
import { call, sessionCookie } from '../testing/http-client.js';
import { STRONG_PASSWORD, validEnrolment } from '../testing/fixtures.js';

const ORIGIN = 'https://a.example';

describeEachDatabase('enrolment → agreement → signature → password → login', (server) => {
  it('takes a Danish garage from enrolment to a signed-in member', async () => {
    const { url } = server();
    const { publishableKey } = await server().association({ allowedOrigins: [ORIGIN] });
    const pk = { bearer: publishableKey, headers: { origin: ORIGIN } };
    const enrolment = validEnrolment();

    const created = await call(url, 'POST', '/v1/enrolments', { ...pk, body: enrolment });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    assert.equal(created.json.status, 'pending_signature');
    assert.deepEqual(created.json.company, { name: 'Jensens Autoværksted ApS', country: 'DK', nationalId: '13748136' });
    assert.match(created.json.enrolmentToken, /^enr_/);
    const id: string = created.json.id;
    const withToken = { bearer: publishableKey, headers: { origin: ORIGIN, 'x-collectkit-enrolment-token': created.json.enrolmentToken } };

    // The publishable key alone does not open someone's enrolment: the token does.
    assert.equal((await call(url, 'GET', `/v1/enrolments/${id}/agreement`, pk)).status, 404);

    const pdf = await call(url, 'GET', `/v1/enrolments/${id}/agreement`, withToken);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1'), '%PDF-');
    const sha256 = createHash('sha256').update(pdf.bytes).digest('hex');
    assert.equal(sha256, created.json.agreement.sha256, 'the announced hash is the hash of the bytes served');

    const wrongHash = await call(url, 'POST', `/v1/enrolments/${id}/signature`, {
      ...withToken,
      body: { name: 'Mette Jensen', consent: true, sha256: '0'.repeat(64) },
    });
    assert.equal(wrongHash.status, 400);
    assert.deepEqual(wrongHash.json.error.issues.map((issue: { path: string }) => issue.path), ['sha256']);

    const early = await call(url, 'POST', `/v1/enrolments/${id}/password`, { ...withToken, body: { password: STRONG_PASSWORD } });
    assert.equal(early.status, 409, 'no password before the agreement is signed');

    const signed = await call(url, 'POST', `/v1/enrolments/${id}/signature`, { ...withToken, body: { name: 'Mette Jensen', consent: true, sha256 } });
    assert.equal(signed.status, 200, JSON.stringify(signed.json));
    assert.equal(signed.json.status, 'pending_password');
    assert.equal(signed.json.agreement.signedName, 'Mette Jensen');
    assert.equal(signed.json.agreement.signedAt, server().clock.now().toISOString());
    const stored = await server().db.query<{ signed_ip: string; signed_consent: boolean }>('SELECT signed_ip, signed_consent FROM agreements WHERE creditor_id = $1', [id]);
    assert.deepEqual(stored, [{ signed_ip: '127.0.0.1', signed_consent: true }]);

    const again = await call(url, 'POST', `/v1/enrolments/${id}/signature`, { ...withToken, body: { name: 'Mette Jensen', consent: true, sha256 } });
    assert.equal(again.status, 409);

    const password = await call(url, 'POST', `/v1/enrolments/${id}/password`, { ...withToken, body: { password: STRONG_PASSWORD } });
    assert.equal(password.status, 201, JSON.stringify(password.json));
    assert.match(password.json.token, /^ses_/);
    const cookie = sessionCookie(password.headers);
    assert.ok(cookie, 'a session cookie is set');
    assert.match(cookie!, /HttpOnly/);
    assert.match(cookie!, /SameSite=Lax/);
    assert.doesNotMatch(cookie!, /Secure/, 'plain http on loopback: no Secure flag');

    // The enrolment token has done its job.
    assert.equal((await call(url, 'GET', `/v1/enrolments/${id}`, withToken)).status, 404);

    const login = await call(url, 'POST', '/v1/sessions', { ...pk, body: { email: enrolment.contact.email.toUpperCase(), password: STRONG_PASSWORD } });
    assert.equal(login.status, 201, JSON.stringify(login.json));
    assert.equal(login.json.role, 'member');

    const me = await call(url, 'GET', '/v1/me', { bearer: login.json.token });
    assert.equal(me.status, 200, JSON.stringify(me.json));
    assert.equal(me.json.user.email, enrolment.contact.email);
    assert.deepEqual(me.json.creditor, { id, status: 'active', name: 'Jensens Autoværksted ApS', nationalId: '13748136', country: 'DK' });

    const viaCookie = await call(url, 'GET', '/v1/me', { headers: { cookie: cookie!.split(';')[0]! } });
    assert.equal(viaCookie.status, 200);

    // The member reads its own enrolment and agreement with its session.
    assert.equal((await call(url, 'GET', `/v1/enrolments/${id}/agreement`, { bearer: login.json.token })).status, 200);

    const logout = await call(url, 'DELETE', '/v1/sessions/current', { bearer: login.json.token });
    assert.equal(logout.status, 204);
    assert.equal((await call(url, 'GET', '/v1/me', { bearer: login.json.token })).status, 401);

    const wrong = await call(url, 'POST', '/v1/sessions', { ...pk, body: { email: enrolment.contact.email, password: 'not the password' } });
    assert.equal(wrong.status, 401);
    const events = await server().db.query<{ type: string }>("SELECT type FROM events WHERE data->>'creditorId' = $1 ORDER BY id", [id]);
    assert.deepEqual(events.map((event) => event.type), ['enrolment.created', 'agreement.signed', 'account.activated']);
  });

  it('refuses a second enrolment with an e-mail that already has an account', async () => {
    const { url } = server();
    const { secretKey } = await server().association();
    const first = validEnrolment();
    const created = await call(url, 'POST', '/v1/enrolments', { bearer: secretKey, body: first });
    const id = created.json.id;
    await call(url, 'POST', `/v1/enrolments/${id}/signature`, { bearer: secretKey, body: { name: 'Mette Jensen', consent: true, sha256: created.json.agreement.sha256 } });
    assert.equal((await call(url, 'POST', `/v1/enrolments/${id}/password`, { bearer: secretKey, body: { password: STRONG_PASSWORD } })).status, 201);
    const before = await server().count('creditors');
    const second = await call(url, 'POST', '/v1/enrolments', { bearer: secretKey, body: validEnrolment({ contact: first.contact }) });
    assert.equal(second.status, 409);
    assert.deepEqual(second.json.error.issues, [{ path: 'contact.email', message: 'already has an account' }]);
    assert.equal(await server().count('creditors'), before);
  });

  it('lets the enrolment token expire after seven days', async () => {
    const { url, clock } = server();
    const { publishableKey } = await server().association();
    const created = await call(url, 'POST', '/v1/enrolments', { bearer: publishableKey, body: validEnrolment() });
    const headers = { 'x-collectkit-enrolment-token': created.json.enrolmentToken };
    assert.equal((await call(url, 'GET', `/v1/enrolments/${created.json.id}`, { bearer: publishableKey, headers })).status, 200);
    clock.advance({ days: 7, seconds: 1 });
    assert.equal((await call(url, 'GET', `/v1/enrolments/${created.json.id}`, { bearer: publishableKey, headers })).status, 404);
  });
});
