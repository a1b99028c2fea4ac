import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Health } from '../../contract/api/health.js';
import type { CreatedEnrolment, Enrolment } from '../../contract/api/enrolment.js';
import type { Me, Session } from '../../contract/api/account.js';
import { createClient } from '../create-client.js';
import { isCollectkitApiError } from '../errors.js';
import { sendJson, serve } from '../http-test-server.test.js';

// Contract-valid answers, shaped like packages/server/src/http/{enrolments,sessions,me}.ts send them.
const ID = '0b9f6a52-4c1e-4d7a-9d0e-2f5b8c3a1e77';
const SHA = 'a'.repeat(64);
const enrolment: Enrolment = {
  id: ID,
  status: 'pending_signature',
  company: { name: 'Jensens Autoværksted ApS', country: 'DK', nationalId: '13748136' },
  agreement: { pricingPlanId: 'standard', sha256: SHA, url: `v1/enrolments/${ID}/agreement`, signedAt: null, signedName: null },
};
const session: Session = { token: 'ses_abc', expiresAt: '2026-03-31T08:00:00.000Z', role: 'member' };
const me: Me = {
  user: { id: ID, email: 'mette@jensens-auto.example', role: 'member' },
  association: { id: ID, name: 'Danske Autoværksteder', country: 'DK', pricingPlanId: 'standard' },
  creditor: { id: ID, status: 'active', name: 'Jensens Autoværksted ApS', nationalId: '13748136', country: 'DK' },
};

const routes: Record<string, [number, unknown]> = {
  'GET /api/health': [200, { status: 'ok', database: 'pglite', time: '2025-03-01T12:00:00.000Z' }],
  'GET /other/health': [200, { status: 'ok', database: 'sqlite', time: 'yesterday' }],
  'POST /api/v1/enrolments': [201, { ...enrolment, enrolmentToken: 'enr_secret' }],
  [`GET /api/v1/enrolments/${ID}`]: [200, enrolment],
  [`POST /api/v1/enrolments/${ID}/signature`]: [200, { ...enrolment, status: 'pending_password' }],
  [`POST /api/v1/enrolments/${ID}/password`]: [201, session],
  'POST /api/v1/sessions': [201, session],
  'DELETE /api/v1/sessions/current': [204, undefined],
  'GET /api/v1/me': [200, me],
  'POST /api/v1/password-resets': [202, { status: 'accepted' }],
  'POST /api/v1/password-resets/tok%2Fwith%20slash': [204, undefined],
};
const server = await serve((req, res) => {
  const [status, body] = routes[`${req.method} ${req.url}`] ?? [404, { error: { code: 'not_found', message: `No route ${req.url}` } }];
  if (body === undefined) return void res.writeHead(status).end();
  sendJson(res, status, body);
});
after(() => server.close());

const last = () => server.requests.at(-1)!;
const client = createClient({ apiBase: `${server.baseUrl}/api`, publishableKey: 'pk_test' });

describe('resource bindings', () => {
  it('health.get parses the answer with HealthSchema, and refuses one outside the contract', async () => {
    const health: Health = await client.health.get();
    assert.equal(health.database, 'pglite');
    const other = createClient({ apiBase: `${server.baseUrl}/other`, publishableKey: 'pk_test' });
    await assert.rejects(other.health.get(), (error: unknown) => isCollectkitApiError(error, 'invalid_response'));
  });

  it('enrolments: create, get, sign and setPassword, with the enrolment token where the server wants it', async () => {
    const created: CreatedEnrolment = await client.enrolments.create({
      company: { name: 'Jensens Autoværksted ApS', country: 'DK', nationalId: '13748136' },
      address: { lines: ['Værkstedsvej 12'], postalCode: '8000', city: 'Aarhus C', country: 'DK' },
      contact: { name: 'Mette Jensen', email: 'mette@jensens-auto.example' },
      payoutAccount: { kind: 'iban', iban: 'DK50 0040 0440 1162 43' },
      accountingSystem: 'e-conomic',
      consents: { terms: true, dataProcessing: true },
    });
    assert.equal(created.enrolmentToken, 'enr_secret');
    assert.equal(JSON.parse(last().body).payoutAccount.iban, 'DK50 0040 0440 1162 43', 'the body is sent as given');
    assert.match(String(last().headers['idempotency-key']), /^[0-9a-f-]{36}$/);

    const token = { enrolmentToken: created.enrolmentToken };
    assert.equal((await client.enrolments.get(ID, token)).status, 'pending_signature');
    assert.equal(last().headers['x-collectkit-enrolment-token'], 'enr_secret');
    const signed = await client.enrolments.sign(ID, { name: 'Mette Jensen', consent: true, sha256: SHA }, token);
    assert.equal(signed.status, 'pending_password');
    assert.deepEqual(JSON.parse(last().body), { name: 'Mette Jensen', consent: true, sha256: SHA });
    assert.equal(last().headers['x-collectkit-enrolment-token'], 'enr_secret');
    const chosen: Session = await client.enrolments.setPassword(ID, { password: 'korrekt hest batteri' }, token);
    assert.equal(chosen.token, 'ses_abc');
    assert.equal(client.enrolments.agreementPath(ID), `v1/enrolments/${ID}/agreement`);
  });

  it('sessions, me and password resets', async () => {
    assert.deepEqual(await client.sessions.create({ email: 'mette@jensens-auto.example', password: 'x' }), session);
    const member = createClient({ apiBase: `${server.baseUrl}/api`, token: 'ses_abc' });
    const who: Me = await member.me.get();
    assert.equal(who.creditor?.status, 'active');
    assert.equal(last().headers.authorization, 'Bearer ses_abc');
    assert.equal(await member.sessions.deleteCurrent(), undefined);
    assert.equal(last().method, 'DELETE');
    assert.deepEqual(await client.passwordResets.create({ email: 'mette@jensens-auto.example' }), { status: 'accepted' });
    // A token from an e-mail link is one path segment, whatever it contains.
    assert.equal(await client.passwordResets.confirm('tok/with slash', { password: 'korrekt hest batteri' }), undefined);
  });
});
