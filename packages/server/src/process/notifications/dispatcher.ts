import type { Clock } from '../../clock.js';
import type { Database } from '../../store/database.js';
import { letterPdfFor, renderQueuedLetters } from '../letters/queued-letters.js';
import {
  claimDueNotifications,
  markNotificationAttemptFailed,
  markNotificationSent,
  type ClaimedNotification,
  type NotificationChannel,
} from './notification-outbox.js';
import type { EmailTransport } from './transports/email-transport.js';
import type { SmsProvider } from './transports/sms-provider.js';

/**
 * Sends what the outbox holds through the configured transports: e-mail through SMTP, SMS through
 * the provider. A channel without a transport is not dispatched: its messages stay in the outbox
 * (the default with no configuration), where the dev mailbox shows them. Letters have no transport
 * here (printing and posting is a provider not built yet): they stay in the outbox as PDFs.
 *
 * Each round first renders the letters queued since the last one (the steps that queued them stored
 * their text only, issue 5 §9), so that e-mails carry their PDF and letters wait rendered.
 *
 * Delivery is at least once: a process that dies after the SMTP server accepted a message but
 * before it marked the row sent sends it again when the lease runs out.
 */
export interface NotificationDispatcherOptions {
  db: Database;
  clock: Clock;
  email?: EmailTransport | null;
  sms?: SmsProvider | null;
  /** Default 5 s. */
  intervalMs?: number;
  /** Default 20. */
  batchSize?: number;
  /** Waits after failed attempts; after the last the message is failed. Default 1 min, 5 min, 30 min, 2 h. */
  retryDelaysMs?: readonly number[];
  onError?: (error: unknown) => void;
}

export interface NotificationDispatcher {
  /** One round: renders the queued letters, then sends; resolves with how many messages were attempted. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export const DEFAULT_NOTIFICATION_RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 1_800_000, 7_200_000];
const LEASE_MS = 120_000;

export function createNotificationDispatcher(options: NotificationDispatcherOptions): NotificationDispatcher {
  const { db, clock } = options;
  const retryDelays = options.retryDelaysMs ?? DEFAULT_NOTIFICATION_RETRY_DELAYS_MS;
  const channels: NotificationChannel[] = [...(options.email ? ['email' as const] : []), ...(options.sms ? ['sms' as const] : [])];
  let timer: ReturnType<typeof setInterval> | undefined;
  let current: Promise<number> | undefined;

  async function deliver(n: ClaimedNotification): Promise<{ providerId: string | null }> {
    if (n.channel === 'email') {
      // Rendered by this round's renderQueuedLetters, unless it was queued after that.
      const letter = await letterPdfFor(db, n);
      return options.email!.send({
        to: n.recipient,
        subject: n.subject ?? '',
        text: n.text_body,
        html: n.html_body,
        attachments: letter ? [{ filename: `${n.kind.replace(/_/g, '-')}.pdf`, content: Buffer.from(letter), contentType: 'application/pdf' }] : [],
      });
    }
    return options.sms!.send({ to: n.recipient, text: n.text_body });
  }

  async function runOnce(): Promise<number> {
    await renderQueuedLetters(db, { onError: (error) => options.onError?.(error) });
    const claimed = await claimDueNotifications(db, channels, clock.now(), LEASE_MS, options.batchSize ?? 20);
    for (const n of claimed) {
      try {
        const { providerId } = await deliver(n);
        await markNotificationSent(db, n.id, providerId, clock.now());
      } catch (error) {
        const delay = retryDelays[n.attempts - 1];
        const retryAt = delay === undefined ? null : new Date(clock.now().getTime() + delay);
        await markNotificationAttemptFailed(db, n.id, error instanceof Error ? error.message : String(error), retryAt);
      }
    }
    return claimed.length;
  }

  return {
    runOnce,
    start() {
      if (timer || channels.length === 0) return;
      timer = setInterval(() => {
        if (current) return;
        current = runOnce()
          .catch((error: unknown) => {
            options.onError?.(error);
            return 0;
          })
          .finally(() => {
            current = undefined;
          });
      }, options.intervalMs ?? 5_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await current;
    },
  };
}
