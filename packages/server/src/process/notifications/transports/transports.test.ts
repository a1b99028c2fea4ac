import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { readPdfText } from '../../letters/pdf-text.js';
import { describeEachDatabase } from '../../../testing/harness.js';
import { createNotificationDispatcher } from '../dispatcher.js';
import { debtorIn, exampleInput } from '../notification-fixtures.js';
import { queueNotification } from '../queue-notification.js';
import { decodeHeader, parseMime } from './mime-for-tests.js';
import { smtpEmailTransport } from './email-transport.js';
import { notificationTransportsFromEnv } from './from-env.js';
import { httpSmsProvider } from './sms-provider.js';
import { DEMO_AGENCY_PROFILE } from '../agency-profile.js';

/** A real SMTP server on loopback that keeps what it receives. */
let smtp: SMTPServer;
let smtpPort = 0;
const received: { from: string; to: string[]; raw: string }[] = [];

/** A real HTTP SMS gateway on loopback: answers 202 with an id, or what `nextStatus` says. */
let gatewayUrl = '';
let closeGateway: () => Promise<void>;
const smsRequests: { auth: string | undefined; contentType: string | undefined; body: unknown }[] = [];
let nextStatus = 202;

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  const gateway = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    smsRequests.push({ auth: request.headers.authorization, contentType: request.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    response.writeHead(nextStatus, { 'content-type': 'application/json' }).end(JSON.stringify(nextStatus < 300 ? { id: `sms-${smsRequests.length}` } : { error: 'down' }));
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/v1/sms`;
  closeGateway = () => new Promise((resolve) => gateway.close(() => resolve()));
});

after(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await closeGateway();
});

describeEachDatabase('notification transports', (server) => {
  it('with nothing configured, e-mail, SMS and letter stay in the outbox', async () => {
    const s = server();
    const association = await s.association();
    const debtor = debtorIn('DK', { email: 'bogholderi@hansen-transport.example', phone: '+45 12 34 56 78' });
    const queued = await queueNotification(s.db, {
      associationId: association.associationId,
      caseId: null,
      channels: ['letter', 'email', 'sms'],
      notification: exampleInput('reminder', 'DK', debtor),
      dedupeKey: `outbox-only-${association.associationId}`,
      at: s.clock.now(),
    });
    assert.deepEqual(queued.queued.map((q) => q.channel), ['letter', 'email', 'sms']);
    const dispatcher = createNotificationDispatcher({ db: s.db, clock: s.clock });
    assert.equal(await dispatcher.runOnce(), 0);
    const rows = await s.db.query<{ channel: string; status: string; recipient: string }>(
      'SELECT channel, status, recipient FROM notifications WHERE association_id = $1 ORDER BY id',
      [association.associationId],
    );
    assert.deepEqual(rows.map((r) => [r.channel, r.status]), [['letter', 'queued'], ['email', 'queued'], ['sms', 'queued']]);
    assert.equal(rows[0]!.recipient, 'Hansen Transport A/S\nHavnegade 12, 2. tv.\n5000 Odense C\nDK');
    // The same step queued again (a retried transaction) adds nothing.
    const again = await queueNotification(s.db, {
      associationId: association.associationId,
      caseId: null,
      channels: ['letter', 'email', 'sms'],
      notification: exampleInput('reminder', 'DK', debtor),
      dedupeKey: `outbox-only-${association.associationId}`,
      at: s.clock.now(),
    });
    assert.deepEqual(again.queued, []);
    // Channels the debtor has no address for are skipped, not failed.
    const noContact = await queueNotification(s.db, {
      associationId: association.associationId,
      caseId: null,
      channels: ['email', 'sms'],
      notification: exampleInput('reminder'),
      dedupeKey: null,
      at: s.clock.now(),
    });
    assert.deepEqual(noContact, { queued: [], skipped: ['email', 'sms'] });
  });

  it('sends the e-mail through SMTP to a real server on loopback: subject, text, HTML and the letter PDF attached', async () => {
    const s = server();
    const association = await s.association();
    const debtor = debtorIn('DK', { email: 'bogholderi@hansen-transport.example' });
    await queueNotification(s.db, {
      associationId: association.associationId,
      caseId: null,
      channels: ['email'],
      notification: exampleInput('pre_collection_notice', 'DK', debtor),
      dedupeKey: null,
      at: s.clock.now(),
    });
    const email = smtpEmailTransport({ url: `smtp://127.0.0.1:${smtpPort}`, from: '"Collectkit Demo Inkasso" <inkasso@collectkit.example>' });
    const before = received.length;
    const dispatcher = createNotificationDispatcher({ db: s.db, clock: s.clock, email });
    try {
      assert.ok((await dispatcher.runOnce()) >= 1);
    } finally {
      email.close();
    }
    const mail = received.slice(before).find((m) => m.to.includes('bogholderi@hansen-transport.example'));
    assert.ok(mail, 'the SMTP server received it');
    assert.equal(mail.from, 'inkasso@collectkit.example');
    const { headers, parts } = parseMime(mail.raw);
    assert.equal(decodeHeader(headers.subject!), 'Inkassovarsel – 2026-000123');
    const text = parts.find((p) => p.contentType === 'text/plain')!.body.toString('utf8');
    assert.match(text, /Betal venligst 10\.142,74\skr\. senest 11\. februar 2026/);
    assert.match(text, /I alt at betale\s+10\.142,74\skr\./);
    const html = parts.find((p) => p.contentType === 'text/html')!.body.toString('utf8');
    assert.match(html, /<h1[^>]*>Inkassovarsel<\/h1>/);
    const pdf = parts.find((p) => p.contentType === 'application/pdf')!;
    assert.equal(pdf.filename, 'pre-collection-notice.pdf');
    const letter = await readPdfText(pdf.body);
    assert.match(letter.text, /I alt at betale +10\.142,74 kr\./);
    assert.match(letter.text, /Betales senest +11\. februar 2026/);
    const rows = await s.db.query<{ status: string; provider_id: string | null; sent_at: Date | null }>(
      `SELECT status, provider_id, sent_at FROM notifications WHERE association_id = $1`,
      [association.associationId],
    );
    assert.equal(rows[0]!.status, 'sent');
    assert.ok(rows[0]!.provider_id);
    assert.deepEqual(rows[0]!.sent_at, s.clock.now());
  });

  it('sends the SMS as JSON with a bearer token to an HTTP gateway; a failing gateway is retried, then failed', async () => {
    const s = server();
    const association = await s.association();
    const debtor = debtorIn('SE', { phone: '+46 70 123 45 67' });
    await queueNotification(s.db, { associationId: association.associationId, caseId: null, channels: ['sms'], notification: exampleInput('reminder', 'SE', debtor), dedupeKey: null, at: s.clock.now() });
    const sms = httpSmsProvider({ url: gatewayUrl, token: 'tok_123', sender: 'Inkasso' });
    const dispatcher = createNotificationDispatcher({ db: s.db, clock: s.clock, sms, retryDelaysMs: [60_000] });
    nextStatus = 202;
    const before = smsRequests.length;
    // (The first test's SMS, left in the outbox, goes out in this round too.)
    assert.ok((await dispatcher.runOnce()) >= 1);
    const index = smsRequests.findIndex((r, i) => i >= before && (r.body as { to: string }).to === '+46701234567');
    const request = smsRequests[index]!;
    assert.equal(request.auth, 'Bearer tok_123');
    assert.equal(request.contentType, 'application/json');
    const body = request.body as { to: string; text: string; from: string };
    assert.equal(body.to, '+46701234567');
    assert.equal(body.from, 'Inkasso');
    assert.match(body.text, /^Påminnelse 2, ärende 2026-000123: betala 10 043,84 kr senast 2026-02-11\. Ref\. 2026000123\d\./);
    const [sent] = await s.db.query<{ status: string; provider_id: string }>('SELECT status, provider_id FROM notifications WHERE association_id = $1', [association.associationId]);
    assert.deepEqual(sent, { status: 'sent', provider_id: `sms-${index + 1}` });

    // The gateway is down: one retry after 60 s, then failed for good.
    await queueNotification(s.db, { associationId: association.associationId, caseId: null, channels: ['sms'], notification: exampleInput('collection_letter', 'SE', debtor), dedupeKey: null, at: s.clock.now() });
    nextStatus = 503;
    assert.equal(await dispatcher.runOnce(), 1);
    const state = () =>
      s.db.query<{ status: string; attempts: number; last_error: string }>(
        `SELECT status, attempts, last_error FROM notifications WHERE association_id = $1 AND kind = 'collection_letter'`,
        [association.associationId],
      );
    assert.deepEqual((await state())[0], { status: 'queued', attempts: 1, last_error: 'SMS gateway answered 503: {"error":"down"}' });
    assert.equal(await dispatcher.runOnce(), 0, 'not due before the retry delay');
    s.clock.advance({ seconds: 61 });
    assert.equal(await dispatcher.runOnce(), 1);
    assert.equal((await state())[0]!.status, 'failed');
    nextStatus = 202;
  });
});

it('reads transports from the environment, and refuses half a configuration', () => {
  assert.deepEqual(notificationTransportsFromEnv({}, DEMO_AGENCY_PROFILE), { email: null, sms: null });
  const both = notificationTransportsFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', SMS_HTTP_URL: 'https://sms.example/send', SMS_HTTP_TOKEN: 't' }, DEMO_AGENCY_PROFILE);
  assert.ok(both.email && both.sms);
  both.email.close();
  assert.throws(() => notificationTransportsFromEnv({ SMS_HTTP_URL: 'https://sms.example/send' }, DEMO_AGENCY_PROFILE), /go together/);
  assert.throws(() => notificationTransportsFromEnv({ SMTP_URL: 'http://x' }, DEMO_AGENCY_PROFILE), /smtp:\/\//);
});
