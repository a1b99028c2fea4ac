import { addDays, type IsoDate } from '@collectkit/sdk';
import { isoDateIn, type AdjustableClock, type Clock } from '../../clock.js';
import type { DunningScheduler } from './dunning-scheduler.js';

/** A clock that tells the system time moved forward by whatever `advance` added: the demo's simulated time. */
export function offsetClock(base: Clock, timeZone: string): AdjustableClock {
  let offsetMs = 0;
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
  };
}

export function isAdjustableClock(clock: Clock): clock is AdjustableClock {
  return typeof (clock as Partial<AdjustableClock>).advance === 'function';
}

export interface SimulationRun {
  from: IsoDate;
  to: IsoDate;
  applied: number;
  /** Days on which something happened, with how many actions. */
  days: { date: IsoDate; applied: number }[];
}

/**
 * Moves the clock forward one day at a time and lets the scheduler do each day's work, so that the
 * demo shows a case's whole life in seconds (issue 5 §7). The clock is the whole server's: every
 * tenant's cases move. A dev and demo tool only.
 */
export async function simulateDays(clock: AdjustableClock, scheduler: DunningScheduler, days: number): Promise<SimulationRun> {
  const from = clock.today();
  const run: SimulationRun = { from, to: addDays(from, days), applied: 0, days: [] };
  for (let i = 0; i < days; i++) {
    clock.advance({ days: 1 });
    const { applied } = await scheduler.runOnce();
    run.applied += applied;
    if (applied > 0) run.days.push({ date: clock.today(), applied });
  }
  return run;
}
