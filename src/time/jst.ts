/**
 * Instants to and from Japan time. Japan has one time zone and no daylight saving, so JST is
 * UTC+9 all year: every conversion here adds or removes 9 hours explicitly and reads only the
 * UTC fields of a Date, never the server's zone (the server may well run in UTC).
 */
import type { Day } from './calendar.js';

const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** The JST wall clock of `at`, read through the UTC fields of the returned Date. */
const wallClock = (at: Date): Date => new Date(at.getTime() + JST_OFFSET_MS);

/** The day it is in Japan at `at`, `YYYY-MM-DD`. */
export function jstDay(at: Date): Day {
  return wallClock(at).toISOString().slice(0, 10);
}

/** The month it is in Japan at `at`, `YYYY-MM`. */
export function jstMonth(at: Date): string {
  return jstDay(at).slice(0, 7);
}

/** Minutes since midnight in Japan at `at` (0–1439). */
export function jstMinutes(at: Date): number {
  const ms = (((at.getTime() + JST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(ms / 60_000);
}

/** The instant of `time` (`HH:MM`) on `day` in Japan. */
export function jstInstant(day: Day, time: string): Date {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, mo - 1, d) + (h * 60 + m) * 60_000 - JST_OFFSET_MS);
}

/** The start (JST midnight) of `day`. */
export function jstDayStart(day: Day): Date {
  return jstInstant(day, '00:00');
}

/** `2026-04-01 08:00` in JST, the way staff read times. */
export function formatJst(at: Date): string {
  const iso = wallClock(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
