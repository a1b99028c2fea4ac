import { addDays, type IsoDate } from '@collectkit/sdk';
import { DEFAULT_TIME_ZONE, isoDateIn, type AdjustableClock, type Clock } from '../../clock.js';
import type { Queryable } from '../../store/database.js';
import type { DunningScheduler } from './dunning-scheduler.js';

/** A clock some way ahead of another; the demo's simulated time. */
export interface OffsetClock extends AdjustableClock {
  /** How far ahead of the base clock, in milliseconds. */
  offsetMs(): number;
  setOffsetMs(offsetMs: number): void;
}

/** A clock that tells the system time moved forward by whatever `advance` added: the demo's simulated time. */
export function offsetClock(base: Clock, timeZone: string = DEFAULT_TIME_ZONE, initialOffsetMs = 0): OffsetClock {
  let offsetMs = initialOffsetMs;
  const now = () => new Date(base.now().getTime() + offsetMs);
  return {
    now,
    today: () => isoDateIn(now(), timeZone),
    advance({ days = 0, hours = 0, minutes = 0, seconds = 0 }) {
      offsetMs += (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
    },
    set(instant) {
      offsetMs = instant.getTime() - base.now().getTime();
    },
    offsetMs: () => offsetMs,
    setOffsetMs(value) {
      offsetMs = value;
    },
  };
}

export function isAdjustableClock(clock: Clock): clock is AdjustableClock {
  return typeof (clock as Partial<AdjustableClock>).advance === 'function';
}

export function isOffsetClock(clock: Clock): clock is OffsetClock {
  return typeof (clock as Partial<OffsetClock>).offsetMs === 'function';
}

/** The stored offset of the simulated clock (migration 0006's one-row table); 0 when time was never simulated. */
export async function readSimulatedOffset(db: Queryable): Promise<number> {
  const rows = await db.query<{ offset_ms: string }>('SELECT offset_ms::text FROM simulated_clock');
  return rows[0] ? Number(rows[0].offset_ms) : 0;
}

export async function writeSimulatedOffset(db: Queryable, offsetMs: number, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO simulated_clock (id, offset_ms, updated_at) VALUES (true, $1, $2)
     ON CONFLICT (id) DO UPDATE SET offset_ms = EXCLUDED.offset_ms, updated_at = EXCLUDED.updated_at`,
    [Math.round(offsetMs), at],
  );
}

/**
 * Takes over a stored offset that is further ahead than the clock's: another process (the
 * `simulate` command on the same PostgreSQL) moved simulated time on. Only ever forward, so a read
 * racing this process's own simulation cannot set its clock back a day.
 */
export async function catchUpSimulatedClock(db: Queryable, clock: OffsetClock): Promise<boolean> {
  const stored = await readSimulatedOffset(db);
  if (stored <= clock.offsetMs()) return false;
  clock.setOffsetMs(stored);
  return true;
}

export interface SimulationRun {
  from: IsoDate;
  to: IsoDate;
  applied: number;
  /** Days on which something happened, with how many actions. */
  days: { date: IsoDate; applied: number }[];
}

export interface SimulateDaysOptions {
  /** Called after the clock moved, before the day's work: where the offset is stored. */
  afterAdvance?: (today: IsoDate) => Promise<void>;
  /** Called after the day's scheduler run (the notification dispatcher's round, say). */
  afterDay?: (today: IsoDate) => Promise<void>;
}

/**
 * Moves the clock forward one day at a time and lets the scheduler do each day's work, so that the
 * demo shows a case's whole life in seconds (issue 5 §7). The clock is the whole server's: every
 * tenant's cases move. A dev and demo tool only.
 */
export async function simulateDays(clock: AdjustableClock, scheduler: DunningScheduler, days: number, options: SimulateDaysOptions = {}): Promise<SimulationRun> {
  const from = clock.today();
  const run: SimulationRun = { from, to: addDays(from, days), applied: 0, days: [] };
  for (let i = 0; i < days; i++) {
    clock.advance({ days: 1 });
    await options.afterAdvance?.(clock.today());
    const { applied } = await scheduler.runOnce();
    await options.afterDay?.(clock.today());
    run.applied += applied;
    if (applied > 0) run.days.push({ date: clock.today(), applied });
  }
  return run;
}

/** Persists an offset clock's offset after each simulated day (for simulateDays' afterAdvance). */
export function persistOffset(db: Queryable, clock: Clock): ((today: IsoDate) => Promise<void>) | undefined {
  if (!isOffsetClock(clock)) return undefined;
  return async () => writeSimulatedOffset(db, clock.offsetMs(), clock.now());
}
