import type { ComposedMessage } from './compose.js';

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The e-mail: subject "<title> – <case number>", a plain-text part and an HTML part saying the same. */
export function renderEmail(message: ComposedMessage): RenderedEmail {
  const subject = `${message.title} – ${message.facts.caseNumber}`;
  const rows = [...message.specification.lines, message.specification.total];
  const width = Math.max(...rows.map((r) => r.label.length));
  const text = [
    message.greeting,
    '',
    ...message.paragraphs.flatMap((p) => [p, '']),
    ...message.header.map((h) => `${h.label}: ${h.value}`),
    '',
    `${message.specification.title}:`,
    ...message.specification.lines.map((l) => `  ${l.label.padEnd(width)}  ${l.amount}`),
    `  ${message.specification.total.label.padEnd(width)}  ${message.specification.total.amount}`,
    ...(message.instalments.length ? ['', ...message.instalments.map((i) => `  ${i.label}: ${i.dueOn}  ${i.amount}`)] : []),
    '',
    ...(message.deadline ? [`${message.deadline.label}: ${message.deadline.value}`] : []),
    `${message.payment.referenceLabel}: ${message.payment.printed}`,
    ...message.payment.account.map((a) => `${a.label}: ${a.value}`),
    '',
    message.contact,
    '',
    message.closing,
    message.facts.agencyName,
  ].join('\n');

  const e = escapeHtml;
  const tr = (label: string, value: string, strong = false) =>
    `<tr><td style="padding:2px 12px 2px 0">${strong ? `<strong>${e(label)}</strong>` : e(label)}</td><td style="padding:2px 0;text-align:right;white-space:nowrap">${strong ? `<strong>${e(value)}</strong>` : e(value)}</td></tr>`;
  const html = `<!doctype html>
<html lang="${e(message.language)}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.45;color:#111;max-width:640px">
<h1 style="font-size:20px">${e(message.title)}</h1>
<p>${e(message.greeting)}</p>
${message.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
<table style="border-collapse:collapse;margin:12px 0">${message.header.map((h) => tr(h.label, h.value)).join('')}</table>
<h2 style="font-size:16px">${e(message.specification.title)}</h2>
<table style="border-collapse:collapse;margin:0 0 12px">${message.specification.lines.map((l) => tr(l.label, l.amount)).join('')}${tr(message.specification.total.label, message.specification.total.amount, true)}</table>
${message.instalments.length ? `<table style="border-collapse:collapse;margin:0 0 12px">${message.instalments.map((i) => tr(`${i.label} · ${i.dueOn}`, i.amount)).join('')}</table>` : ''}
<table style="border-collapse:collapse;margin:0 0 12px">${message.deadline ? tr(message.deadline.label, message.deadline.value, true) : ''}${tr(message.payment.referenceLabel, message.payment.printed, true)}${message.payment.account.map((a) => tr(a.label, a.value)).join('')}</table>
<p>${e(message.contact)}</p>
<p>${e(message.closing)}<br>${e(message.facts.agencyName)}</p>
</body></html>`;
  return { subject, text, html };
}
