/**
 * Months and retention in Japan time. The JST conversions themselves live in `time/`; the
 * server's own time zone never matters.
 */
import { addDays, daysBetween, jstDayStart, monthStart } from '../time/index.js';

const DAY_MS = 86_400_000;

/** A JST month as a half-open range of instants, with its days. */
export interface MonthRange {
  /** `YYYY-MM`. */
  month: string;
  from: Date;
  /** Exclusive. */
  to: Date;
  /** The days of the month, `YYYY-MM-DD`. */
  days: string[];
}

/** The range of a `YYYY-MM` month in JST. */
export function monthRange(month: string): MonthRange {
  const first = `${month}-01`;
  const next = monthStart(first, 1);
  const days = Array.from({ length: daysBetween(first, next) }, (_, i) => addDays(first, i));
  return { month, from: jstDayStart(first), to: jstDayStart(next), days };
}

/** The month before `month`. */
export function previousMonth(month: string): string {
  return monthStart(`${month}-01`, -1).slice(0, 7);
}

/**
 * The oldest instant a log with a retention of `months` keeps at `now`: the same day and time,
 * `months` calendar months earlier (the 31st falls back to the month's last day).
 */
export function retentionCutoff(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      y,
      m,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
}

/** Index of the JST day of `ms` within a month starting at `fromMs` (JST midnight). */
export function dayIndex(ms: number, fromMs: number): number {
  return Math.floor((ms - fromMs) / DAY_MS);
}
