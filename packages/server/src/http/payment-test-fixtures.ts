import assert from 'node:assert/strict';
import type { TestServer } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember, type ActiveMember } from '../testing/members.js';
import { createdCase, operatorToken } from './case-test-fixtures.js';

/**
 * A Danish garage's case against a Danish company: one invoice of DKK 10,000.00 due 15 January 2026
 * (case-test-fixtures.ts), on the association-member plan; the test clock stands at 3 March 2026.
 */
export interface PaymentScene {
  association: { associationId: string; secretKey: string; publishableKey: string };
  member: ActiveMember;
  operator: string;
  caseId: string;
}

export async function paymentScene(server: TestServer): Promise<PaymentScene> {
  const association = await server.association();
  const member = await enrolActiveMember(server.url, association.secretKey);
  const operator = await operatorToken(server, association);
  const created = await createdCase(server.url, member.token);
  return { association, member, operator, caseId: created.id };
}

export async function pay(server: TestServer, scene: PaymentScene, amount: number, receivedOn: string, extra: Record<string, unknown> = {}) {
  const response = await call(server.url, 'POST', `/v1/cases/${scene.caseId}/payments`, {
    bearer: scene.operator,
    body: { amount: { amount, currency: 'DKK' }, receivedOn, method: 'bank_transfer', ...extra },
  });
  assert.equal(response.status, 201, JSON.stringify(response.json));
  return response.json;
}

export async function moveTo(server: TestServer, scene: PaymentScene, stage: string) {
  const response = await call(server.url, 'POST', `/v1/cases/${scene.caseId}/stage`, { bearer: scene.operator, body: { stage, reason: 'test' } });
  assert.equal(response.status, 200, JSON.stringify(response.json));
}

export const dkk = (amount: number) => ({ amount, currency: 'DKK' as const });
