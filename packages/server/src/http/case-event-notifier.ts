import type { FastifyInstance } from 'fastify';
import { noteCaseWrite } from '../store/case-version-cache.js';
import type { Queryable } from '../store/database.js';

/**
 * Wakes long-polls of `GET /v1/cases/{id}/events` when their case gets a new event, without a
 * database poll per waiting request:
 *
 * - in-process: routes that append a case event call `notify(caseId)` once their transaction has
 *   committed (from an `onResponse` hook), which wakes this instance's waiters at once;
 * - across instances (several servers on one PostgreSQL): `appendEvent` NOTIFYs the case id in the
 *   writer's transaction, and each instance's ONE LISTEN connection (case-event-listener.ts) calls
 *   `notify` for it once the transaction has committed;
 * - the safety net (PGlite never needs it in-process; a lost LISTEN connection, a writer outside
 *   this code): ONE query per `pollMs` per instance, only while someone waits, checks the newest
 *   event id of all waited-on cases together. Every `FALLBACK_POLL_MS` (1 s) while there is no
 *   working LISTEN; every `LISTENING_FALLBACK_POLL_MS` (15 s) while there is, since then the check
 *   only guards against a notice lost in a way the listener did not see (a reconnect itself
 *   triggers a check at once, for the notices sent while it was down).
 */
export interface WaitRequest {
  /** The database outside any transaction, for the fallback check. */
  db: Queryable;
  caseId: string;
  /** Wake when an event with a greater id exists (0n: any event). */
  after: bigint;
  timeoutMs: number;
  /** Ends the wait early (the client went away). */
  signal?: AbortSignal;
}

interface Waiter {
  caseId: string;
  after: bigint;
  wake: () => void;
}

export const FALLBACK_POLL_MS = 1000;
/** The fallback check's period while this instance's LISTEN connection is up. */
export const LISTENING_FALLBACK_POLL_MS = 15_000;

export class CaseEventNotifier {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private checking = false;
  private db: Queryable | undefined;
  private pollMs: number;
  private listeningPollMs = LISTENING_FALLBACK_POLL_MS;
  private listeningNow = false;

  constructor(private readonly fallbackPollMs = FALLBACK_POLL_MS) {
    this.pollMs = fallbackPollMs;
  }

  /** The fallback check's period while LISTEN is up (tests lengthen it so only NOTIFY explains a wake). */
  setListeningPollMs(ms: number): void {
    this.listeningPollMs = ms;
    if (this.listeningNow) this.setPeriod(ms);
  }

  /** True while a LISTEN connection delivers other instances' notices. */
  get listening(): boolean {
    return this.listeningNow;
  }

  /**
   * The LISTEN connection came up or went down. Up after being down: notices sent meanwhile are
   * lost, so check at once; down: back to the short fallback period.
   */
  setListening(up: boolean): void {
    this.listeningNow = up;
    this.setPeriod(up ? this.listeningPollMs : this.fallbackPollMs);
    if (up) void this.check();
  }

  private setPeriod(ms: number): void {
    if (ms === this.pollMs) return;
    this.pollMs = ms;
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = setInterval(() => void this.check(), this.pollMs);
      this.timer.unref?.();
    }
  }

  /** Resolves when woken, on timeout, or on abort: the caller re-reads the events either way. */
  wait(request: WaitRequest): Promise<void> {
    return new Promise<void>((resolve) => {
      if (request.signal?.aborted) return resolve();
      this.db = request.db;
      const waiter: Waiter = { caseId: request.caseId, after: request.after, wake: () => done() };
      const timeout = setTimeout(() => done(), request.timeoutMs);
      const onAbort = () => done();
      request.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        clearTimeout(timeout);
        request.signal?.removeEventListener('abort', onAbort);
        this.remove(waiter);
        resolve();
      };
      let set = this.waiters.get(request.caseId);
      if (!set) this.waiters.set(request.caseId, (set = new Set()));
      set.add(waiter);
      this.timer ??= setInterval(() => void this.check(), this.pollMs);
      this.timer.unref?.();
    });
  }

  /** A case event was committed: wake this instance's waiters of the case. */
  notify(caseId: string): void {
    for (const waiter of [...(this.waiters.get(caseId) ?? [])]) waiter.wake();
  }

  /** Number of open waits (for tests and metrics). */
  get waiting(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }

  close(): void {
    for (const set of [...this.waiters.values()]) for (const waiter of [...set]) waiter.wake();
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private remove(waiter: Waiter): void {
    const set = this.waiters.get(waiter.caseId);
    set?.delete(waiter);
    if (set?.size === 0) this.waiters.delete(waiter.caseId);
    if (this.waiters.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** The fallback: events written elsewhere (another instance) reach waiters within `pollMs`. */
  private async check(): Promise<void> {
    if (this.checking || this.waiters.size === 0 || !this.db) return;
    this.checking = true;
    try {
      const rows = await this.db.query<{ case_id: string; last: string }>(
        'SELECT case_id, max(id)::text AS last FROM events WHERE case_id = ANY($1::text[]) GROUP BY case_id',
        [[...this.waiters.keys()]],
      );
      for (const row of rows) {
        const last = BigInt(row.last);
        for (const waiter of [...(this.waiters.get(row.case_id) ?? [])]) if (last > waiter.after) waiter.wake();
      }
    } catch {
      // A failed check is retried on the next tick; the waits still end on their timeout.
    } finally {
      this.checking = false;
    }
  }
}

/** One notifier per HTTP server: the route plugins of one app share it, separate apps in one process do not. */
const notifiers = new WeakMap<object, CaseEventNotifier>();

export function caseEventNotifier(server: object): CaseEventNotifier {
  let notifier = notifiers.get(server);
  if (!notifier) notifiers.set(server, (notifier = new CaseEventNotifier()));
  return notifier;
}

/** Case ids a request appended events to; notified once the response (so the commit) is done. */
const changedCases = new WeakMap<object, string[]>();

/** Call inside the command, after appending a case event. */
export function caseChanged(request: object, caseId: string): void {
  noteCaseWrite(caseId); // the polling path's version cache: not cached until this command has settled
  const ids = changedCases.get(request);
  if (ids) ids.push(caseId);
  else changedCases.set(request, [caseId]);
}

/**
 * In a route plugin that appends case events: after each response (the transaction has committed
 * or rolled back by then; a wake after a rollback only makes a waiter re-read and wait on).
 */
export function notifyChangedCasesAfterResponse(app: FastifyInstance): void {
  const notifier = caseEventNotifier(app.server);
  app.addHook('onResponse', async (request) => {
    for (const caseId of changedCases.get(request) ?? []) {
      noteCaseWrite(caseId); // committed (or rolled back): versions read from here on may be cached
      notifier.notify(caseId);
    }
  });
}
