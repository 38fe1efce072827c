/**
 * Weekdays and months of calendar days, for the date words residents use (土曜, 来週, 12月).
 * Japan-time conversions and day arithmetic live in `time/`.
 */
import { addDays, monthStart, type Day } from '../time/index.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The Monday of the week `day` is in (weeks run Monday to Sunday, as on Japanese calendars). */
export function mondayOf(day: Day): Day {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** The last day of `day`'s month. */
export function monthEnd(day: Day): Day {
  return addDays(monthStart(day, 1), -1);
}

/** A real calendar day from numbers, or undefined (2月30日). */
export function makeDay(year: number, month: number, date: number): Day | undefined {
  if (month < 1 || month > 12 || date < 1 || date > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, date));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === date
    ? `${d.getUTCFullYear()}-${pad(month)}-${pad(date)}`
    : undefined;
}

export const WEEKDAY_LABELS = ['日', '月', '火', '水', '木', '金', '土'] as const;
