import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentSchema, MAX_DOCUMENT_BYTES } from '@collectkit/sdk';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';
import { caseBody, createdCase, operatorToken } from './case-test-fixtures.js';
import { EXE, JPEG, PDF, PNG, sha256 } from './document-fixtures.js';


function form(parts: { name: string; value: string | Uint8Array; filename?: string; type?: string }[]): FormData {
  const data = new FormData();
  for (const part of parts) {
    if (typeof part.value === 'string' && part.filename === undefined) data.append(part.name, part.value);
    else data.append(part.name, new Blob([typeof part.value === 'string' ? part.value : new Uint8Array(part.value)], { type: part.type ?? 'application/octet-stream' }), part.filename ?? 'file');
  }
  return data;
}

async function upload(url: string, path: string, bearer: string, body: FormData | string, contentType?: string, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, ...extra };
  if (contentType) headers['content-type'] = contentType;
  const response = await fetch(`${url}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

/** A kind + file form, fresh for each request (a FormData is read once per send). */
const pdfForm = (bytes: Buffer = PDF, filename = 'faktura.pdf', kind = 'invoice', extra: { name: string; value: string }[] = []) =>
  form([{ name: 'kind', value: kind }, ...extra, { name: 'file', value: bytes, filename }]);

describeEachDatabase(
  'case documents',
  (server) => {
    it('stores a PDF, PNG, JPEG and plain text with their detected type and SHA-256, lists and downloads them', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const path = `/v1/cases/${created.id}/documents`;
      const files = [
        { kind: 'invoice', bytes: PDF, filename: 'faktura F-1001.pdf', declared: 'application/pdf', mediaType: 'application/pdf' },
        // The declared type and the name are ignored: the bytes decide.
        { kind: 'correspondence', bytes: PNG, filename: 'screenshot.txt', declared: 'text/plain', mediaType: 'image/png' },
        { kind: 'contract', bytes: JPEG, filename: 'kontrakt.jpg', declared: 'image/jpeg', mediaType: 'image/jpeg' },
        { kind: 'dispute', bytes: Buffer.from('Kunden bestrider fakturaen: varen var defekt. Ærgerligt.\n', 'utf8'), filename: 'note', declared: 'application/pdf', mediaType: 'text/plain' },
      ];
      const ids: string[] = [];
      for (const file of files) {
        const response = await upload(url, path, member.token, form([{ name: 'kind', value: file.kind }, { name: 'file', value: file.bytes, filename: file.filename, type: file.declared }]));
        assert.equal(response.status, 201, JSON.stringify(response.json));
        const document = DocumentSchema.parse(response.json);
        assert.equal(document.mediaType, file.mediaType);
        assert.equal(document.kind, file.kind);
        assert.equal(document.size, file.bytes.length);
        assert.equal(document.sha256, sha256(file.bytes));
        assert.equal(document.caseId, created.id);
        ids.push(document.id);
      }
      const list = await call(url, 'GET', path, { bearer: member.token });
      assert.equal(list.status, 200);
      assert.deepEqual(list.json.data.map((d: { id: string }) => d.id), ids);

      const pdf = await call(url, 'GET', `${path}/${ids[0]}`, { bearer: member.token });
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(pdf.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(pdf.headers.get('content-disposition'), `attachment; filename="faktura F-1001.pdf"; filename*=UTF-8''faktura%20F-1001.pdf`);
      assert.deepEqual(Buffer.from(pdf.bytes), PDF);
      const text = await call(url, 'GET', `${path}/${ids[3]}`, { bearer: a.secretKey });
      assert.equal(text.headers.get('content-type'), 'text/plain; charset=utf-8');
      assert.equal(Buffer.from(text.bytes).toString('utf8'), files[3]!.bytes.toString('utf8'));

      // The case names its documents and changed version; the timeline has one event per upload.
      const read = await call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token });
      assert.deepEqual(read.json.documentIds, ids);
      assert.equal(read.json.version, 1 + ids.length);
      const events = await call(url, 'GET', `/v1/cases/${created.id}/events`, { bearer: member.token });
      assert.deepEqual(events.json.data.map((e: { type: string }) => e.type), ['case.created', 'document.added', 'document.added', 'document.added', 'document.added']);
    });

    it('refuses an .exe renamed .pdf with 415, a file of 10 MB + 1 byte with 413, and writes nothing', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const path = `/v1/cases/${created.id}/documents`;
      const before = await server().count('documents');
      const exe = await upload(url, path, member.token, form([{ name: 'kind', value: 'invoice' }, { name: 'file', value: EXE, filename: 'invoice.pdf', type: 'application/pdf' }]));
      assert.equal(exe.status, 415);
      assert.equal(exe.json.error.code, 'unsupported_media_type');

      const tooBig = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x41); // 'A' × 10,485,761: valid text, one byte too many
      const big = await upload(url, path, member.token, form([{ name: 'kind', value: 'other' }, { name: 'file', value: tooBig, filename: 'big.txt', type: 'text/plain' }]));
      assert.equal(big.status, 413);
      assert.equal(big.json.error.code, 'payload_too_large');
      const exactly = await upload(url, path, member.token, form([{ name: 'kind', value: 'other' }, { name: 'file', value: tooBig.subarray(0, MAX_DOCUMENT_BYTES), filename: 'max.txt' }]));
      assert.equal(exactly.status, 201, 'exactly 10 MB is allowed');
      assert.equal(await server().count('documents'), before + 1);
    });

    it('answers 4xx for every malformed upload and writes nothing', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const path = `/v1/cases/${created.id}/documents`;
      const before = await server().count('documents');
      const cases: [FormData | string, string | undefined, number][] = [
        [form([{ name: 'kind', value: 'invoice' }]), undefined, 400], // no file
        [form([{ name: 'file', value: PDF, filename: 'a.pdf' }]), undefined, 400], // no kind
        [form([{ name: 'kind', value: 'receipt' }, { name: 'file', value: PDF, filename: 'a.pdf' }]), undefined, 400],
        [form([{ name: 'kind', value: 'invoice' }, { name: 'file', value: new Uint8Array(0), filename: 'empty.pdf' }]), undefined, 400],
        [form([{ name: 'kind', value: 'invoice' }, { name: 'file', value: PDF, filename: 'a.pdf' }, { name: 'file', value: PDF, filename: 'b.pdf' }]), undefined, 400],
        [form([{ name: 'kind', value: 'invoice' }, { name: 'attachment', value: PDF, filename: 'a.pdf' }]), undefined, 400],
        [form([{ name: 'kind', value: 'other' }, { name: 'file', value: Buffer.from('a\0b'), filename: 'nul.txt' }]), undefined, 415],
        [form([{ name: 'kind', value: 'other' }, { name: 'file', value: Buffer.from([0xc3, 0x28]), filename: 'bad-utf8.txt' }]), undefined, 415],
        [form([{ name: 'kind', value: 'other' }, { name: 'file', value: Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), filename: 'a.zip' }]), undefined, 415],
        ['{"kind":"invoice"}', 'application/json', 415],
        ['kind=invoice', 'text/plain', 415],
        ['--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\ninvoice\r\n--x', 'multipart/form-data; boundary=x', 400], // truncated
        ['garbage', 'multipart/form-data', 400], // no boundary
      ];
      for (const [body, contentType, expected] of cases) {
        const response = await upload(url, path, member.token, body, contentType);
        assert.ok(response.status >= 400 && response.status < 500, `${response.status} for ${String(body).slice(0, 40)}`);
        assert.equal(response.status, expected, JSON.stringify(response.json));
      }
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 30 }), async (bytes, kind) => {
          const response = await upload(url, path, member.token, form([{ name: 'kind', value: kind }, { name: 'file', value: bytes, filename: 'x' }]));
          assert.ok(response.status < 500, `status ${response.status}`);
        }),
        { numRuns: 40 },
      );
      const valid = await server().db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents WHERE case_id = $1`, [created.id]);
      assert.equal(await server().count('documents'), before + valid[0]!.n, 'only uploads that were accepted were stored');
    });

    it('keeps tenants apart: another creditor\'s or association\'s document is 404, as is a document of another case', async () => {
      const { url } = server();
      const a = await server().association();
      const b = await server().association();
      const alice = await enrolActiveMember(url, a.secretKey);
      const bob = await enrolActiveMember(url, a.secretKey);
      const carol = await enrolActiveMember(url, b.secretKey);
      const aliceCase = await createdCase(url, alice.token);
      const bobCase = await createdCase(url, bob.token);
      const uploaded = await upload(url, `/v1/cases/${aliceCase.id}/documents`, alice.token, form([{ name: 'kind', value: 'invoice' }, { name: 'file', value: PDF, filename: 'a.pdf' }]));
      const docPath = `/v1/cases/${aliceCase.id}/documents/${uploaded.json.id}`;
      assert.equal((await call(url, 'GET', docPath, { bearer: alice.token })).status, 200);
      assert.equal((await call(url, 'GET', docPath, { bearer: await operatorToken(server(), a) })).status, 200, "the association's operator");
      for (const [who, bearer] of [['another member', bob.token], ['another association\'s member', carol.token], ['another association\'s key', b.secretKey]] as const) {
        assert.equal((await call(url, 'GET', docPath, { bearer })).status, 404, who);
        assert.equal((await call(url, 'GET', `/v1/cases/${aliceCase.id}/documents`, { bearer })).status, 404, who);
        const sneaky = await upload(url, `/v1/cases/${aliceCase.id}/documents`, bearer, form([{ name: 'kind', value: 'invoice' }, { name: 'file', value: PDF, filename: 'a.pdf' }]));
        assert.equal(sneaky.status, 404, who);
      }
      // Bob's own case with Alice's document id: not there.
      assert.equal((await call(url, 'GET', `/v1/cases/${bobCase.id}/documents/${uploaded.json.id}`, { bearer: bob.token })).status, 404);
      assert.equal((await call(url, 'GET', `/v1/cases/${aliceCase.id}/documents/doc_000000000000000000000000`, { bearer: alice.token })).status, 404);
      assert.equal((await call(url, 'GET', `/v1/cases/${aliceCase.id}/documents/../../x`, { bearer: alice.token })).status, 404);
      assert.equal((await call(url, 'GET', `/v1/cases/${aliceCase.id}/documents`, { bearer: a.publishableKey })).status, 401); // no member session
    });

    it('uploads before the case exists and gives the document to the case that names it, once', async () => {
      const { url, db } = server();
      const a = await server().association();
      const alice = await enrolActiveMember(url, a.secretKey);
      const bob = await enrolActiveMember(url, a.secretKey);
      const early = await upload(url, '/v1/documents', alice.token, form([{ name: 'file', value: PDF, filename: 'faktura.pdf' }, { name: 'kind', value: 'invoice' }]));
      assert.equal(early.status, 201, JSON.stringify(early.json));
      assert.equal(early.json.caseId, null);
      assert.equal(early.json.url, null);
      const forBob = await upload(url, '/v1/documents', a.secretKey, form([{ name: 'kind', value: 'invoice' }, { name: 'creditorId', value: bob.creditorId }, { name: 'file', value: PDF, filename: 'b.pdf' }]));
      assert.equal(forBob.status, 201);
      const foreign = await upload(url, '/v1/documents', a.secretKey, form([{ name: 'kind', value: 'invoice' }, { name: 'creditorId', value: 'nope' }, { name: 'file', value: PDF, filename: 'b.pdf' }]));
      assert.equal(foreign.status, 400);

      // POST /v1/cases attaches documents uploaded before it, in the creating transaction.
      const aliceCase = await createdCase(url, alice.token, caseBody({ documentIds: [early.json.id] }));
      assert.deepEqual(aliceCase.documentIds, [early.json.id]);
      const download = await call(url, 'GET', `/v1/cases/${aliceCase.id}/documents/${early.json.id}`, { bearer: alice.token });
      assert.equal(download.status, 200);
      assert.deepEqual(Buffer.from(download.bytes), PDF);
      // Not twice, not Bob's document on Alice's case, not an unknown id, not one id twice: 400 naming the entry, no case made.
      const casesBefore = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
      for (const ids of [[early.json.id], [forBob.json.id], ['doc_000000000000000000000000'], [early.json.id, early.json.id]]) {
        const refused = await call(url, 'POST', '/v1/cases', {
          bearer: alice.token,
          headers: { 'idempotency-key': randomUUID() },
          body: caseBody({ documentIds: ids }),
        });
        assert.equal(refused.status, 400, JSON.stringify(refused.json));
        assert.match(refused.json.error.issues[0].path, /^documentIds/);
      }
      const casesAfter = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
      assert.deepEqual(casesAfter, casesBefore);
      const owners = await db.query<{ id: string; case_id: string | null }>('SELECT id, case_id FROM documents WHERE id = ANY ($1::text[]) ORDER BY id', [[early.json.id, forBob.json.id]]);
      assert.deepEqual(Object.fromEntries(owners.map((o) => [o.id, o.case_id])), { [early.json.id]: aliceCase.id, [forBob.json.id]: null });
    });

    it('replays an upload under the same Idempotency-Key: same document, one row, one event, case version bumped once', async () => {
      const { url, db } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const path = `/v1/cases/${created.id}/documents`;
      const key = { 'idempotency-key': randomUUID() };
      const first = await upload(url, path, member.token, pdfForm(), undefined, key);
      assert.equal(first.status, 201, JSON.stringify(first.json));
      assert.equal(first.headers.get('idempotent-replayed'), null);
      const again = await upload(url, path, member.token, pdfForm(), undefined, key);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(again.headers.get('location'), `${path}/${first.json.id}`);
      assert.deepEqual(again.json, first.json);
      const rows = await db.query<{ id: string }>('SELECT id FROM documents WHERE case_id = $1', [created.id]);
      assert.deepEqual(rows.map((r) => r.id), [first.json.id]);
      const read = await call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token });
      assert.deepEqual(read.json.documentIds, [first.json.id]);
      assert.equal(read.json.version, 2);
      const events = await call(url, 'GET', `/v1/cases/${created.id}/events`, { bearer: member.token });
      assert.deepEqual(events.json.data.map((e: { type: string }) => e.type), ['case.created', 'document.added']);
      // Without a key each upload is its own document, as before.
      const plainA = await upload(url, path, member.token, pdfForm());
      const plainB = await upload(url, path, member.token, pdfForm());
      assert.notEqual(plainA.json.id, plainB.json.id);
      // A malformed key is a 400 naming the header.
      const badKey = await upload(url, path, member.token, pdfForm(), undefined, { 'idempotency-key': 'two words' });
      assert.equal(badKey.status, 400, JSON.stringify(badKey.json));
      assert.equal(badKey.json.error.issues[0].path, 'idempotency-key');
    });

    it('refuses the same key with another file, kind, name or target with 409 and writes nothing', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const other = await createdCase(url, member.token);
      const path = `/v1/cases/${created.id}/documents`;
      const key = { 'idempotency-key': randomUUID() };
      assert.equal((await upload(url, path, member.token, pdfForm(), undefined, key)).status, 201);
      const before = { documents: await server().count('documents'), events: await server().count('events') };
      const variants: [string, FormData][] = [
        [path, pdfForm(PNG)],
        [path, pdfForm(Buffer.concat([PDF, Buffer.from('\n')]))],
        [path, pdfForm(PDF, 'other.pdf')],
        [path, pdfForm(PDF, 'faktura.pdf', 'contract')],
        [`/v1/cases/${other.id}/documents`, pdfForm()],
        ['/v1/documents', pdfForm()],
      ];
      for (const [target, body] of variants) {
        const refused = await upload(url, target, member.token, body, undefined, key);
        assert.equal(refused.status, 409, `${target}: ${JSON.stringify(refused.json)}`);
        assert.equal(refused.json.error.code, 'idempotency_key_reused');
      }
      assert.deepEqual({ documents: await server().count('documents'), events: await server().count('events') }, before);
      // Keys are per caller: the association's secret key may use the same key for its own upload.
      assert.equal((await upload(url, path, a.secretKey, pdfForm(PNG), undefined, key)).status, 201);
    });

    it('stores one document for 10 concurrent identical uploads under one key, to a case and before a case', async () => {
      const { url, db } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const toCase = { 'idempotency-key': randomUUID() };
      const answers = await Promise.all(Array.from({ length: 10 }, () => upload(url, `/v1/cases/${created.id}/documents`, member.token, pdfForm(), undefined, toCase)));
      assert.deepEqual(answers.map((r) => r.status), Array(10).fill(201), JSON.stringify(answers.map((r) => r.json)));
      assert.equal(new Set(answers.map((r) => r.json.id)).size, 1);
      assert.equal(answers.filter((r) => r.headers.get('idempotent-replayed') === null).length, 1);
      assert.deepEqual((await db.query<{ id: string }>('SELECT id FROM documents WHERE case_id = $1', [created.id])).map((r) => r.id), [answers[0]!.json.id]);
      const read = await call(url, 'GET', `/v1/cases/${created.id}`, { bearer: member.token });
      assert.deepEqual(read.json.documentIds, [answers[0]!.json.id]);

      // Before the case: the form field creditorId is part of the fingerprint.
      const early = { 'idempotency-key': randomUUID() };
      const creditorField = [{ name: 'creditorId', value: member.creditorId }];
      const before = await server().count('documents');
      const earlyAnswers = await Promise.all(Array.from({ length: 10 }, () => upload(url, '/v1/documents', a.secretKey, pdfForm(PDF, 'k.pdf', 'contract', creditorField), undefined, early)));
      assert.deepEqual(earlyAnswers.map((r) => r.status), Array(10).fill(201), JSON.stringify(earlyAnswers.map((r) => r.json)));
      assert.equal(new Set(earlyAnswers.map((r) => r.json.id)).size, 1);
      assert.equal(await server().count('documents'), before + 1);
      const noCreditor = await upload(url, '/v1/documents', a.secretKey, pdfForm(PDF, 'k.pdf', 'contract'), undefined, early);
      assert.equal(noCreditor.status, 409);
      assert.equal(await server().count('documents'), before + 1);
    });
  },
  { webhookDelivery: false },
);
