import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isCollectkitApiError, isCollectkitInputError } from '@collectkit/sdk';
import { describeEachDatabase } from '../testing/harness.js';
import { enrolActiveMember } from '../testing/members.js';
import { caseBody, createdCase } from './case-test-fixtures.js';
import { EXE, PDF, sha256 } from './document-fixtures.js';


/**
 * A fetch that records what was sent. The first `failFirst` calls are answered with a 503 by the
 * fetch itself (the server never sees them); with `loseFirst`, the first `loseFirst` calls DO reach
 * the server, which stores the upload and answers, but the answer is dropped and the caller sees a
 * network failure, as when a connection breaks after the server committed.
 */
function recordingFetch(failFirst = 0, loseFirst = 0) {
  const sent: { contentType: string | null; idempotencyKey: string | null }[] = [];
  const lost: number[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ contentType: request.headers.get('content-type'), idempotencyKey: request.headers.get('idempotency-key') });
    if (sent.length <= failFirst) return new Response('{"error":{"code":"unavailable","message":"try again"}}', { status: 503 });
    if (sent.length <= loseFirst) {
      const response = await fetch(request);
      await response.arrayBuffer();
      lost.push(response.status);
      throw new TypeError('fetch failed');
    }
    return fetch(request);
  };
  return { sent, lost, fetch: fetchFn as typeof fetch };
}

describeEachDatabase(
  'documents through the SDK client',
  (server) => {
    it('uploads a PDF to a case as multipart and downloads the same bytes', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const wire = recordingFetch();
      const client = createClient({ apiBase: url, token: member.token, fetch: wire.fetch });

      const document = await client.documents.upload({
        caseId: created.id,
        kind: 'invoice',
        file: new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }),
        filename: 'faktura F-1001.pdf',
      });
      assert.equal(document.caseId, created.id);
      assert.equal(document.kind, 'invoice');
      assert.equal(document.filename, 'faktura F-1001.pdf');
      assert.equal(document.mediaType, 'application/pdf');
      assert.equal(document.size, PDF.length);
      assert.equal(document.sha256, sha256(PDF));
      // fetch chose the multipart Content-Type with its boundary; a key was generated for the upload.
      assert.equal(wire.sent.length, 1);
      assert.match(wire.sent[0]!.contentType ?? '', /^multipart\/form-data; boundary=/);
      assert.ok((wire.sent[0]!.idempotencyKey ?? '').length > 0, 'a generated Idempotency-Key');

      const listed = await client.documents.list(created.id);
      assert.deepEqual(listed.data.map((d) => d.id), [document.id]);
      const download = await fetch(`${url}/${client.documents.downloadPath(created.id, document.id)}`, {
        headers: { authorization: `Bearer ${member.token}` },
      });
      assert.equal(download.status, 200);
      assert.equal(download.headers.get('content-type'), 'application/pdf');
      assert.deepEqual(Buffer.from(await download.arrayBuffer()), PDF);
    });

    it('uploads before the case exists; the case that names it gets it', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const client = createClient({ apiBase: url, token: member.token });
      const early = await client.documents.upload({ kind: 'contract', file: new Blob([new Uint8Array(PDF)]), filename: 'kontrakt.pdf' });
      assert.equal(early.caseId, null);
      assert.equal(early.url, null);
      const created = await createdCase(url, member.token, caseBody({ documentIds: [early.id] }));
      const listed = await client.documents.list(created.id);
      assert.deepEqual(listed.data.map((d) => [d.id, d.sha256]), [[early.id, sha256(PDF)]]);
    });

    it('refuses an .exe renamed .pdf with the typed 415 error and stores nothing', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const client = createClient({ apiBase: url, token: member.token });
      const before = await server().count('documents');
      await assert.rejects(
        client.documents.upload({ caseId: created.id, kind: 'invoice', file: new Blob([new Uint8Array(EXE)], { type: 'application/pdf' }), filename: 'invoice.pdf' }),
        (error: unknown) =>
          isCollectkitApiError(error, 'invalid_request') && error.status === 415 && error.code === 'unsupported_media_type',
      );
      assert.equal(await server().count('documents'), before);
    });

    it('retries an upload after a 503 under one generated key; a caller\'s key is kept', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const noWait = { random: () => 0, sleep: async () => {} };
      const file = () => new Blob([new Uint8Array(PDF)]);

      const generated = recordingFetch(1);
      const plain = createClient({ apiBase: url, token: member.token, fetch: generated.fetch, ...noWait });
      const first = await plain.documents.upload({ caseId: created.id, kind: 'invoice', file: file(), filename: 'a.pdf' });
      assert.equal(generated.sent.length, 2, 'retried once');
      assert.ok(generated.sent[0]!.idempotencyKey);
      assert.equal(generated.sent[1]!.idempotencyKey, generated.sent[0]!.idempotencyKey, 'the same key on the retry');
      assert.equal(first.sha256, sha256(PDF));

      const keyed = recordingFetch(1);
      const client = createClient({ apiBase: url, token: member.token, fetch: keyed.fetch, ...noWait });
      const document = await client.documents.upload({ caseId: created.id, kind: 'invoice', file: file(), filename: 'a.pdf' }, { idempotencyKey: 'upload-1' });
      assert.deepEqual(keyed.sent.map((s) => s.idempotencyKey), ['upload-1', 'upload-1']);
      // The retry sent the whole form again: the server stored the complete file.
      assert.equal(document.sha256, sha256(PDF));
      assert.match(keyed.sent[1]!.contentType ?? '', /^multipart\/form-data; boundary=/);
      // Two calls, two keys: two documents (a key deduplicates retries of one call, not equal files).
      assert.notEqual(document.id, first.id);
    });

    it('retries an upload whose response was lost after the server stored it: the case ends with one document', async () => {
      const { url, db } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const wire = recordingFetch(0, 1);
      const client = createClient({ apiBase: url, token: member.token, fetch: wire.fetch, random: () => 0, sleep: async () => {} });

      const document = await client.documents.upload({ caseId: created.id, kind: 'invoice', file: new Blob([new Uint8Array(PDF)]), filename: 'a.pdf' });
      assert.deepEqual(wire.lost, [201], 'the first attempt was stored, its answer dropped');
      assert.equal(wire.sent.length, 2);
      assert.equal(wire.sent[1]!.idempotencyKey, wire.sent[0]!.idempotencyKey);
      const rows = await db.query<{ id: string }>('SELECT id FROM documents WHERE case_id = $1', [created.id]);
      assert.deepEqual(rows.map((r) => r.id), [document.id]);
      assert.deepEqual((await client.documents.list(created.id)).data.map((d) => d.id), [document.id]);

      // Before the case exists, likewise: one document, which the case then names.
      const early = recordingFetch(0, 1);
      const before = await server().count('documents');
      const earlyClient = createClient({ apiBase: url, token: member.token, fetch: early.fetch, random: () => 0, sleep: async () => {} });
      const contract = await earlyClient.documents.upload({ kind: 'contract', file: new Blob([new Uint8Array(PDF)]), filename: 'k.pdf' });
      assert.deepEqual(early.lost, [201]);
      assert.equal(await server().count('documents'), before + 1);
      const later = await createdCase(url, member.token, caseBody({ documentIds: [contract.id] }));
      assert.deepEqual(later.documentIds, [contract.id]);
    });

    it('throws CollectkitInputError naming the field for input it cannot send', async () => {
      const client = createClient({ apiBase: server().url, token: 'ses_unused' });
      const pdf = new Blob([new Uint8Array(PDF)]);
      const bad: [unknown, string][] = [
        [{ kind: 'receipt', file: pdf, filename: 'a.pdf' }, 'kind'],
        [{ kind: 'invoice', file: PDF.toString('latin1'), filename: 'a.pdf' }, 'file'],
        [{ kind: 'invoice', file: new Blob([]), filename: 'a.pdf' }, 'file'],
        [{ kind: 'invoice', file: pdf, filename: ' ' }, 'filename'],
        [{ caseId: '', kind: 'invoice', file: pdf, filename: 'a.pdf' }, 'caseId'],
      ];
      for (const [input, field] of bad) {
        assert.throws(
          () => client.documents.upload(input as never),
          (error: unknown) => isCollectkitInputError(error) && error.field === field,
          field,
        );
      }
    });
  },
  { webhookDelivery: false },
);
