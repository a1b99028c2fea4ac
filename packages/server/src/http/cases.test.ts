import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CaseSchema } from '@collectkit/sdk';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { caseBody, createCase, createdCase, danishDebtor, invoice, operatorToken } from './case-test-fixtures.js';

describeEachDatabase('cases: create, read, list, invoices', (server) => {
  it('creates a case with the quote recomputed under the association plan and locked, and reads it back', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const response = await createCase(url, member.token, caseBody({ reference: 'KUNDE-77' }));
    assert.equal(response.status, 201, JSON.stringify(response.json));
    const created = CaseSchema.parse(response.json);
    assert.match(created.id, /^cs_[0-9a-f]{24}$/);
    assert.equal(created.number, '2026-000001'); // first case of this association in 2026
    assert.equal(created.stage, 'submitted');
    assert.equal(created.creditorId, member.creditorId);
    assert.equal(created.reference, 'KUNDE-77');
    assert.deepEqual(created.documentIds, []);
    // DKK 10,000.00 outstanding on one invoice = 1,000,000 øre claimed and owed.
    assert.deepEqual(created.totals, { principal: { amount: 1_000_000, currency: 'DKK' }, outstanding: { amount: 1_000_000, currency: 'DKK' } });
    // The association's plan (association-member: no registration fee, commission waived while amicable), as of the server's today.
    assert.equal(created.quote.planId, 'association-member');
    assert.equal(created.quote.asOf, '2026-03-03');
    assert.deepEqual(created.quote.principal, { amount: 1_000_000, currency: 'DKK' });
    assert.equal(created.quote.creditorPays.total.amount, 0);
    assert.equal(created.quote.commission.waived, true);
    assert.equal(response.headers.get('etag'), `"${created.id}-1"`);
    assert.equal(response.headers.get('location'), `/v1/cases/${created.id}`);

    const read = await call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token });
    assert.equal(read.status, 200);
    assert.deepEqual(read.json, response.json);

    const events = await call(url, 'GET', `/v1/cases/${created.id}/events`, { bearer: member.token });
    assert.deepEqual(events.json.data.map((event: { type: string }) => event.type), ['case.created']);
    assert.equal(events.json.data[0].data.number, '2026-000001');
    const second = await createdCase(url, member.token);
    assert.equal(second.number, '2026-000002');
  });

  it('takes the creditor from the body with a secret key, requires it there, and never shows a consumer\'s personal id', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const consumer = { type: 'consumer', name: 'Ole Olsen', personalId: '010190-1234', address: { lines: ['Skovvej 1'], postalCode: '2800', city: 'Lyngby', country: 'DK' } };
    const missing = await createCase(url, a.secretKey, caseBody({ debtor: consumer }));
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.json.error.issues.map((issue: { path: string }) => issue.path), ['creditorId']);
    const unknownCreditor = await createCase(url, a.secretKey, caseBody({ debtor: consumer, creditorId: randomUUID() }));
    assert.equal(unknownCreditor.status, 400);
    const created = await createCase(url, a.secretKey, caseBody({ debtor: consumer, creditorId: member.creditorId }));
    assert.equal(created.status, 201, JSON.stringify(created.json));
    assert.equal(created.json.creditorId, member.creditorId);
    assert.equal(created.json.debtor.personalId, undefined);
    assert.equal(created.json.debtor.name, 'Ole Olsen');
    const stored = await server().db.query<{ debtor: { personalId: string } }>('SELECT debtor FROM cases WHERE id = $1', [created.json.id]);
    assert.equal(stored[0]!.debtor.personalId, '010190-1234');
  });

  it('lists newest first with stage, name and date filters, in pages of `limit` with a cursor', async () => {
    const { url, clock } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const names = ['Hansen Biler A/S', 'Jensen VVS ApS', 'Hansen & Søn I/S', 'Nielsen Tømrer ApS', 'Petersen Biler A/S'];
    const ids: string[] = [];
    for (const name of names) {
      ids.push((await createdCase(url, member.token, caseBody({ debtor: danishDebtor(name) }))).id);
      clock.advance({ days: 1 });
    }
    // Created 3, 4, 5, 6 and 7 March 2026; newest first.
    const pages: string[][] = [];
    let cursor: string | null | undefined;
    do {
      const query: string = `/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call(url, 'GET', query, { bearer: member.token });
      assert.equal(page.status, 200, JSON.stringify(page.json));
      pages.push(page.json.data.map((c: { id: string }) => c.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    assert.deepEqual(pages, [[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]]]);

    const hansen = await call(url, 'GET', '/v1/cases?q=hansen', { bearer: member.token });
    assert.deepEqual(hansen.json.data.map((c: { debtorName: string }) => c.debtorName), ['Hansen & Søn I/S', 'Hansen Biler A/S']);
    // % and _ are searched for literally, not as wildcards.
    assert.equal((await call(url, 'GET', '/v1/cases?q=%25', { bearer: member.token })).json.data.length, 0);
    const biler = await call(url, 'GET', '/v1/cases?q=BILER&createdFrom=2026-03-04', { bearer: member.token });
    assert.deepEqual(biler.json.data.map((c: { id: string }) => c.id), [ids[4]]);
    const window = await call(url, 'GET', '/v1/cases?createdFrom=2026-03-04&createdTo=2026-03-05', { bearer: member.token });
    assert.deepEqual(window.json.data.map((c: { id: string }) => c.id), [ids[2], ids[1]]);

    const operator = await operatorToken(server(), a);
    assert.equal((await call(url, 'POST', `/v1/cases/${ids[1]}/stage`, { bearer: operator, body: { stage: 'reminder', reason: 'no answer' } })).status, 200);
    const reminders = await call(url, 'GET', '/v1/cases?stage=reminder', { bearer: member.token });
    assert.deepEqual(reminders.json.data.map((c: { id: string }) => c.id), [ids[1]]);

    for (const bad of ['limit=101', 'limit=0', 'stage=lost', 'createdFrom=2026-02-30', 'cursor=bm90LWEtY3Vyc29y', 'cursor=%F0%9F%92%A9', 'createdFrom=2026-03-05&createdTo=2026-03-04']) {
      const response = await call(url, 'GET', `/v1/cases?${bad}`, { bearer: member.token });
      assert.equal(response.status, 400, bad);
    }
  });

  it('answers If-None-Match with 304 and no body until the case changes', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const created = await createdCase(url, member.token);
    const first = await call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token });
    const etag = first.headers.get('etag')!;
    assert.equal(etag, `"${created.id}-1"`);
    const unchanged = await call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token, headers: { 'if-none-match': etag } });
    assert.equal(unchanged.status, 304);
    assert.equal(unchanged.bytes.length, 0);
    assert.equal((await call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token, headers: { 'if-none-match': `W/${etag}` } })).status, 304);

    await call(url, 'POST', `/v1/cases/${created.id}/messages`, { bearer: member.token, body: { body: 'Debitor har ringet.' } });
    const changed = await call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token, headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.equal(changed.headers.get('etag'), `"${created.id}-2"`);
    assert.equal(changed.json.version, 2);
  });

  it('adds invoices in the case currency, re-quotes, bumps the version and records invoices.added', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const created = await createdCase(url, member.token);
    const partlyPaid = { ...invoice('F-1002', 250_000), outstanding: { amount: 200_000, currency: 'DKK' } };
    const response = await call(url, 'POST', `/v1/cases/${created.id}/invoices`, { bearer: member.token, body: { invoices: [partlyPaid] } });
    assert.equal(response.status, 200, JSON.stringify(response.json));
    // 1,000,000 + the 200,000 øre still outstanding on F-1002 (its amount is 250,000).
    assert.deepEqual(response.json.totals.principal, { amount: 1_200_000, currency: 'DKK' });
    assert.deepEqual(response.json.quote.principal, { amount: 1_200_000, currency: 'DKK' });
    assert.equal(response.json.quote.invoiceCount, 2);
    assert.deepEqual(response.json.invoices.map((i: { number: string }) => i.number), ['F-1001', 'F-1002']);
    assert.equal(response.json.version, 2);

    const before = { invoices: await server().count('case_invoices'), events: await server().count('events') };
    const euro = await call(url, 'POST', `/v1/cases/${created.id}/invoices`, { bearer: member.token, body: { invoices: [invoice('F-1003', 1000, 'EUR')] } });
    assert.equal(euro.status, 400);
    assert.equal(euro.json.error.issues[0].path, 'invoices.0.amount.currency');
    assert.deepEqual({ invoices: await server().count('case_invoices'), events: await server().count('events') }, before);
    const events = await call(url, 'GET', `/v1/cases/${created.id}/events`, { bearer: member.token });
    assert.deepEqual(events.json.data.map((e: { type: string }) => e.type), ['case.created', 'invoices.added']);
    assert.deepEqual(events.json.data[1].data.principalAdded, { amount: 200_000, currency: 'DKK' });
  });
});

describeEachDatabase('cases: Idempotency-Key', (server) => {
  it('replays the first response for the same key and body, refuses another body with 409, and requires the header', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const key = randomUUID();
    const first = await createCase(url, member.token, caseBody(), key);
    assert.equal(first.status, 201);
    // Same body with the keys in another order: the same request.
    const body = caseBody();
    const reordered = { invoices: body.invoices, debtor: body.debtor };
    const again = await createCase(url, member.token, reordered, key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.json, first.json);

    const cases = await server().count('cases');
    const other = await createCase(url, member.token, caseBody({ reference: 'another' }), key);
    assert.equal(other.status, 409);
    assert.equal(other.json.error.code, 'idempotency_key_reused');
    assert.equal(await server().count('cases'), cases);

    const without = await call(url, 'POST', '/v1/cases', { bearer: member.token, body: caseBody() });
    assert.equal(without.status, 400);
    assert.deepEqual(without.json.error.issues.map((issue: { path: string }) => issue.path), ['idempotency-key']);
    assert.equal(await server().count('cases'), cases);

    // Keys belong to their caller: another creditor's identical key and body is its own request.
    const otherMember = await enrolActiveMember(url, a.secretKey);
    const theirs = await createCase(url, otherMember.token, caseBody(), key);
    assert.equal(theirs.status, 201);
    assert.notEqual(theirs.json.id, first.json.id);
    assert.equal(theirs.json.creditorId, otherMember.creditorId);
  });

  it('makes exactly one case and one case.created event from 50 concurrent identical POSTs', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 50 }, () => createCase(url, member.token, caseBody(), key)));
    assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([201]));
    assert.equal(new Set(responses.map((r) => r.json.id)).size, 1);
    const rows = await server().db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE association_id = $1', [a.associationId]);
    assert.equal(rows[0]!.n, 1);
    const created = await server().db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE association_id = $1 AND type = 'case.created'`,
      [a.associationId],
    );
    assert.equal(created[0]!.n, 1);
  });
});

describeEachDatabase('cases: malformed requests write nothing', (server) => {
  it('answers 4xx to every malformed body and leaves cases, invoices, events and keys untouched', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const valid = caseBody();
    const bodies: unknown[] = [
      null,
      [],
      'a case',
      42,
      {},
      { ...valid, debtor: undefined },
      { ...valid, invoices: [] },
      { ...valid, invoices: 'F-1001' },
      { ...valid, invoices: [invoice('F-1', 1000), invoice('F-2', 1000, 'SEK')] },
      { ...valid, invoices: [{ ...invoice('F-1'), dueDate: '2025-12-01' }] },
      { ...valid, invoices: [{ ...invoice('F-1'), amount: { amount: 10.5, currency: 'DKK' } }] },
      { ...valid, invoices: [{ ...invoice('F-1'), amount: { amount: -1, currency: 'DKK' } }] },
      { ...valid, invoices: [{ ...invoice('F-1'), amount: { amount: 100, currency: 'XXX' } }] },
      { ...valid, invoices: [{ ...invoice('F-1'), outstanding: { amount: 2_000_000, currency: 'DKK' } }] },
      { ...valid, invoices: Array.from({ length: 501 }, (_, i) => invoice(`F-${i}`)) },
      { ...valid, debtor: { ...danishDebtor(), type: 'robot' } },
      { ...valid, debtor: { ...danishDebtor(), nationalId: '12345678' } },
      { ...valid, debtor: { ...danishDebtor(), country: 'Denmark' } },
      { ...valid, reference: 'x'.repeat(101) },
      { ...valid, documentIds: 'doc_1' },
      { ...valid, creditorId: 'not-a-uuid' },
      { ...valid, discountCode: 'NO-SUCH-CODE' },
    ];
    const counts = async () => ({
      cases: await server().count('cases'),
      invoices: await server().count('case_invoices'),
      events: await server().count('events'),
      keys: await server().count('idempotency_keys'),
    });
    const before = await counts();
    for (const body of bodies) {
      const response = await createCase(url, member.token, body);
      assert.ok(response.status >= 400 && response.status < 500, `${response.status} for ${JSON.stringify(body)?.slice(0, 120)}`);
      assert.equal(typeof response.json.error.code, 'string');
    }
    for (const raw of ['{"debtor":', 'not json', '']) {
      const response = await call(url, 'POST', '/v1/cases', { bearer: member.token, rawBody: raw, contentType: 'application/json', headers: { 'idempotency-key': randomUUID() } });
      assert.equal(response.status, 400, raw);
    }
    const plain = await call(url, 'POST', '/v1/cases', { bearer: member.token, rawBody: 'debtor', contentType: 'text/plain', headers: { 'idempotency-key': randomUUID() } });
    assert.equal(plain.status, 415);
    assert.deepEqual(await counts(), before);
  });
});
