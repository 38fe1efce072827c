/**
 * Arithmetic on calendar days (`YYYY-MM-DD`), with no time zone in it: a day is computed as
 * its UTC midnight, so the server's own zone never matters.
 */

const DAY_MS = 86_400_000;

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

const pad = (n: number): string => String(n).padStart(2, '0');

function dayOfUtcMidnight(ms: number): Day {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utcMidnight(day: Day): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function addDays(day: Day, n: number): Day {
  return dayOfUtcMidnight(utcMidnight(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/** The first day of the month `months` after `day`'s month (0 = that month). */
export function monthStart(day: Day, months = 0): Day {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return dayOfUtcMidnight(Date.UTC(y, m - 1 + months, 1));
}
