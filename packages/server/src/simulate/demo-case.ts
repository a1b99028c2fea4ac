import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, type IsoDate } from '@collectkit/sdk';
import type { DemoCredentials } from '../seed-demo.js';
import { expect, type Api } from './api.js';

/**
 * `simulate --demo-case`: one member and one case for the demo association, made through the API
 * the way the app makes them (enrolment with the secret key, signature, password; the case as the
 * signed-in member), so the demo story has a case to follow. Kept in `<dataDir>/demo-case.json`
 * (mode 0600, like demo-keys.json) so later runs find the case and print the login again.
 */

export interface DemoCase {
  caseId: string;
  number: string;
  debtorName: string;
  member: { company: string; email: string; password: string };
}

export const DEMO_CASE_FILE = 'demo-case.json';

/** The demo member: a Danish garage. CVR 13748136 passes the modulus-11 check (RULES.md §8); the IBAN is the Danish banks' published example. */
function memberEnrolment(email: string): Record<string, unknown> {
  return {
    company: { name: 'Jensens Autoværksted ApS', country: 'DK', nationalId: '13748136' },
    address: { lines: ['Værkstedsvej 12'], postalCode: '8000', city: 'Aarhus C', country: 'DK' },
    contact: { name: 'Mette Jensen', email, phone: '+45 12 34 56 78' },
    payoutAccount: { kind: 'iban', iban: 'DK50 0040 0440 1162 43' },
    accountingSystem: 'e-conomic',
    membershipNumber: 'DAF-10452',
    consents: { terms: true, dataProcessing: true },
  };
}

/**
 * A Danish business debtor (B2B: renteloven § 9 a compensation applies) with two invoices in DKK,
 * due 20 and 13 days before `today`: the first reminder is due at once, so the story starts today.
 */
export function demoCaseBody(today: IsoDate): Record<string, unknown> {
  return {
    debtor: {
      type: 'business',
      name: 'Hansen Biler A/S',
      country: 'DK',
      address: { lines: ['Industrivej 4'], postalCode: '7100', city: 'Vejle', country: 'DK' },
      email: 'bogholderi@hansen-biler.example',
      language: 'da',
    },
    invoices: [
      { number: 'F-2041', issueDate: addDays(today, -34), dueDate: addDays(today, -20), amount: { amount: 750_000, currency: 'DKK' } },
      { number: 'F-2057', issueDate: addDays(today, -27), dueDate: addDays(today, -13), amount: { amount: 250_000, currency: 'DKK' } },
    ],
    reference: 'Kunde 4471',
  };
}

export function readDemoCase(dataDir: string): DemoCase | null {
  const file = join(dataDir, DEMO_CASE_FILE);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as DemoCase;
}

export function readDemoCredentials(dataDir: string): DemoCredentials | null {
  const file = join(dataDir, 'demo-keys.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials;
}

/**
 * The demo case: the one made before (if it still exists), or a new member and case when the demo
 * association has no case yet. `null` when it has cases of its own: the demo then leaves it alone.
 */
export async function ensureDemoCase(
  api: Api,
  auth: { credentials: DemoCredentials; operatorToken: string },
  dataDir: string,
  today: IsoDate,
): Promise<{ demo: DemoCase; created: boolean } | { demo: null; reason: string }> {
  const known = readDemoCase(dataDir);
  if (known) {
    const found = await api('GET', `/v1/cases/${known.caseId}`, { bearer: auth.operatorToken });
    if (found.status === 200) return { demo: known, created: false };
  }
  const cases = expect(await api('GET', '/v1/cases?limit=1', { bearer: auth.operatorToken }), 200, 'listing the demo association\'s cases');
  if (cases.data.length > 0) return { demo: null, reason: 'the demo association already has cases of its own: no demo case created' };

  const secret = auth.credentials.secretKey;
  const email = `mette+${randomBytes(3).toString('hex')}@jensens-auto.example`;
  const enrolment = memberEnrolment(email);
  const created = expect(await api('POST', '/v1/enrolments', { bearer: secret, body: enrolment }), 201, 'enrolling the demo member');
  expect(
    await api('POST', `/v1/enrolments/${created.id}/signature`, { bearer: secret, body: { name: 'Mette Jensen', consent: true, sha256: created.agreement.sha256 } }),
    200,
    'signing the demo member\'s agreement',
  );
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const session = expect(await api('POST', `/v1/enrolments/${created.id}/password`, { bearer: secret, body: { password } }), 201, 'setting the demo member\'s password');
  const made = expect(
    await api('POST', '/v1/cases', { bearer: session.token, body: demoCaseBody(today), idempotencyKey: randomUUID() }),
    201,
    'creating the demo case',
  );
  const demo: DemoCase = { caseId: made.id, number: made.number, debtorName: made.debtor.name, member: { company: 'Jensens Autoværksted ApS', email, password } };
  writeFileSync(join(dataDir, DEMO_CASE_FILE), `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return { demo, created: true };
}
