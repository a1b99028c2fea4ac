import type { IsoDate } from '@collectkit/sdk';

/**
 * The server's one clock (DESIGN.md §3.4). Every route and job asks it for the time; nothing else
 * reads the system clock, so tests and the simulate command can run 90 days of a case in a second.
 */
export interface Clock {
  now(): Date;
  /** Today's calendar date in the clock's time zone, as the SDK's `asOf`. */
  today(): IsoDate;
}

/** A clock that tests (and a later simulate command) move forward by hand. */
export interface AdjustableClock extends Clock {
  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number }): void;
  set(instant: Date): void;
}

/** Nordic associations: the business day that counts for deadlines is the Copenhagen one by default. */
export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function isoDateIn(instant: Date, timeZone: string): IsoDate {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD. An unknown zone throws here, before anything is cached.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

export function systemClock(timeZone = DEFAULT_TIME_ZONE): Clock {
  return {
    now: () => new Date(Date.now()),
    today: () => isoDateIn(new Date(Date.now()), timeZone),
  };
}

export function adjustableClock(start: Date, timeZone = DEFAULT_TIME_ZONE): AdjustableClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    today: () => isoDateIn(new Date(current), timeZone),
    advance({ days = 0, hours = 0, minutes = 0, seconds = 0 }) {
      current += (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
    },
    set(instant) {
      current = instant.getTime();
    },
  };
}
