import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createClient, type WebhookEndpoint } from '@collectkit/sdk';
import { describeEachDatabase } from '../testing/harness.js';
import { call } from '../testing/http-client.js';
import { enrolActiveMember } from '../testing/members.js';

describeEachDatabase(
  'webhook endpoints API',
  (server) => {
    it('creates, lists, reads and deletes endpoints; the secret is shown once', async () => {
      const { url } = server();
      const { secretKey } = await server().association();
      const created = await call(url, 'POST', '/v1/webhook-endpoints', {
        bearer: secretKey,
        body: { url: 'https://erp.example/collectkit', eventTypes: ['case.created', 'case.updated'], description: 'ERP sync' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      assert.match(created.json.secret, /^whsec_/);
      assert.deepEqual({ ...created.json, id: undefined, secret: undefined }, {
        id: undefined,
        secret: undefined,
        url: 'https://erp.example/collectkit',
        eventTypes: ['case.created', 'case.updated'],
        creditorId: null,
        description: 'ERP sync',
        createdAt: server().clock.now().toISOString(),
      });
      const one = await call(url, 'GET', `/v1/webhook-endpoints/${created.json.id}`, { bearer: secretKey });
      assert.equal(one.status, 200);
      assert.equal(one.json.secret, undefined, 'never shown again');
      const list = await call(url, 'GET', '/v1/webhook-endpoints', { bearer: secretKey });
      assert.deepEqual(list.json.data.map((e: { id: string }) => e.id), [created.json.id]);
      assert.equal(list.json.nextCursor, null);

      assert.equal((await call(url, 'DELETE', `/v1/webhook-endpoints/${created.json.id}`, { bearer: secretKey })).status, 204);
      assert.equal((await call(url, 'GET', `/v1/webhook-endpoints/${created.json.id}`, { bearer: secretKey })).status, 404);
      assert.equal((await call(url, 'DELETE', `/v1/webhook-endpoints/${created.json.id}`, { bearer: secretKey })).status, 404);
      assert.deepEqual((await call(url, 'GET', '/v1/webhook-endpoints', { bearer: secretKey })).json.data, []);
    });

    it('is driven by the SDK client: create, iterate every page, read the delivery log, delete', async () => {
      const { url } = server();
      const { secretKey } = await server().association();
      const client = createClient({ apiBase: url, secretKey });
      const made: string[] = [];
      for (let i = 0; i < 3; i++) made.push((await client.webhookEndpoints.create({ url: `https://erp.example/${i}`, eventTypes: ['payment.received'] })).id);
      const all: WebhookEndpoint[] = [];
      for await (const endpoint of client.webhookEndpoints.list({ limit: 2 })) all.push(endpoint);
      assert.deepEqual(all.map((e) => e.id), made);
      assert.equal((await client.webhookEndpoints.get(made[0]!)).url, 'https://erp.example/0');
      assert.deepEqual((await client.webhookEndpoints.deliveries(made[0]!)).data, []);
      await client.webhookEndpoints.delete(made[0]!);
      await assert.rejects(client.webhookEndpoints.get(made[0]!), { status: 404 });
    });

    it('pages the list with a cursor', async () => {
      const { url } = server();
      const { secretKey } = await server().association();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push((await call(url, 'POST', '/v1/webhook-endpoints', { bearer: secretKey, body: { url: `https://erp.example/${i}`, eventTypes: ['payout.created'] } })).json.id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { json: { data: { id: string }[]; nextCursor: string | null } } = await call(url, 'GET', `/v1/webhook-endpoints?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { bearer: secretKey });
        seen.push(...page.json.data.map((e) => e.id));
        cursor = page.json.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, ids);
      assert.equal((await call(url, 'GET', '/v1/webhook-endpoints?cursor=abc', { bearer: secretKey })).status, 400);
    });

    it('binds an endpoint to a creditor of the same association only', async () => {
      const { url } = server();
      const a = await server().association();
      const b = await server().association();
      const memberOfB = await enrolActiveMember(url, b.secretKey);
      const foreign = await call(url, 'POST', '/v1/webhook-endpoints', { bearer: a.secretKey, body: { url: 'https://x.example', eventTypes: ['payout.created'], creditorId: memberOfB.creditorId } });
      assert.equal(foreign.status, 400);
      assert.deepEqual(foreign.json.error.issues.map((i: { path: string }) => i.path), ['creditorId']);
      const own = await call(url, 'POST', '/v1/webhook-endpoints', { bearer: b.secretKey, body: { url: 'https://x.example', eventTypes: ['payout.created'], creditorId: memberOfB.creditorId } });
      assert.equal(own.status, 201);
      assert.equal(own.json.creditorId, memberOfB.creditorId);
    });

    it('keeps tenants apart and refuses members and publishable keys', async () => {
      const { url } = server();
      const a = await server().association();
      const b = await server().association();
      const created = await call(url, 'POST', '/v1/webhook-endpoints', { bearer: a.secretKey, body: { url: 'https://a.example/hook', eventTypes: ['payout.created'] } });
      const id = created.json.id;
      for (const [method, path] of [['GET', `/v1/webhook-endpoints/${id}`], ['GET', `/v1/webhook-endpoints/${id}/deliveries`], ['DELETE', `/v1/webhook-endpoints/${id}`]] as const) {
        assert.equal((await call(url, method, path, { bearer: b.secretKey })).status, 404, `${method} ${path}`);
      }
      assert.deepEqual((await call(url, 'GET', '/v1/webhook-endpoints', { bearer: b.secretKey })).json.data, []);
      assert.equal((await call(url, 'GET', '/v1/webhook-endpoints', { bearer: a.publishableKey })).status, 403);
      const member = await enrolActiveMember(url, a.secretKey);
      assert.equal((await call(url, 'GET', '/v1/webhook-endpoints', { bearer: member.token })).status, 403);
      assert.equal((await call(url, 'GET', '/v1/webhook-endpoints')).status, 401);
      assert.equal((await call(url, 'GET', `/v1/webhook-endpoints/${id}`, { bearer: a.secretKey })).status, 200, 'still there');
    });

    it('refuses http, credentials and internal addresses with 400 naming url, and writes nothing (SSRF)', async () => {
      const { url } = server();
      const { secretKey } = await server().association();
      const before = await server().count('webhook_endpoints');
      const refused: [string, RegExp][] = [
        ['http://127.0.0.1/hooks', /https/],
        ['http://erp.example/hooks', /https/],
        ['https://127.0.0.1/hooks', /internal address/],
        ['https://10.0.0.5/hooks', /internal address \(10\.0\.0\.5/],
        ['https://172.20.1.1/hooks', /internal address/],
        ['https://192.168.1.10:8443/hooks', /internal address/],
        ['https://169.254.169.254/latest/meta-data/', /internal address \(169\.254\.169\.254/],
        ['https://100.64.0.1/hooks', /internal address/],
        ['https://0.0.0.0/hooks', /internal address/],
        ['https://224.0.0.1/hooks', /internal address/],
        ['https://[::1]/hooks', /internal address \(::1/],
        ['https://[::]/hooks', /internal address/],
        ['https://[::ffff:127.0.0.1]/hooks', /internal address/],
        ['https://[::ffff:a9fe:a9fe]/hooks', /internal address/],
        ['https://[fd00::5]/hooks', /internal address/],
        ['https://[fe80::1]/hooks', /internal address/],
        ['https://[ff02::1]/hooks', /internal address/],
        // Forms the WHATWG parser turns into 127.0.0.1 / 10.0.0.1 before anything else sees them.
        ['https://2130706433/hooks', /internal address \(127\.0\.0\.1/],
        ['https://0x7f.1/hooks', /internal address \(127\.0\.0\.1/],
        ['https://012.0.0.1/hooks', /internal address \(10\.0\.0\.1/],
        ['https://localhost/hooks', /this machine/],
        ['https://LOCALHOST./hooks', /this machine/],
        ['https://api.localhost:8443/hooks', /this machine/],
        ['https://user:pass@erp.example/hooks', /user name or password/],
        ['https://user@erp.example/hooks', /user name or password/],
      ];
      for (const [hook, why] of refused) {
        const response = await call(url, 'POST', '/v1/webhook-endpoints', { bearer: secretKey, body: { url: hook, eventTypes: ['case.created'] } });
        assert.equal(response.status, 400, hook);
        assert.deepEqual(response.json.error.issues.map((i: { path: string }) => i.path), ['url'], hook);
        assert.match(response.json.error.issues[0].message, why, hook);
      }
      assert.equal(await server().count('webhook_endpoints'), before, 'nothing written');
      // Public literals and names pass; names are checked again at every delivery.
      for (const hook of ['https://93.184.215.14/hooks', 'https://[2606:4700::1111]/hooks', 'https://erp.example:8443/hooks']) {
        assert.equal((await call(url, 'POST', '/v1/webhook-endpoints', { bearer: secretKey, body: { url: hook, eventTypes: ['case.created'] } })).status, 201, hook);
      }
    });

    it('answers 4xx and writes nothing for malformed bodies', async () => {
      const { url } = server();
      const { secretKey } = await server().association();
      const before = await server().count('webhook_endpoints');
      const bad: unknown[] = [
        {},
        { url: 'ftp://x.example', eventTypes: ['case.created'] },
        { url: 'https://user:pw@x.example', eventTypes: ['case.created'] },
        { url: 'https://x.example', eventTypes: [] },
        { url: 'https://x.example', eventTypes: ['case.deleted'] },
        { url: 'https://x.example', eventTypes: ['case.created', 'case.created'] },
        { url: 'https://x.example', eventTypes: ['case.created'], creditorId: 'nope' },
        [],
        'text',
        null,
      ];
      for (const body of bad) {
        const response = await call(url, 'POST', '/v1/webhook-endpoints', { bearer: secretKey, body });
        assert.equal(response.status, 400, JSON.stringify(body));
      }
      assert.equal((await call(url, 'POST', '/v1/webhook-endpoints', { bearer: secretKey, rawBody: '{"url":', contentType: 'application/json' })).status, 400);
      assert.equal((await call(url, 'GET', '/v1/webhook-endpoints/not-a-uuid', { bearer: secretKey })).status, 404);
      assert.equal(await server().count('webhook_endpoints'), before);
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (body) => {
          const response = await call(url, 'POST', '/v1/webhook-endpoints', { bearer: secretKey, body: { url: 'https://x.example', eventTypes: body } });
          assert.ok(response.status < 500, `status ${response.status} for ${JSON.stringify(body)}`);
        }),
        { numRuns: 40 },
      );
    });
  },
  // Explicit: these tests prove the production default (no http, no internal targets) whatever the environment says.
  { webhookDelivery: false, webhookAllowPrivateTargets: false },
);
