/**
 * 「前日に通知」: when a reminder is due (the day before the class at 10:00 Japan time), and what a
 * registered resident must be told next: the reminder, a move (new date, time or venue), a
 * cancellation, or nothing. Pure: the stored reminder, the current schedule and now come in.
 */
import type { ClassItem, ClassReminder, ClassSlot } from '../schema/index.js';
import { endOf, startOf } from './catalog.js';
import { addDays, jstInstant, jstMinutes } from '../time/index.js';

/** The reminder goes out at this time (JST) on the day before the class. */
export const REMINDER_TIME = '10:00';
/** Notices go out only between these hours in Japan (a restarted scheduler waits for morning). */
export const DAYTIME = { from: 8, to: 21 } as const;
/** A resident may keep at most this many reminders (one list card shows them all). */
export const MAX_REMINDERS = 8;

/** Where and when a class is, as residents are told it. */
export function slotOf(c: ClassItem): ClassSlot {
  return { date: c.date, start: c.start, end: c.end, venue: c.venue.name };
}

export function slotKey(s: ClassSlot): string {
  return `${s.date} ${s.start}-${s.end} ${s.venue}`;
}

/** The instant the reminder for `c` is due. */
export function reminderAt(c: Pick<ClassItem, 'date'>, time: string = REMINDER_TIME): Date {
  return jstInstant(addDays(c.date, -1), time);
}

export function isDaytime(now: Date): boolean {
  const h = Math.floor(jstMinutes(now) / 60);
  return h >= DAYTIME.from && h < DAYTIME.to;
}

export type RegisterCheck = 'ok' | 'not-found' | 'cancelled' | 'past' | 'too-late';

/**
 * Whether a reminder can still be registered: the class exists, is not cancelled or started,
 * and its reminder time has not passed (it would come too late to help).
 */
export function canRegister(
  c: ClassItem | undefined,
  now: Date,
  time: string = REMINDER_TIME,
): RegisterCheck {
  if (!c) return 'not-found';
  if (c.cancelled) return 'cancelled';
  if (startOf(c).getTime() <= now.getTime()) return 'past';
  if (reminderAt(c, time).getTime() <= now.getTime()) return 'too-late';
  return 'ok';
}

/** What the bot must do for one stored reminder now. */
export type ReminderAction =
  /** The day-before push. */
  | { type: 'remind'; cls: ClassItem; for: string }
  /** The class moved since the resident was told: say where and when it is now. */
  | { type: 'moved'; cls: ClassItem; from: ClassSlot; for: string }
  /** The class was cancelled (or left the schedule): say so, then forget the reminder. */
  | { type: 'cancelled'; cls?: ClassItem; for: string }
  /** The class is over: forget the reminder without a word. */
  | { type: 'drop' };

/**
 * The next action for a reminder, or undefined when nothing is due. Messages wait for the
 * daytime; a delivery already `sending` (a run that stopped midway) is due again, so it is
 * retried with its stored key.
 */
export function nextReminderAction(
  r: ClassReminder,
  c: ClassItem | undefined,
  now: Date,
  time: string = REMINDER_TIME,
): ReminderAction | undefined {
  const t = now.getTime();
  const day = isDaytime(now);
  if (!c || c.cancelled) {
    if (jstInstant(r.slot.date, r.slot.end).getTime() <= t) return { type: 'drop' };
    return day
      ? { type: 'cancelled', ...(c ? { cls: c } : {}), for: `cancelled ${slotKey(r.slot)}` }
      : undefined;
  }
  if (endOf(c).getTime() <= t) return { type: 'drop' };
  const current = slotOf(c);
  if (slotKey(current) !== slotKey(r.slot)) {
    return day
      ? { type: 'moved', cls: c, from: r.slot, for: `moved ${slotKey(current)}` }
      : undefined;
  }
  const key = remindKeyOf(current);
  if (r.remind?.for === key && r.remind.status !== 'sending') return undefined;
  if (t >= reminderAt(c, time).getTime() && t < startOf(c).getTime() && day) {
    return { type: 'remind', cls: c, for: key };
  }
  return undefined;
}

/** The `for` of the reminder of a slot (a move notice sent after the reminder time stands in for it). */
export function remindKeyOf(slot: ClassSlot): string {
  return `remind ${slotKey(slot)}`;
}
