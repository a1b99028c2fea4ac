import type { FastifyPluginAsync } from 'fastify';
import { addDays, daysBetween, debtorCountry, isLawCountry, lawFor, type CountryCode, type IsoDate, type LawPack } from '@collectkit/sdk';
import type { Clock } from '../../clock.js';
import { caseInvoices, lockCase } from '../../store/cases.js';
import type { Database } from '../../store/database.js';
import { appendEvent } from '../../store/events.js';
import { LIMITATION_WARNING_DAYS, limitationEventsDue } from './limitation-events.js';

const packs = new Map<CountryCode, LawPack>();
function lawOf(country: CountryCode): LawPack {
  let pack = packs.get(country);
  if (!pack) packs.set(country, (pack = lawFor(country)));
  return pack;
}

const CANDIDATE_COUNTRIES = ['DK', 'SE', 'NO', 'FI'].filter(isLawCountry);

/**
 * The latest due date that can be within the warning window today: the shortest ordinary period of
 * any pack, less the window, less a day's slack for leap years. A later due date (or acknowledgment,
 * which only moves the start later) cannot be due for an event, so SQL leaves those invoices out.
 */
export function candidateDueDateCutoff(today: IsoDate): IsoDate {
  let shortest = Infinity;
  for (const country of CANDIDATE_COUNTRIES) {
    for (const type of ['business', 'consumer'] as const) shortest = Math.min(shortest, daysBetween(today, lawOf(country).limitationDate(today, type)));
  }
  return addDays(today, LIMITATION_WARNING_DAYS - shortest + 2);
}

export interface LimitationRun {
  cases: number;
  /** Events appended. */
  appended: number;
}

/**
 * Appends the limitation events due today on every open case of every association. Each case in its
 * own transaction: the case row is locked, THEN its events are re-read and the due ones appended
 * (store/cases.ts), so two processes running at once never write the same event twice.
 */
export async function checkLimitation(db: Database, clock: Clock): Promise<LimitationRun> {
  const today = clock.today();
  const candidates = await db.query<{ id: string; association_id: string }>(
    `SELECT DISTINCT c.id, c.association_id::text FROM cases c JOIN case_invoices i ON i.case_id = c.id
      WHERE c.stage NOT IN ('draft', 'paid', 'paid_out', 'closed', 'withdrawn', 'written_off')
        AND i.outstanding > 0 AND i.due_date <= $1::date`,
    [candidateDueDateCutoff(today)],
  );
  let appended = 0;
  for (const candidate of candidates) {
    appended += await db.transaction(async (tx) => {
      const row = await lockCase(tx, { associationId: candidate.association_id }, candidate.id);
      if (!row || ['draft', 'paid', 'paid_out', 'closed', 'withdrawn', 'written_off'].includes(row.stage)) return 0;
      const country = debtorCountry(row.debtor);
      if (!isLawCountry(country)) return 0; // no law pack, no limitation date: nothing is guessed
      const events = await tx.query<{ type: string; data: Record<string, unknown> }>(
        'SELECT type, data FROM events WHERE association_id = $1 AND case_id = $2 ORDER BY id',
        [row.association_id, row.id],
      );
      const due = limitationEventsDue({ law: lawOf(country), debtorType: row.debtor.type, invoices: await caseInvoices(tx, row.association_id, row.id), events, today });
      const now = clock.now();
      for (const event of due) await appendEvent(tx, { associationId: row.association_id, caseId: row.id, type: event.type, data: { ...event.data }, at: now });
      return due.length;
    });
  }
  return { cases: candidates.length, appended };
}

export interface LimitationJob {
  runOnce(): Promise<LimitationRun>;
  start(): void;
  stop(): Promise<void>;
}

/** Runs `checkLimitation` every `intervalMs`, rounds never overlapping (as the webhook worker). */
export function createLimitationJob(options: { db: Database; clock: Clock; intervalMs: number; onError?: (error: unknown) => void }): LimitationJob {
  let timer: ReturnType<typeof setInterval> | undefined;
  let current: Promise<LimitationRun> | undefined;
  const runOnce = () => {
    if (current) return current;
    current = checkLimitation(options.db, options.clock).finally(() => {
      current = undefined;
    });
    return current;
  };
  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (current) return;
        runOnce().catch((error: unknown) => options.onError?.(error));
      }, options.intervalMs);
      timer.unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await current?.catch(() => undefined);
    },
  };
}

/**
 * Runs the limitation job while the app runs, under the same switch as the dunning scheduler
 * (COLLECTKIT_DUNNING_SCHEDULER=1 or true; 0 or unset: off), every LIMITATION_INTERVAL_SECONDS
 * (default 3600: the dates move by the day).
 */
export const limitationJobPlugin: FastifyPluginAsync<{ db: Database; clock: Clock; env?: NodeJS.ProcessEnv }> = async (app, options) => {
  const env = options.env ?? process.env;
  if (env.COLLECTKIT_DUNNING_SCHEDULER !== '1' && env.COLLECTKIT_DUNNING_SCHEDULER !== 'true') return;
  const seconds = env.LIMITATION_INTERVAL_SECONDS === undefined ? 3600 : Number(env.LIMITATION_INTERVAL_SECONDS);
  if (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 86_400) throw new Error('LIMITATION_INTERVAL_SECONDS must be a number of seconds from 0.1 to 86400');
  const job = createLimitationJob({ db: options.db, clock: options.clock, intervalMs: Math.round(seconds * 1000), onError: (err) => app.log.error({ err }, 'limitation check failed') });
  app.addHook('onReady', async () => job.start());
  app.addHook('onClose', async () => job.stop());
};

export default limitationJobPlugin;
