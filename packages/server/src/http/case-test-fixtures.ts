import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/passwords.js';
import { createUser } from '../store/users.js';
import type { TestServer } from '../testing/harness.js';
import { call, type CallResult } from '../testing/http-client.js';
import { STRONG_PASSWORD } from '../testing/fixtures.js';

/**
 * Test data for the case routes. The worked example: a Danish garage's invoice of DKK 10,000.00
 * (1,000,000 øre) to a Danish company, issued 1 January 2026 and due 15 January 2026; the test
 * clock stands at 3 March 2026 (testing/harness.ts TEST_START).
 */
export function danishDebtor(name = 'Hansen Biler A/S'): Record<string, unknown> {
  return { type: 'business', name, country: 'DK', address: { lines: ['Industrivej 4'], postalCode: '7100', city: 'Vejle', country: 'DK' } };
}

export function invoice(number: string, amount = 1_000_000, currency = 'DKK'): Record<string, unknown> {
  return { number, issueDate: '2026-01-01', dueDate: '2026-01-15', amount: { amount, currency } };
}

export function caseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { debtor: danishDebtor(), invoices: [invoice('F-1001')], ...overrides };
}

/** POST /v1/cases with a fresh Idempotency-Key unless one is given. */
export function createCase(url: string, bearer: string, body: unknown, idempotencyKey: string = randomUUID()): Promise<CallResult> {
  return call(url, 'POST', '/v1/cases', { bearer, body, headers: { 'idempotency-key': idempotencyKey } });
}

export async function createdCase(url: string, bearer: string, body: unknown = caseBody()): Promise<any> {
  const response = await createCase(url, bearer, body);
  assert.equal(response.status, 201, JSON.stringify(response.json));
  return response.json;
}

/** An operator account of the association, signed in: its bearer token. */
export async function operatorToken(server: TestServer, association: { associationId: string; publishableKey: string }): Promise<string> {
  const email = `operator+${randomUUID().slice(0, 8)}@agency.example`;
  await createUser(server.db, {
    associationId: association.associationId,
    creditorId: null,
    role: 'operator',
    email,
    passwordHash: await hashPassword(STRONG_PASSWORD),
    now: server.clock.now(),
  });
  const login = await call(server.url, 'POST', '/v1/sessions', { bearer: association.publishableKey, body: { email, password: STRONG_PASSWORD } });
  assert.equal(login.status, 201, JSON.stringify(login.json));
  return login.json.token;
}
