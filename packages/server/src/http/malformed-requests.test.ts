import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeEachDatabase, type TestServer } from '../testing/harness.js';
import { call, type CallOptions } from '../testing/http-client.js';
import { validEnrolment } from '../testing/fixtures.js';

const WRITTEN_TABLES = ['creditors', 'agreements', 'users', 'sessions', 'events', 'outbox_emails', 'password_reset_tokens'];

async function counts(server: TestServer): Promise<Record<string, number>> {
  const entries = await Promise.all(WRITTEN_TABLES.map(async (table) => [table, await server.count(table)] as const));
  return Object.fromEntries(entries);
}

const paths = (json: { error: { issues?: { path: string }[] } }) => (json.error.issues ?? []).map((issue) => issue.path);

describeEachDatabase('malformed requests give 4xx with the issue path and write nothing', (server) => {
  let secretKey = '';

  it('rejects bodies that are not JSON, not objects, or of the wrong content type', async () => {
    ({ secretKey } = await server().association());
    const before = await counts(server());
    const cases: { name: string; options: CallOptions; status: number; code: string }[] = [
      { name: 'truncated JSON', options: { rawBody: '{"company": {', contentType: 'application/json' }, status: 400, code: 'invalid_request' },
      { name: 'not JSON at all', options: { rawBody: 'company=Jensens', contentType: 'application/json' }, status: 400, code: 'invalid_request' },
      { name: 'empty JSON body', options: { rawBody: '', contentType: 'application/json' }, status: 400, code: 'invalid_request' },
      { name: 'form encoding', options: { rawBody: 'company=Jensens', contentType: 'application/x-www-form-urlencoded' }, status: 415, code: 'unsupported_media_type' },
      { name: 'plain text', options: { rawBody: '{}', contentType: 'text/plain' }, status: 415, code: 'unsupported_media_type' },
      { name: 'no body', options: {}, status: 400, code: 'invalid_request' },
      { name: 'null', options: { body: null }, status: 400, code: 'invalid_request' },
      { name: 'an array', options: { body: [validEnrolment()] }, status: 400, code: 'invalid_request' },
      { name: 'a string', options: { body: 'enrol me' }, status: 400, code: 'invalid_request' },
      { name: 'prototype pollution', options: { rawBody: '{"__proto__": {"admin": true}}', contentType: 'application/json' }, status: 400, code: 'invalid_request' },
      { name: 'invalid UTF-8', options: { rawBody: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), contentType: 'application/json' }, status: 400, code: 'invalid_request' },
      { name: 'over 1 MB', options: { body: { ...validEnrolment(), padding: 'x'.repeat(1_100_000) } }, status: 413, code: 'payload_too_large' },
    ];
    for (const { name, options, status, code } of cases) {
      const response = await call(server().url, 'POST', '/v1/enrolments', { bearer: secretKey, ...options });
      assert.equal(response.status, status, `${name}: ${JSON.stringify(response.json)}`);
      assert.equal(response.json.error.code, code, name);
      assert.ok(response.json.error.requestId, name);
    }
    assert.deepEqual(await counts(server()), before);
  });

  it('names the offending field with a dotted path', async () => {
    const before = await counts(server());
    const valid = validEnrolment();
    const cases: { name: string; body: unknown; expected: string[] }[] = [
      { name: 'invalid CVR (check digit)', body: { ...valid, company: { ...valid.company, nationalId: '13748137' } }, expected: ['company.nationalId'] },
      { name: 'company as a string', body: { ...valid, company: 'Jensens' }, expected: ['company'] },
      { name: 'company as an array', body: { ...valid, company: [valid.company] }, expected: ['company'] },
      { name: 'number for a name', body: { ...valid, company: { ...valid.company, name: 42 } }, expected: ['company.name'] },
      { name: 'huge name', body: { ...valid, company: { ...valid.company, name: 'Æ'.repeat(100_000) } }, expected: ['company.name'] },
      { name: 'company outside the law packs', body: { ...valid, company: { ...valid.company, country: 'DE', nationalId: 'HRB 1234' } }, expected: ['company.country'] },
      { name: 'bad IBAN', body: { ...valid, payoutAccount: { kind: 'iban', iban: 'DK5000400440116244' } }, expected: ['payoutAccount.iban'] },
      { name: 'bad Danish account', body: { ...valid, payoutAccount: { kind: 'dk_account', registrationNumber: '12', accountNumber: '1234567' } }, expected: ['payoutAccount.accountNumber'] },
      { name: 'bad bankgiro (Luhn)', body: { ...valid, payoutAccount: { kind: 'se_bankgiro', bankgiro: '5050-1056' } }, expected: ['payoutAccount.bankgiro'] },
      { name: 'unknown account kind', body: { ...valid, payoutAccount: { kind: 'paypal', email: 'x@y.z' } }, expected: ['payoutAccount.kind'] },
      { name: 'terms not accepted', body: { ...valid, consents: { terms: false, dataProcessing: true } }, expected: ['consents.terms'] },
      { name: 'unknown accounting system', body: { ...valid, accountingSystem: 'excel' }, expected: ['accountingSystem'] },
      { name: 'bad e-mail', body: { ...valid, contact: { ...valid.contact, email: 'mette at jensens' } }, expected: ['contact.email'] },
      { name: 'address lines as a string', body: { ...valid, address: { ...valid.address, lines: 'Værkstedsvej 12' } }, expected: ['address.lines'] },
    ];
    for (const { name, body, expected } of cases) {
      const response = await call(server().url, 'POST', '/v1/enrolments', { bearer: secretKey, body });
      assert.equal(response.status, 400, `${name}: ${JSON.stringify(response.json)}`);
      assert.deepEqual(paths(response.json), expected, name);
    }
    const empty = await call(server().url, 'POST', '/v1/enrolments', { bearer: secretKey, body: {} });
    assert.deepEqual(paths(empty.json).sort(), ['accountingSystem', 'address', 'company', 'consents', 'contact', 'payoutAccount']);
    assert.deepEqual(await counts(server()), before);
  });

  it('answers 404 for ids that cannot exist and 400 for bad login and reset bodies', async () => {
    const before = await counts(server());
    for (const id of ['not-a-uuid', '1', '%00', '..%2F..%2Fetc', '7B0D7E1E-3F4C-4C1A-9A55-2F7A8F0C1D2E']) {
      const response = await call(server().url, 'GET', `/v1/enrolments/${id}/agreement`, { bearer: secretKey });
      assert.equal(response.status, 404, id);
      assert.equal(response.json.error.code, 'not_found', id);
    }
    // Fastify refuses path parameters over 100 characters before routing: 414, still the error shape.
    const long = await call(server().url, 'GET', `/v1/enrolments/${'x'.repeat(5000)}/agreement`, { bearer: secretKey });
    assert.equal(long.status, 414);
    assert.equal(long.json.error.code, 'invalid_request');
    const login = await call(server().url, 'POST', '/v1/sessions', { bearer: secretKey, body: { email: ['a@b.c'], password: { $ne: null } } });
    assert.equal(login.status, 400);
    assert.deepEqual(paths(login.json), ['email', 'password']);
    const reset = await call(server().url, 'POST', '/v1/password-resets/rst_short', { bearer: secretKey, body: { password: 'x' } });
    assert.equal(reset.status, 404);
    assert.deepEqual(await counts(server()), before);
  });

  it('never answers 5xx, whatever JSON is posted to any route (fast-check)', async () => {
    const before = await counts(server());
    const routes = ['/v1/enrolments', '/v1/sessions', '/v1/password-resets', '/v1/quotes', `/v1/enrolments/${crypto.randomUUID()}/signature`, `/v1/enrolments/${crypto.randomUUID()}/password`];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue({ maxDepth: 4 }), async (route, body) => {
        const response = await call(server().url, 'POST', route, { bearer: secretKey, body });
        return response.status >= 400 && response.status < 500;
      }),
      { numRuns: 150 },
    );
    // A valid enrolment with one field replaced by anything: accepted or refused, never a crash.
    const fields = ['company', 'address', 'contact', 'payoutAccount', 'accountingSystem', 'membershipNumber', 'consents'];
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }), async (field, value) => {
        const response = await call(server().url, 'POST', '/v1/enrolments', { bearer: secretKey, body: { ...validEnrolment(), [field]: value } });
        if (response.status === 201) accepted += 1;
        return response.status === 201 || (response.status >= 400 && response.status < 500);
      }),
      { numRuns: 150 },
    );
    const after = await counts(server());
    assert.equal(after.creditors, before.creditors! + accepted, 'only accepted enrolments wrote a creditor');

    // Quotes: a valid claim with amounts, dates and countries drawn at random, within the schema or not.
    const invoice = fc.record({
      number: fc.string({ minLength: 1, maxLength: 8 }),
      issueDate: fc.constantFrom('2020-01-31', '2025-12-01', '2026-02-28', '2024-02-29', '1900-01-01', '2026-13-01'),
      dueDate: fc.constantFrom('2021-01-01', '2026-01-01', '2026-03-03', '2030-12-31', '2026-02-29'),
      amount: fc.record({ amount: fc.oneof(fc.integer({ min: -5, max: 2_000_000_000 }), fc.double()), currency: fc.constantFrom('DKK', 'SEK', 'NOK', 'EUR', 'USD') }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('DK', 'SE', 'NO', 'FI', 'DE'),
        fc.constantFrom('DK', 'SE', 'NO', 'FI', 'US', 'CN', 'XX'),
        fc.constantFrom('business', 'consumer'),
        fc.array(invoice, { minLength: 0, maxLength: 4 }),
        async (creditorCountry, debtorCountry, type, invoices) => {
          const address = { lines: ['Gade 1'], postalCode: '1000', city: 'By', country: debtorCountry };
          const debtor = type === 'business' ? { type, name: 'Kunde', country: debtorCountry, address } : { type, name: 'Kunde', address };
          const response = await call(server().url, 'POST', '/v1/quotes', { bearer: secretKey, body: { creditorCountry, debtor, invoices } });
          return response.status === 200 || (response.status >= 400 && response.status < 500);
        },
      ),
      { numRuns: 150 },
    );
  });
});
