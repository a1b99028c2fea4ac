import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { escapeHtml } from '../process/notifications/render-email.js';
import { letterPdfOf } from '../process/letters/queued-letters.js';
import { listNotifications } from '../process/notifications/notification-outbox.js';
import type { RouteOptions } from './route-options.js';

/**
 * `/dev/mailbox`: every e-mail, SMS and letter in the outbox, newest first, with the e-mail's text
 * and HTML, the SMS text and a link to the letter PDF — so that a developer (and the demo) can read
 * what debtors would receive without an SMTP server. It shows every tenant's messages, so it exists
 * only outside production, unless COLLECTKIT_DEV_MAILBOX=1 turns it on (=0 turns it off anywhere).
 */
export function devMailboxEnabled(env: NodeJS.ProcessEnv): boolean {
  if (env.COLLECTKIT_DEV_MAILBOX === '1' || env.COLLECTKIT_DEV_MAILBOX === 'true') return true;
  if (env.COLLECTKIT_DEV_MAILBOX === '0' || env.COLLECTKIT_DEV_MAILBOX === 'false') return false;
  return env.NODE_ENV !== 'production';
}

/** The email HTML is shown in a sandboxed frame (no scripts, no same origin); the page itself loads nothing. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src data:";

export const devMailboxRoutes: FastifyPluginAsyncZod<RouteOptions & { env?: NodeJS.ProcessEnv }> = async (app, options) => {
  if (!devMailboxEnabled(options.env ?? process.env)) return;

  app.get(
    '/dev/mailbox',
    { config: { auth: 'public' }, schema: { hide: true, querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) } },
    async (request, reply) => {
      const notifications = await listNotifications(request.db, request.query.limit);
      const plain = await request.db.query<{ id: string; recipient: string; subject: string; body: string; created_at: Date; sent_at: Date | null }>(
        'SELECT id::text, recipient, subject, body, created_at, sent_at FROM outbox_emails ORDER BY outbox_emails.id DESC LIMIT $1',
        [request.query.limit],
      );
      const e = escapeHtml;
      const cards = notifications.map((n) => {
        const status = n.status === 'queued' && n.attempts === 0 ? 'in outbox' : n.status;
        return `<article class="${e(n.channel)}">
<header><strong>${e(n.channel.toUpperCase())}</strong> #${e(n.id)} · ${e(n.kind)} · ${e(n.language)} · ${e(status)}${n.last_error ? ` · last error: ${e(n.last_error)}` : ''} · ${e(n.created_at.toISOString())}${n.case_id ? ` · case ${e(n.case_id)}` : ''}</header>
<p>To: <code>${e(n.recipient).replace(/\n/g, ' / ')}</code></p>
${n.subject ? `<h2>${e(n.subject)}</h2>` : ''}
${n.note ? `<p class="note">${e(n.note)}</p>` : ''}
<pre>${e(n.text_body)}</pre>
${n.html_body ? `<details><summary>HTML part</summary><iframe sandbox title="HTML part of #${e(n.id)}" srcdoc="${e(n.html_body)}"></iframe></details>` : ''}
${n.has_letter ? `<p><a href="/dev/mailbox/${e(n.id)}/letter.pdf">Letter (PDF)</a></p>` : ''}
</article>`;
      });
      const plainCards = plain.map(
        (m) => `<article class="email"><header><strong>E-MAIL</strong> (account) · ${e(m.created_at.toISOString())}${m.sent_at ? ' · sent' : ''}</header>
<p>To: <code>${e(m.recipient)}</code></p><h2>${e(m.subject)}</h2><pre>${e(m.body)}</pre></article>`,
      );
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dev mailbox · Collectkit</title>
<style>body{font:15px/1.4 system-ui,sans-serif;margin:2em;max-width:60em}article{border:1px solid #ccc;border-radius:6px;padding:.8em 1em;margin:1em 0}
article.sms{border-color:#6a6}article.letter{border-color:#66a}pre{white-space:pre-wrap;background:#f6f6f6;padding:.6em}iframe{width:100%;height:32em;border:1px solid #ddd}.note{color:#a50}</style></head>
<body><h1>Dev mailbox</h1><p>${notifications.length} debtor notification(s), ${plain.length} account e-mail(s). Not shown in production.</p>
<h2>Debtor notifications</h2>${cards.join('\n') || '<p>None yet.</p>'}
<h2>Account e-mails</h2>${plainCards.join('\n') || '<p>None yet.</p>'}
</body></html>`;
      return reply.header('content-security-policy', CSP).type('text/html; charset=utf-8').send(html);
    },
  );

  app.get(
    '/dev/mailbox/:id/letter.pdf',
    { config: { auth: 'public' }, schema: { hide: true, params: z.object({ id: z.string().regex(/^\d{1,18}$/) }) } },
    async (request, reply) => {
      // Rendered on first read if the dispatcher has not rendered it yet (letters/queued-letters.ts).
      const pdf = await letterPdfOf(request.db, request.params.id);
      if (!pdf) return reply.code(404).type('text/plain').send('no letter');
      return reply.type('application/pdf').header('content-disposition', `inline; filename="letter-${request.params.id}.pdf"`).send(Buffer.from(pdf));
    },
  );
};
