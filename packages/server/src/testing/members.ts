import assert from 'node:assert/strict';
import { call } from './http-client.js';
import { STRONG_PASSWORD, validEnrolment } from './fixtures.js';

export interface ActiveMember {
  creditorId: string;
  email: string;
  /** Bearer session token. */
  token: string;
}

/** Enrols, signs and sets a password through the API with the association's secret key. */
export async function enrolActiveMember(url: string, secretKey: string, overrides: Record<string, unknown> = {}): Promise<ActiveMember> {
  const enrolment = validEnrolment(overrides);
  const created = await call(url, 'POST', '/v1/enrolments', { bearer: secretKey, body: enrolment });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const id: string = created.json.id;
  const signed = await call(url, 'POST', `/v1/enrolments/${id}/signature`, {
    bearer: secretKey,
    body: { name: enrolment.contact.name, consent: true, sha256: created.json.agreement.sha256 },
  });
  assert.equal(signed.status, 200, JSON.stringify(signed.json));
  const password = await call(url, 'POST', `/v1/enrolments/${id}/password`, { bearer: secretKey, body: { password: STRONG_PASSWORD } });
  assert.equal(password.status, 201, JSON.stringify(password.json));
  return { creditorId: id, email: enrolment.contact.email, token: password.json.token };
}
