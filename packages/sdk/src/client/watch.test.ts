import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { createClient } from './create-client.js';
import { isCollectkitApiError } from './errors.js';
import { recordingSleep, sendJson, serve, type ReceivedRequest, type TestServer } from './http-test-server.test.js';

const EventPageSchema = z.object({
  data: z.array(z.object({ id: z.string(), type: z.string() })),
  nextCursor: z.string().nullable(),
});
type CaseEvent = z.infer<typeof EventPageSchema>['data'][number];

/**
 * A long-poll events endpoint as the server should behave: answers at once when events after the
 * cursor exist, otherwise holds the request until `publish` or until `wait` seconds pass.
 */
function eventServer() {
  const events: CaseEvent[] = [];
  const waiting = new Set<{ after: string | null; res: ServerResponse }>();
  let open = 0;
  let maxOpen = 0;
  const pageAfter = (cursor: string | null) => {
    const start = cursor === null ? 0 : events.findIndex((e) => e.id === cursor) + 1;
    const data = events.slice(start);
    return { data, nextCursor: data.at(-1)?.id ?? cursor };
  };
  const handle = (req: ReceivedRequest, res: ServerResponse) => {
    const url = new URL(req.url, 'http://x');
    const cursor = url.searchParams.get('after');
    const page = pageAfter(cursor);
    if (page.data.length > 0) return sendJson(res, 200, page);
    open++;
    maxOpen = Math.max(maxOpen, open);
    const entry = { after: cursor, res };
    waiting.add(entry);
    const timer = setTimeout(() => answer(entry), Number(url.searchParams.get('wait')) * 1000);
    res.on('close', () => {
      clearTimeout(timer);
      if (waiting.delete(entry)) open--;
    });
  };
  const answer = (entry: { after: string | null; res: ServerResponse }) => {
    if (!waiting.delete(entry)) return;
    open--;
    sendJson(entry.res, 200, pageAfter(entry.after));
  };
  return {
    handle,
    publish(...added: CaseEvent[]) {
      events.push(...added);
      for (const entry of [...waiting]) answer(entry);
    },
    get maxOpen() {
      return maxOpen;
    },
    get open() {
      return open;
    },
  };
}

const servers: TestServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watch (long poll)', () => {
  it('delivers events as they are published, resuming from the cursor, with one request open at a time', async () => {
    const feed = eventServer();
    const s = await serve((req, res) => feed.handle(req, res));
    servers.push(s);
    const client = createClient({ apiBase: s.baseUrl, secretKey: 'sk_test' });
    const controller = new AbortController();
    const watcher = client.watch('v1/cases/cs_1/events', EventPageSchema, { signal: controller.signal, after: 'ev_0', waitSeconds: 5 });

    feed.publish({ id: 'ev_0', type: 'case.created' }); // before the cursor: must not be delivered
    const first = watcher.next();
    await settle(50);
    assert.equal(feed.open, 1, 'the request is held open while nothing is new');
    feed.publish({ id: 'ev_1', type: 'reminder.sent' }, { id: 'ev_2', type: 'fee.added' });
    assert.deepEqual((await first).value, { id: 'ev_1', type: 'reminder.sent' });
    assert.deepEqual((await watcher.next()).value, { id: 'ev_2', type: 'fee.added' });
    const third = watcher.next();
    await settle(50);
    feed.publish({ id: 'ev_3', type: 'stage.changed' });
    assert.deepEqual((await third).value, { id: 'ev_3', type: 'stage.changed' });
    controller.abort();

    const afters = s.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('after'));
    assert.deepEqual(afters, ['ev_0', 'ev_2']);
    assert.equal(new URL(s.requests[0]!.url, 'http://x').searchParams.get('wait'), '5');
    assert.equal(feed.maxOpen, 1);
  });

  it('ends promptly and quietly when the signal aborts while a request is held open', async () => {
    const feed = eventServer();
    const s = await serve((req, res) => feed.handle(req, res));
    servers.push(s);
    const client = createClient({ apiBase: s.baseUrl, token: 't' });
    const controller = new AbortController();
    const received: CaseEvent[] = [];
    const started = performance.now();
    const loop = (async () => {
      for await (const event of client.watch('v1/cases/cs_1/events', EventPageSchema, { signal: controller.signal })) received.push(event);
    })();
    await settle(50);
    assert.equal(feed.open, 1);
    controller.abort();
    await loop; // resolves: no error
    assert.ok(performance.now() - started < 1000, 'well before the 25 s wait');
    assert.deepEqual(received, []);
    await settle(20);
    assert.equal(feed.open, 0, 'the held request was closed');
  });

  it('backs off on network failures and resumes from the last cursor', async () => {
    let call = 0;
    const s = await serve((req, res) => {
      call++;
      if (call === 1) return sendJson(res, 200, { data: [{ id: 'ev_1', type: 'case.created' }], nextCursor: 'ev_1' });
      if (call === 2 || call === 3) return void res.socket?.destroy(); // connection dropped twice
      if (call === 4) return sendJson(res, 503, { error: { code: 'internal_error', message: 'restarting' } });
      sendJson(res, 200, { data: [{ id: 'ev_2', type: 'payment.received' }], nextCursor: 'ev_2' });
    });
    servers.push(s);
    const { sleep, waits } = recordingSleep();
    const client = createClient({ apiBase: s.baseUrl, token: 't', retry: { baseDelayMs: 1000, maxDelayMs: 30_000 }, random: () => 0.5, sleep });
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const event of client.watch('v1/cases/cs_1/events', EventPageSchema, { signal: controller.signal })) {
      seen.push(event.id);
      if (seen.length === 2) controller.abort();
    }
    assert.deepEqual(seen, ['ev_1', 'ev_2']);
    assert.deepEqual(
      s.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('after')),
      [null, 'ev_1', 'ev_1', 'ev_1', 'ev_1'],
    );
    // Full jitter at 0.5 on a 1 s base: 500, 1000, 2000 ms for the 1st, 2nd and 3rd consecutive failure.
    assert.deepEqual(waits, [500, 1000, 2000]);
  });

  it('does not turn into busy polling when empty pages come back at once', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { data: [], nextCursor: null }));
    servers.push(s);
    const controller = new AbortController();
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      if (waits.length === 3) controller.abort();
    };
    const client = createClient({ apiBase: s.baseUrl, token: 't', sleep, now: () => 0 });
    for await (const _ of client.watch('v1/cases/cs_1/events', EventPageSchema, { signal: controller.signal, minIntervalMs: 1000 }));
    assert.deepEqual(waits, [1000, 1000, 1000]);
    assert.equal(s.requests.length, 3);
  });

  it('throws what will not heal by waiting (401, 404)', async () => {
    const s = await serve((_req, res) => sendJson(res, 404, { error: { code: 'not_found', message: 'No such case.' } }));
    servers.push(s);
    const client = createClient({ apiBase: s.baseUrl, token: 't' });
    await assert.rejects(
      (async () => {
        for await (const _ of client.watch('v1/cases/cs_x/events', EventPageSchema));
      })(),
      (error: unknown) => isCollectkitApiError(error, 'not_found'),
    );
  });
});
