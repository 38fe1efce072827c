/**
 * When a broadcast goes out. Japan has one time zone and no daylight saving, so JST is UTC+9
 * all year. A non-urgent notice that would go out during the quiet hours (21:00–08:00 by
 * default) waits until the quiet hours end; an urgent one (disaster, emergency) goes at once.
 */
import { formatJst, jstDay, jstInstant, jstMinutes } from '../time/index.js';
import { BroadcastError } from './broadcast-error.js';

const HOUR_MS = 3_600_000;

/** Quiet hours in JST: from `start` o'clock (inclusive) to `end` o'clock (exclusive). */
export interface QuietHours {
  start: number;
  end: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: 21, end: 8 };

/** Reads `"21-8"` (start-end, whole hours 0–23); `"off"` or `""` gives no quiet hours. */
export function parseQuietHours(value: string): QuietHours | undefined {
  const v = value.trim();
  if (v === '' || v === 'off') return undefined;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(v);
  const start = Number(m?.[1]);
  const end = Number(m?.[2]);
  if (!m || start > 23 || end > 23 || start === end) {
    throw new BroadcastError(
      'broadcast/bad-quiet-hours',
      `quiet hours must look like "21-8" (two different hours 0-23), got "${value}"`,
    );
  }
  return { start, end };
}

/** The JST wall-clock hour (0–23) of an instant. */
function jstHour(at: Date): number {
  return Math.floor(jstMinutes(at) / 60);
}

/** True when `at` falls in the quiet hours. */
export function isQuiet(at: Date, quiet: QuietHours | undefined): boolean {
  if (!quiet) return false;
  const h = jstHour(at);
  return quiet.start < quiet.end
    ? h >= quiet.start && h < quiet.end
    : h >= quiet.start || h < quiet.end;
}

/** The first instant at or after `at` when the quiet hours end (`end`:00 JST). */
export function quietHoursEnd(at: Date, quiet: QuietHours): Date {
  const endToday = jstInstant(jstDay(at), `${quiet.end}:00`).getTime();
  return new Date(endToday >= at.getTime() ? endToday : endToday + 24 * HOUR_MS);
}

export interface SendPlan {
  /** When sending starts. */
  at: Date;
  /** True when the quiet hours moved it. */
  held: boolean;
}

export interface PlanInput {
  /** The time the admin asked for; absent = now. */
  requested?: Date;
  now: Date;
  urgent: boolean;
  quiet: QuietHours | undefined;
  /** How far in the past a requested time may be (the admin took a while to confirm). */
  graceMs?: number;
}

/**
 * When to start sending. A requested time more than `graceMs` (default 10 min) in the past is
 * refused (`broadcast/send-time-passed`); a slightly late one means "now".
 */
export function planSendTime(input: PlanInput): SendPlan {
  const { now, urgent, quiet } = input;
  const grace = input.graceMs ?? 10 * 60_000;
  if (input.requested && input.requested.getTime() < now.getTime() - grace) {
    throw new BroadcastError(
      'broadcast/send-time-passed',
      `the send time ${formatJst(input.requested)} has already passed (now ${formatJst(now)})`,
    );
  }
  const base = input.requested && input.requested.getTime() > now.getTime() ? input.requested : now;
  if (urgent || !quiet || !isQuiet(base, quiet)) return { at: base, held: false };
  return { at: quietHoursEnd(base, quiet), held: true };
}

/** `20260401`: the JST date, for broadcast ids. */
export function jstDateStamp(at: Date): string {
  return jstDay(at).replaceAll('-', '');
}
