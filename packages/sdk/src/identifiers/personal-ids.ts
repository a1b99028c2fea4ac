import { daysInMonth, parseIsoDate, type IsoDate } from '../calendar/index.js';
import { isLuhnValid } from './check-digits.js';

/**
 * SE personnummer and samordningsnummer (folkbokföringslagen (1991:481) 18 § and 18 a §;
 * shared/domain/RULES.md §8): birth date YYMMDD, a 3-digit birth number and a Luhn check digit over
 * the 10-digit form. The separator is '-' until the year the person turns 100, then '+'; the
 * 12-digit form YYYYMMDDNNNC spells the century out. A samordningsnummer adds 60 to the day.
 */

interface PersonalNumber {
  /** The 10 digits the Luhn check runs over: YYMMDDNNNC. */
  readonly digits: string;
  /** Full years the birth date may fall in: one for the 12-digit form, two candidates otherwise. */
  readonly years: readonly number[];
  readonly plus: boolean;
}

function parse(value: unknown): PersonalNumber | null {
  if (typeof value !== 'string') return null;
  const match = /^(1[89]|20)?(\d{6})([-+]?)(\d{4})$/.exec(value.replace(/\s/g, ''));
  if (!match) return null;
  const [, century, date, separator, tail] = match as unknown as [string, string | undefined, string, string, string];
  const yy = +date.slice(0, 2);
  const plus = separator === '+';
  if (century && plus) return null; // '+' only has a meaning in the 10-digit form
  // Without a clock the 10-digit form leaves two centuries open: 1900s/2000s, or 1800s/1900s with '+'.
  const years = century ? [+century * 100 + yy] : plus ? [1800 + yy, 1900 + yy] : [1900 + yy, 2000 + yy];
  return { digits: date + tail, years, plus };
}

function isBirthDate(digits: string, year: number): boolean {
  const month = +digits.slice(2, 4);
  const dd = +digits.slice(4, 6);
  const day = dd > 60 ? dd - 60 : dd; // samordningsnummer: day + 60
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Accepts `YYMMDD-NNNC`, `YYMMDDNNNC`, `YYMMDD+NNNC` (age 100+), `YYYYMMDDNNNC` and
 * `YYYYMMDD-NNNC`; the date part must be a real date (29 Feb only in a leap year the century can be).
 */
export function isValidSwedishPersonalNumber(value: unknown): boolean {
  const parsed = parse(value);
  return parsed !== null && isLuhnValid(parsed.digits) && parsed.years.some((year) => isBirthDate(parsed.digits, year));
}

/**
 * The 12-digit form `YYYYMMDDNNNC` to store, or null. `asOf` (the day the number was given) fixes
 * the century of the 10-digit form: with '-' the latest year ≤ asOf's year ending in YY, with '+'
 * a hundred years earlier. Throws CollectkitInputError for a bad `asOf`.
 */
export function normalizeSwedishPersonalNumber(value: unknown, asOf: IsoDate): string | null {
  const { year: asOfYear } = parseIsoDate(asOf, 'asOf');
  const parsed = parse(value);
  if (!parsed || !isLuhnValid(parsed.digits)) return null;
  const yy = +parsed.digits.slice(0, 2);
  let year = parsed.years.length === 1 ? parsed.years[0]! : asOfYear - ((asOfYear - yy) % 100);
  if (parsed.years.length > 1 && parsed.plus) year -= 100;
  return isBirthDate(parsed.digits, year) ? `${year}${parsed.digits.slice(2)}` : null;
}
