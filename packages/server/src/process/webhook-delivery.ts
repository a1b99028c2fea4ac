import { performance } from 'node:perf_hooks';
import { WEBHOOK_SIGNATURE_HEADER, signWebhookPayload } from '@collectkit/sdk';
import type { Clock } from '../clock.js';
import type { Database } from '../store/database.js';
import { claimDueDeliveries, recordAttempt, type AttemptOutcome, type ClaimedDelivery } from '../store/webhooks.js';
import { deliveryTargetProblem, webhookPrivateTargetsAllowed } from './webhook-target.js';

/**
 * The webhook delivery worker: every `intervalMs` it claims the due deliveries of the outbox
 * (store/webhooks.ts, `FOR UPDATE SKIP LOCKED`, so any number of server instances can run one
 * each), POSTs each body signed with the SDK's `signWebhookPayload` — the code the SDK's
 * `verifyWebhook` checks — and logs the attempt. A non-2xx answer, a network error or a timeout
 * is retried after the next wait of `retryDelaysMs`; after the last one the delivery is failed.
 * Before each attempt the host is resolved and a target with any internal address (or plain http)
 * is refused without connecting: the delivery fails at once, not retried (webhook-target.ts).
 */

/** 1 min, 5 min, 30 min, 2 h, 12 h: six attempts over about 14.5 hours, then failed. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000];

export interface WebhookWorkerOptions {
  db: Database;
  /** The server's clock: due times, signature timestamps and the attempt log all read it. */
  clock: Clock;
  /** How often to look for due deliveries. Default 5 s. */
  intervalMs?: number;
  /** Deliveries claimed per round. Default 20. */
  batchSize?: number;
  /** A receiver that has not answered by then counts as failed. Default 10 s. */
  timeoutMs?: number;
  retryDelaysMs?: readonly number[];
  /**
   * Deliver to http:// and to internal addresses (loopback, private networks). Default
   * COLLECTKIT_WEBHOOK_ALLOW_PRIVATE; off unless set (webhook-target.ts).
   */
  allowPrivateTargets?: boolean;
  /** Injected in tests; default the global fetch. */
  fetch?: typeof fetch;
  /** Where unexpected worker errors go (a database outage); default nowhere. */
  onError?: (error: unknown) => void;
}

export interface WebhookWorker {
  /** One round: claims due deliveries and attempts each once. Resolves with how many were attempted. */
  runOnce(): Promise<number>;
  /** Starts the interval (idempotent). */
  start(): void;
  /** Stops the interval and waits for a round in progress to finish. */
  stop(): Promise<void>;
}

const USER_AGENT = 'Collectkit-Webhooks/0.1';
/** Kept of an error message in the log: enough to see what happened, bounded in size. */
const MAX_ERROR_LENGTH = 500;

export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { db, clock } = options;
  const intervalMs = options.intervalMs ?? 5_000;
  const batchSize = options.batchSize ?? 20;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const send = options.fetch ?? fetch;
  const allowPrivate = options.allowPrivateTargets ?? webhookPrivateTargetsAllowed(process.env);
  // A claim lasts past the longest possible attempt, so no other worker takes it while it runs.
  const leaseMs = timeoutMs + 60_000;

  let timer: ReturnType<typeof setInterval> | undefined;
  let current: Promise<number> | undefined;

  async function attempt(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const at = clock.now();
    const signature = await signWebhookPayload(delivery.body, delivery.secret, Math.floor(at.getTime() / 1000));
    const started = performance.now();
    const elapsed = () => Math.max(0, Math.round(performance.now() - started));
    const failed = (statusCode: number | null, error: string, permanent = false): AttemptOutcome => {
      const delay = permanent ? undefined : retryDelaysMs[delivery.attempt_count];
      return { at, statusCode, durationMs: elapsed(), error: error.slice(0, MAX_ERROR_LENGTH), succeeded: false, retryAt: delay === undefined ? null : new Date(at.getTime() + delay) };
    };
    try {
      // Checked at each attempt, after the claim: a name may resolve elsewhere than at registration.
      // The fetch below resolves once more; the window between the two is not closed (no pinned socket).
      const refused = await deliveryTargetProblem(delivery.url, allowPrivate);
      // A refused target stays refused: retrying would only knock on the same door again.
      if (refused) return failed(null, refused, true);
      const response = await send(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT, [WEBHOOK_SIGNATURE_HEADER]: signature },
        body: delivery.body,
        // A redirect is an answer, not a reason to POST the signed body somewhere else.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The receiver's body is not needed; drop it so the connection can be reused.
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) {
        return { at, statusCode: response.status, durationMs: elapsed(), error: null, succeeded: true, retryAt: null };
      }
      return failed(response.status, `HTTP ${response.status}`);
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError') return failed(null, `no answer within ${timeoutMs} ms`);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return failed(null, cause?.code ?? cause?.message ?? (error as Error).message ?? String(error));
    }
  }

  async function round(): Promise<number> {
    const now = clock.now();
    const claimed = await db.transaction((tx) => claimDueDeliveries(tx, now, new Date(now.getTime() + leaseMs), batchSize));
    await Promise.all(
      claimed.map(async (delivery) => {
        const outcome = await attempt(delivery);
        await db.transaction((tx) => recordAttempt(tx, delivery, outcome, clock.now()));
      }),
    );
    return claimed.length;
  }

  function runOnce(): Promise<number> {
    // Rounds of one worker never overlap; a tick that finds one running waits for it instead.
    if (current) return current;
    current = round().finally(() => {
      current = undefined;
    });
    return current;
  }

  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (current) return;
        runOnce().catch((error: unknown) => options.onError?.(error));
      }, intervalMs);
      // The worker alone never keeps the process alive.
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await current?.catch(() => undefined);
    },
  };
}
