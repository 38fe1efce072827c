/**
 * The reminder job (run every few minutes by the scheduler): for every stored 「前日に通知」, send
 * what is due — the day-before reminder, a notice that the class moved or was cancelled — and
 * forget reminders of classes that are over. Each push carries a retry key stored with the
 * reminder before the first attempt, so a job that runs twice, or a scheduler restarted midway,
 * never messages a resident twice: the rerun skips what was sent and resends an interrupted push
 * with the same key (LINE answers 409, counted as delivered).
 */
import { classifySendFailure, retryKeyTooOld } from '../delivery/index.js';
import {
  nextReminderAction,
  reminderAt,
  remindKeyOf,
  slotOf,
  type ClassCatalog,
  type ReminderAction,
} from '../classes/index.js';
import { classNoticeMessages } from '../dialog/index.js';
import type { Clock, Logger, Metrics, ReminderStore, Sender } from '../ports.js';
import type { ClassDelivery, ClassReminder } from '../schema/index.js';
import type { BotContent } from './app-deps.js';
import { retryKeyFor } from './retry-key.js';

export interface ReminderJobDeps {
  reminders: ReminderStore;
  sender: Sender;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  /** The loaded content (its schedule and templates); throws while loading. */
  content(): BotContent;
}

/** What one run did, by outcome. */
export interface ReminderRunReport {
  reminded: number;
  moved: number;
  cancelled: number;
  /** Reminders of classes that are over, forgotten. */
  dropped: number;
  /** Pushes that failed for good (LINE refused, quota, retry key too old). */
  failed: number;
  /** Pushes that failed for now; the next run sends them again with the same key. */
  retrying: number;
  /** Reminders another run changed meanwhile (left to it). */
  skipped: number;
}

type Outcome = keyof ReminderRunReport;

/** Pushes in flight at once in one run. */
const PUSH_CONCURRENCY = 8;
type Sendable = Exclude<ReminderAction, { type: 'drop' }>;

const purposeOf = (a: Sendable): 'remind' | 'change' => (a.type === 'remind' ? 'remind' : 'change');

/** The reminder after a successful push. */
function settled(r: ClassReminder, a: Sendable, d: ClassDelivery, now: Date): ClassReminder | null {
  const version = r.version + 1;
  switch (a.type) {
    case 'remind':
      return { ...r, version, remind: { ...d, status: 'sent' } };
    case 'cancelled':
      return null;
    case 'moved': {
      const slot = slotOf(a.cls);
      // Told after the new reminder time: the move notice stands in for the reminder.
      const late = now.getTime() >= reminderAt(a.cls).getTime();
      return {
        ...r,
        version,
        slot,
        change: { ...d, kind: 'moved', status: 'sent' },
        ...(late ? { remind: { ...d, for: remindKeyOf(slot), status: 'sent' as const } } : {}),
      };
    }
  }
}

/** The reminder after a push failed for good: never retried, never looping. */
function givenUp(
  r: ClassReminder,
  a: Sendable,
  d: ClassDelivery,
  reason: string,
): ClassReminder | null {
  const failed = { ...d, status: 'failed' as const, reason };
  const version = r.version + 1;
  if (a.type === 'remind') return { ...r, version, remind: failed };
  if (a.type === 'cancelled') return null;
  return { ...r, version, slot: slotOf(a.cls), change: { ...failed, kind: 'moved' } };
}

async function deliver(
  deps: ReminderJobDeps,
  catalog: ClassCatalog,
  userId: string,
  stored: ClassReminder,
  action: Sendable,
  now: Date,
  stop: { quota: boolean },
): Promise<Outcome> {
  const { reminders, sender, logger } = deps;
  const purpose = purposeOf(action);
  const previous = purpose === 'remind' ? stored.remind : stored.change;
  let r = stored;
  let d: ClassDelivery;
  if (previous?.status === 'sending' && previous.for === action.for) {
    d = previous; // an interrupted push: the same key, so LINE delivers it at most once
    if (retryKeyTooOld(new Date(d.keyAt), now)) {
      const ok = await reminders.update(
        userId,
        r.classId,
        r.version,
        givenUp(r, action, d, 'retry-key-expired'),
      );
      logger.warn(
        { userId, classId: r.classId, type: action.type },
        'retry key too old; not resent',
      );
      return ok ? 'failed' : 'skipped';
    }
  } else {
    d = {
      status: 'sending',
      for: action.for,
      retryKey: retryKeyFor(`class:${r.classId}:${userId}:${action.for}`),
      keyAt: now.toISOString(),
    };
    const claimed: ClassReminder =
      purpose === 'remind'
        ? { ...r, version: r.version + 1, remind: d }
        : {
            ...r,
            version: r.version + 1,
            change: { ...d, kind: action.type === 'moved' ? 'moved' : 'cancelled' },
          };
    // Stored before the first attempt: whoever sends next uses this key.
    if (!(await reminders.update(userId, r.classId, r.version, claimed))) return 'skipped';
    r = claimed;
  }
  const { templates } = deps.content();
  const messages = classNoticeMessages(action, catalog, now, templates, r.title, r.slot);
  if (!messages) return 'skipped';
  try {
    await sender.push(userId, messages, d.retryKey);
  } catch (err) {
    const f = classifySendFailure(err);
    if (f.kind === 'transient' || f.kind === 'rate-limited') {
      logger.warn(
        { userId, classId: r.classId, failure: f.kind },
        'class notice push failed; retried next run',
      );
      return 'retrying';
    }
    if (f.kind === 'quota') stop.quota = true;
    const reason = f.kind === 'quota' ? 'quota' : `rejected: ${f.lineMessage}`.slice(0, 200);
    logger.error({ userId, classId: r.classId, failure: f.kind }, 'class notice push refused');
    await reminders.update(userId, r.classId, r.version, givenUp(r, action, d, reason));
    return 'failed';
  }
  const ok = await reminders.update(userId, r.classId, r.version, settled(r, action, d, now));
  if (!ok) return 'skipped'; // another run settled it first (it sent with the same key)
  return action.type === 'remind' ? 'reminded' : action.type;
}

/** One run over every stored reminder. Never throws for one resident's failure. */
export async function runClassReminders(deps: ReminderJobDeps): Promise<ReminderRunReport> {
  const report: ReminderRunReport = {
    reminded: 0,
    moved: 0,
    cancelled: 0,
    dropped: 0,
    failed: 0,
    retrying: 0,
    skipped: 0,
  };
  const catalog = deps.content().classes;
  if (!catalog) return report;
  const now = deps.clock.now();
  const stop = { quota: false };
  for (const classId of await deps.reminders.classIds()) {
    const cls = catalog.byId(classId);
    const one = async ({ userId, reminder }: { userId: string; reminder: ClassReminder }) => {
      if (stop.quota) return;
      const action = nextReminderAction(reminder, cls, now);
      if (!action) return;
      let outcome: Outcome;
      try {
        if (action.type === 'drop') {
          const ok = await deps.reminders.update(userId, classId, reminder.version, null);
          outcome = ok ? 'dropped' : 'skipped';
        } else {
          outcome = await deliver(deps, catalog, userId, reminder, action, now, stop);
        }
      } catch (err) {
        deps.logger.error({ err, userId, classId }, 'class reminder failed; retried next run');
        outcome = 'retrying';
      }
      report[outcome]++;
      deps.metrics?.count('madoguchi_class_notices_total', { outcome });
    };
    const list = await deps.reminders.listForClass(classId);
    // A few residents at a time: pushes overlap, well under LINE's 2,000 requests per second.
    for (let i = 0; i < list.length && !stop.quota; i += PUSH_CONCURRENCY) {
      await Promise.all(list.slice(i, i + PUSH_CONCURRENCY).map(one));
    }
  }
  if (stop.quota) deps.logger.error({}, 'LINE monthly quota used up: class notices stopped');
  const busy = Object.entries(report).filter(([, n]) => n > 0);
  if (busy.length > 0) deps.logger.info({ ...report }, 'class reminders run');
  return report;
}
