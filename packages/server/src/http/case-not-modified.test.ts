import { it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { describeEachDatabase } from '../testing/harness.js';
import { enrolActiveMember } from '../testing/members.js';
import { createdCase } from './case-test-fixtures.js';

interface RawAnswer {
  status: number;
  /** Header names lower-cased, as they came over the socket (fetch would hide a Content-Length). */
  headers: Map<string, string>;
  body: Buffer;
}

/** One GET over a plain socket, reading the raw header lines of the answer. */
function rawGet(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const found = new Map<string, string>();
        for (let i = 0; i < res.rawHeaders.length; i += 2) found.set(res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!);
        resolve({ status: res.statusCode!, headers: found, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describeEachDatabase('GET /v1/cases/{id}: the 304 answer', (server) => {
  it('has no body, no Content-Length other than 0 and no content type (RFC 9110 §8.6, §15.4.5), and keeps ETag and Cache-Control', async () => {
    const { url } = server();
    const a = await server().association();
    const member = await enrolActiveMember(url, a.secretKey);
    const created = await createdCase(url, member.token);
    const auth = { authorization: `Bearer ${member.token}` };

    const full = await rawGet(`${url}/v1/cases/${created.id}`, auth);
    assert.equal(full.status, 200);
    const etag = full.headers.get('etag')!;
    assert.equal(etag, `"${created.id}-1"`);

    const notModified = await rawGet(`${url}/v1/cases/${created.id}`, { ...auth, 'if-none-match': etag });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.body.length, 0);
    // Before the fix the serialiser wrote `null`: Content-Length 4 and application/json.
    assert.ok(!notModified.headers.has('content-length') || notModified.headers.get('content-length') === '0', `content-length ${notModified.headers.get('content-length')}`);
    assert.equal(notModified.headers.has('content-type'), false, `content-type ${notModified.headers.get('content-type')}`);
    assert.equal(notModified.headers.has('transfer-encoding'), false);
    // What the 200 would have carried for caching, as RFC 9110 §15.4.5 asks.
    assert.equal(notModified.headers.get('etag'), etag);
    assert.equal(notModified.headers.get('cache-control'), full.headers.get('cache-control'));
  });
});
