import { it } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describeEachDatabase } from '../testing/harness.js';
import { systemClock } from '../clock.js';
import { queueNotification } from '../process/notifications/queue-notification.js';
import { debtorIn, exampleInput } from '../process/notifications/notification-fixtures.js';
import { readPdfText } from '../process/letters/pdf-text.js';
import { devMailboxEnabled, devMailboxRoutes } from './dev-mailbox.js';

describeEachDatabase('dev mailbox', (server) => {
  it('lists outbox e-mails, SMS and letters with their bodies, escaped, and serves the letter PDF', async () => {
    const s = server();
    const { associationId } = await s.association();
    const debtor = debtorIn('DK', { name: 'Hansen <Transport> & Søn', email: 'hansen@example.dk', phone: '+45 12 34 56 78' });
    const { queued } = await queueNotification(s.db, {
      associationId,
      caseId: null,
      channels: ['letter', 'email', 'sms'],
      notification: exampleInput('reminder', 'DK', debtor),
      dedupeKey: null,
      at: s.clock.now(),
    });
    const response = await fetch(`${s.url}/dev/mailbox`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/html/);
    assert.match(response.headers.get('content-security-policy')!, /default-src 'none'/);
    const html = await response.text();
    assert.ok(html.includes('Rykker – 2026-000123'), 'the e-mail subject');
    assert.ok(html.includes('Kære Hansen &lt;Transport&gt; &amp; Søn'), 'bodies are escaped');
    assert.ok(!html.includes('<Transport>'));
    assert.ok(html.includes('2. rykker, sag 2026-000123: betal 10.142,74 kr. senest 11.02.2026'), 'the SMS text');
    assert.ok(html.includes('<iframe sandbox'), 'the HTML part in a sandboxed frame');
    const letterId = queued.find((q) => q.channel === 'letter')!.id;
    assert.ok(html.includes(`href="/dev/mailbox/${letterId}/letter.pdf"`));

    const pdf = await fetch(`${s.url}/dev/mailbox/${letterId}/letter.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const { text } = await readPdfText(new Uint8Array(await pdf.arrayBuffer()));
    assert.match(text, /I alt at betale +10\.142,74 kr\./);
    assert.equal((await fetch(`${s.url}/dev/mailbox/999999999/letter.pdf`)).status, 404);
    assert.equal((await fetch(`${s.url}/dev/mailbox/abc/letter.pdf`)).status, 404); // an impossible id is simply not found
  });
});

it('exists outside production, in production only when COLLECTKIT_DEV_MAILBOX=1 turns it on', async () => {
  assert.equal(devMailboxEnabled({}), true);
  assert.equal(devMailboxEnabled({ NODE_ENV: 'development' }), true);
  assert.equal(devMailboxEnabled({ NODE_ENV: 'production' }), false);
  assert.equal(devMailboxEnabled({ NODE_ENV: 'production', COLLECTKIT_DEV_MAILBOX: '1' }), true);
  assert.equal(devMailboxEnabled({ NODE_ENV: 'test', COLLECTKIT_DEV_MAILBOX: '0' }), false);

  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(devMailboxRoutes, { clock: systemClock(), databaseKind: 'pglite', publicUrl: '', loginRateLimit: 10, env: { NODE_ENV: 'production' } });
  assert.equal((await app.inject({ method: 'GET', url: '/dev/mailbox' })).statusCode, 404);
  await app.close();
});
