/**
 * Calendar arithmetic in Japan time. Japan has one time zone and no daylight saving, so JST is
 * UTC+9 all year: every conversion here adds or removes 9 hours explicitly and reads only the
 * UTC fields of a Date, never the server's zone (the server may well run in UTC).
 */

const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

const pad = (n: number): string => String(n).padStart(2, '0');

function fromUtcMidnight(ms: number): Day {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utcMidnight(day: Day): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** The day it is in Japan at `at`. */
export function jstDay(at: Date): Day {
  return fromUtcMidnight(Math.floor((at.getTime() + JST_OFFSET_MS) / DAY_MS) * DAY_MS);
}

/** Minutes since midnight in Japan at `at` (0–1439). */
export function jstMinutes(at: Date): number {
  const ms = (((at.getTime() + JST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(ms / 60_000);
}

/** The instant of `time` (`HH:MM`) on `day` in Japan. */
export function jstInstant(day: Day, time: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(utcMidnight(day) + (h * 60 + m) * 60_000 - JST_OFFSET_MS);
}

export function addDays(day: Day, n: number): Day {
  return fromUtcMidnight(utcMidnight(day) + n * DAY_MS);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return new Date(utcMidnight(day)).getUTCDay();
}

/** The Monday of the week `day` is in (weeks run Monday to Sunday, as on Japanese calendars). */
export function mondayOf(day: Day): Day {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** The first day of the month `months` after `day`'s month (0 = that month). */
export function monthStart(day: Day, months = 0): Day {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return fromUtcMidnight(Date.UTC(y, m - 1 + months, 1));
}

/** The last day of `day`'s month. */
export function monthEnd(day: Day): Day {
  return addDays(monthStart(day, 1), -1);
}

/** A real calendar day from numbers, or undefined (2月30日). */
export function makeDay(year: number, month: number, date: number): Day | undefined {
  if (month < 1 || month > 12 || date < 1 || date > 31) return undefined;
  const ms = Date.UTC(year, month - 1, date);
  const d = new Date(ms);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === date ? fromUtcMidnight(ms) : undefined;
}

export const WEEKDAY_LABELS = ['日', '月', '火', '水', '木', '金', '土'] as const;
