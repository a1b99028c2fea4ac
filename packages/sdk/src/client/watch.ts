/**
 * Following a case as it moves, without busy polling: a long-poll loop over an events endpoint that
 * answers `GET …/events?after=<cursor>&wait=<seconds>` as soon as an event after the cursor exists,
 * else with an empty page once `wait` has passed. Exactly one request is open at a time; the next
 * one starts only after the previous answer has been handed out.
 *
 * Aborting the signal ends the generator promptly and quietly (it is how a widget unmounts).
 * Transient failures (no response, timeout, 429, 502–504) back off with full jitter and resume from
 * the last cursor, so no event is lost or repeated; any other error is thrown.
 */
import { isCollectkitApiError } from './errors.js';
import type { HttpTransport, RequestSignal } from './http.js';
import type { ItemOf, PageSchema } from './pagination.js';
import type { AbortSignalLike } from './platform.js';
import { backoffDelay, isTransient } from './retry.js';

/** A page of events, `{ data: [...], nextCursor }`, where `nextCursor` is where to resume. */
export type EventPageSchema = PageSchema;

export type EventOf<S extends EventPageSchema> = ItemOf<S>;

export interface WatchOptions {
  signal?: RequestSignal | undefined;
  /** Resume after this cursor (e.g. the one persisted last time); omitted: from the first event. */
  after?: string | undefined;
  /** How long the server may hold a request open. Default 25 s (below common proxy idle timeouts of 30–60 s). */
  waitSeconds?: number | undefined;
  /**
   * Least time between two requests that brought nothing, so that a server (or proxy) that answers an
   * empty page at once does not turn the loop into busy polling. Default 1 s.
   */
  minIntervalMs?: number | undefined;
}

export async function* watchEvents<S extends EventPageSchema>(
  http: HttpTransport,
  path: string,
  schema: S,
  options: WatchOptions = {},
): AsyncGenerator<EventOf<S>, void, undefined> {
  const { signal } = options;
  const abortable = signal as AbortSignalLike | undefined;
  const waitSeconds = options.waitSeconds ?? 25;
  const minIntervalMs = options.minIntervalMs ?? 1000;
  let after = options.after;
  let failures = 0;

  while (!abortable?.aborted) {
    const startedAt = http.now();
    let page: { data: readonly unknown[]; nextCursor: string | null };
    try {
      page = await http.request({
        method: 'GET',
        path,
        query: { after, wait: waitSeconds },
        schema,
        signal,
        // The server legitimately takes `wait` seconds; the timeout guards what comes on top.
        timeoutMs: waitSeconds * 1000 + http.timeoutMs,
        // This loop does its own backing off, without a limit.
        retry: { limit: 0 },
      });
    } catch (error) {
      if (abortable?.aborted) return;
      if (!isTransient(error)) throw error;
      const retryAfterMs = isCollectkitApiError(error) ? error.retryAfterMs : undefined;
      const delay = retryAfterMs ?? backoffDelay(Math.min(failures, 16), http.policy, http.random);
      failures++;
      if (!(await pause(http, delay, abortable))) return;
      continue;
    }
    failures = 0;
    for (const event of page.data) yield event as EventOf<S>;
    if (page.nextCursor !== null) after = page.nextCursor;
    const elapsed = http.now() - startedAt;
    if (page.data.length === 0 && elapsed < minIntervalMs) {
      if (!(await pause(http, minIntervalMs - elapsed, abortable))) return;
    }
  }
}

/** Sleeps; false when the signal aborted meanwhile. */
async function pause(http: HttpTransport, ms: number, signal: AbortSignalLike | undefined): Promise<boolean> {
  try {
    await http.sleep(ms, signal);
    return true;
  } catch (error) {
    if (signal?.aborted) return false;
    throw error;
  }
}
