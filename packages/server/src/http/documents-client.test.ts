import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, isCollectkitApiError, isCollectkitInputError } from '@collectkit/sdk';
import { describeEachDatabase } from '../testing/harness.js';
import { enrolActiveMember } from '../testing/members.js';
import { caseBody, createdCase } from './case-test-fixtures.js';
import { EXE, PDF, sha256 } from './document-fixtures.js';


/** A fetch that records what was sent and can answer the first `failFirst` calls with a 503 itself. */
function recordingFetch(failFirst = 0) {
  const sent: { contentType: string | null; idempotencyKey: string | null }[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ contentType: request.headers.get('content-type'), idempotencyKey: request.headers.get('idempotency-key') });
    if (sent.length <= failFirst) return new Response('{"error":{"code":"unavailable","message":"try again"}}', { status: 503 });
    return fetch(request);
  };
  return { sent, fetch: fetchFn as typeof fetch };
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
      // fetch chose the multipart Content-Type with its boundary; no key was generated for the form.
      assert.equal(wire.sent.length, 1);
      assert.match(wire.sent[0]!.contentType ?? '', /^multipart\/form-data; boundary=/);
      assert.equal(wire.sent[0]!.idempotencyKey, null);

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

    it('does not retry a form upload after a 503 unless the caller sends an Idempotency-Key', async () => {
      const { url } = server();
      const a = await server().association();
      const member = await enrolActiveMember(url, a.secretKey);
      const created = await createdCase(url, member.token);
      const noWait = { random: () => 0, sleep: async () => {} };
      const file = () => new Blob([new Uint8Array(PDF)]);

      const once = recordingFetch(1);
      const plain = createClient({ apiBase: url, token: member.token, fetch: once.fetch, ...noWait });
      await assert.rejects(
        plain.documents.upload({ caseId: created.id, kind: 'invoice', file: file(), filename: 'a.pdf' }),
        (error: unknown) => isCollectkitApiError(error, 'server') && error.status === 503,
      );
      assert.equal(once.sent.length, 1, 'no retry without a key');

      const keyed = recordingFetch(1);
      const client = createClient({ apiBase: url, token: member.token, fetch: keyed.fetch, ...noWait });
      const document = await client.documents.upload({ caseId: created.id, kind: 'invoice', file: file(), filename: 'a.pdf' }, { idempotencyKey: 'upload-1' });
      assert.deepEqual(keyed.sent.map((s) => s.idempotencyKey), ['upload-1', 'upload-1']);
      // The retry sent the whole form again: the server stored the complete file.
      assert.equal(document.sha256, sha256(PDF));
      assert.match(keyed.sent[1]!.contentType ?? '', /^multipart\/form-data; boundary=/);
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
