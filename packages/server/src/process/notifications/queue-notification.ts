import type { Queryable } from '../../store/database.js';
import { storedLetter } from '../letters/letter-pdf.js';
import { composeMessage, type NotificationInput } from './compose.js';
import { enqueueNotification, type NotificationChannel } from './notification-outbox.js';
import { renderEmail } from './render-email.js';
import { renderSms } from './render-sms.js';

export interface QueueNotificationInput {
  associationId: string;
  caseId: string | null;
  /** The channels the creditor's rules ask for; those the debtor has no address for are skipped. */
  channels: readonly NotificationChannel[];
  notification: NotificationInput;
  /** Makes the queueing idempotent per step, e.g. `cs_…:reminder:2`; the channel is appended. */
  dedupeKey: string | null;
  at: Date;
}

export interface QueuedNotifications {
  queued: { channel: NotificationChannel; id: string }[];
  /** Channels asked for that the debtor cannot be reached on (no e-mail address, no phone). */
  skipped: NotificationChannel[];
}

/**
 * Renders a notification once per channel and queues each in the caller's transaction: the e-mail,
 * the SMS, and the letter (for the letter channel and attached to the e-mail) as its composed text —
 * its PDF is rendered after the transaction, by the dispatcher or on first read (letters/queued-letters.ts),
 * so that a step does not hold its locks while a PDF is laid out (issue 5 §9).
 */
export async function queueNotification(db: Queryable, input: QueueNotificationInput): Promise<QueuedNotifications> {
  const { debtor } = input.notification;
  const message = composeMessage(input.notification);
  const needsPdf = input.channels.includes('letter') || (input.channels.includes('email') && !!debtor.email);
  const letter = needsPdf ? storedLetter({ message, agency: input.notification.agency, recipient: debtor, createdAt: input.at }) : null;
  const result: QueuedNotifications = { queued: [], skipped: [] };
  const base = {
    associationId: input.associationId,
    caseId: input.caseId,
    kind: input.notification.kind,
    language: message.language,
    at: input.at,
  };
  for (const channel of new Set(input.channels)) {
    const dedupeKey = input.dedupeKey === null ? null : `${input.dedupeKey}:${channel}`;
    let id: string | null;
    if (channel === 'email') {
      if (!debtor.email) {
        result.skipped.push(channel);
        continue;
      }
      const email = renderEmail(message);
      id = await enqueueNotification(db, { ...base, channel, recipient: debtor.email, subject: email.subject, text: email.text, html: email.html, letter, note: null, dedupeKey });
    } else if (channel === 'sms') {
      if (!debtor.phone) {
        result.skipped.push(channel);
        continue;
      }
      const sms = renderSms(message);
      id = await enqueueNotification(db, { ...base, channel, recipient: debtor.phone, subject: null, text: sms.text, html: null, letter: null, note: sms.note, dedupeKey });
    } else {
      const address = [debtor.name, ...debtor.address.lines, `${debtor.address.postalCode} ${debtor.address.city}`, debtor.address.country].join('\n');
      id = await enqueueNotification(db, { ...base, channel, recipient: address, subject: message.title, text: message.paragraphs.join('\n\n'), html: null, letter, note: null, dedupeKey });
    }
    if (id !== null) result.queued.push({ channel, id });
  }
  return result;
}
