import type { IsoDate } from '@collectkit/sdk';

/** The visitor's calendar day: the one place the widget reads the clock (the sdk never does). */
export function todayIso(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
