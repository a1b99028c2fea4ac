import { CollectkitInputError } from '../errors.js';

/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. The domain never reads the clock (DESIGN.md §3.4):
 * every calculation takes its dates as arguments. Arithmetic is done on UTC day numbers so that
 * time zones and daylight saving never shift a day.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Parses and validates a calendar date; `2025-02-29` and `2025-2-1` are rejected. */
export function parseIsoDate(value: unknown, field: string): CalendarDate {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) {
    throw new CollectkitInputError('invalid_date', field, `expected a date as YYYY-MM-DD, got ${describe(value)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CollectkitInputError('invalid_date', field, `${value} is not a calendar date`);
  }
  return { year, month, day };
}

/** Throws unless `value` is a valid ISO calendar date; returns it typed. */
export function assertIsoDate(value: unknown, field: string): IsoDate {
  parseIsoDate(value, field);
  return value as IsoDate;
}

export function isIsoDate(value: unknown): value is IsoDate {
  try {
    parseIsoDate(value, 'date');
    return true;
  } catch {
    return false;
  }
}

function toDayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function formatIsoDate(date: CalendarDate): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(parseIsoDate(to, 'to')) - toDayNumber(parseIsoDate(from, 'from'));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(parseIsoDate(date, 'date')) + days);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date, 'date');
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Negative, zero or positive like a sort comparator. ISO dates compare correctly as strings. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** 1 January or 1 July on or before `date`: the start of the half-year rate period it falls in. */
export function halfYearStart(date: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(date, 'date');
  return formatIsoDate({ year, month: month < 7 ? 1 : 7, day: 1 });
}

/** The first 1 January or 1 July strictly after `date`. */
export function nextHalfYearStart(date: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(date, 'date');
  return month < 7 ? formatIsoDate({ year, month: 7, day: 1 }) : formatIsoDate({ year: year + 1, month: 1, day: 1 });
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date, 'date').year;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  return typeof value;
}
