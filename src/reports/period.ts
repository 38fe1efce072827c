/**
 * Months, days and retention in Japan time. JST is UTC+9 all year (no daylight saving), so
 * every conversion adds or removes 9 hours explicitly and reads only UTC fields: the server's
 * own time zone never matters.
 */

const JST_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

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
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = Date.UTC(y, m - 1, 1) - JST_MS;
  const to = Date.UTC(y, m, 1) - JST_MS;
  const count = Math.round((to - from) / DAY_MS);
  const days = Array.from({ length: count }, (_, i) => `${month}-${pad(i + 1)}`);
  return { month, from: new Date(from), to: new Date(to), days };
}

/** The JST month an instant falls in, `YYYY-MM`. */
export function jstMonth(at: Date): string {
  const d = new Date(at.getTime() + JST_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** The JST day an instant falls in, `YYYY-MM-DD`. */
export function jstDate(at: Date): string {
  return new Date(at.getTime() + JST_MS).toISOString().slice(0, 10);
}

/** The month before `month`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** The start (JST midnight) of a `YYYY-MM-DD` day. */
export function jstDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - JST_MS);
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
