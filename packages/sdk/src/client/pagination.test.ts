import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { createClient } from './create-client.js';
import { isCollectkitApiError } from './errors.js';
import { sendJson, serve } from './http-test-server.test.js';
import { paginate } from './pagination.js';

const CasePageSchema = z.object({
  data: z.array(z.object({ id: z.string() })),
  nextCursor: z.string().nullable(),
});

// Seven cases served three per page: [1,2,3] → c3, [4,5,6] → c6, [7] → null.
const ids = ['cs_1', 'cs_2', 'cs_3', 'cs_4', 'cs_5', 'cs_6', 'cs_7'];
const server = await serve((req, res) => {
  const url = new URL(req.url, 'http://x');
  const cursor = url.searchParams.get('cursor');
  if (url.pathname === '/loop') return sendJson(res, 200, { data: [{ id: 'x' }], nextCursor: 'same' });
  const start = cursor === null ? 0 : ids.indexOf(cursor) + 1;
  const data = ids.slice(start, start + 3).map((id) => ({ id }));
  sendJson(res, 200, { data, nextCursor: start + 3 < ids.length ? ids[start + 2] : null });
});
after(() => server.close());

const client = createClient({ apiBase: server.baseUrl, token: 't' });
const listCases = (path = 'v1/cases') =>
  paginate((cursor) => client.request({ method: 'GET', path, query: { status: 'collection', cursor }, schema: CasePageSchema }));

describe('paginate', () => {
  it('iterates every item of three pages in order, fetching each page once', async () => {
    const before = server.requests.length;
    const seen: string[] = [];
    for await (const c of listCases()) seen.push(c.id);
    assert.deepEqual(seen, ids);
    assert.deepEqual(
      server.requests.slice(before).map((r) => r.url),
      ['/v1/cases?status=collection', '/v1/cases?status=collection&cursor=cs_3', '/v1/cases?status=collection&cursor=cs_6'],
    );
  });

  it('is awaitable for the first page only, and fetches nothing until used', async () => {
    const before = server.requests.length;
    const list = listCases();
    assert.equal(server.requests.length, before, 'lazy');
    const page = await list;
    assert.deepEqual(page, { data: [{ id: 'cs_1' }, { id: 'cs_2' }, { id: 'cs_3' }], nextCursor: 'cs_3' });
    assert.equal(server.requests.length, before + 1);
    // Iterating afterwards reuses the first page: 2 more requests, not 3.
    const sizes: number[] = [];
    for await (const p of list.pages()) sizes.push(p.data.length);
    assert.deepEqual(sizes, [3, 3, 1]);
    assert.equal(server.requests.length, before + 3);
  });

  it('stops early without fetching further pages when the loop breaks', async () => {
    const before = server.requests.length;
    for await (const c of listCases()) if (c.id === 'cs_2') break;
    assert.equal(server.requests.length, before + 1);
  });

  it('refuses a server that hands the same cursor back (would loop forever)', async () => {
    await assert.rejects(
      (async () => {
        for await (const _ of listCases('loop'));
      })(),
      (error: unknown) => isCollectkitApiError(error, 'invalid_response'),
    );
  });
});
