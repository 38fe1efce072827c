/**
 * 「前日に通知」 in a conversation: the resident's reminders are read only for the turns that show
 * or change them, and a change is saved before its confirmation is sent (if it cannot be saved,
 * the resident gets an apology instead of a false 「登録しました」).
 */
import type { Effect } from '../dialog/index.js';
import { MAX_REMINDERS } from '../classes/index.js';
import type { Logger, Metrics, ReminderStore } from '../ports.js';
import type { ClassReminder } from '../schema/index.js';

export interface ReminderTurnDeps {
  reminders: ReminderStore;
  logger: Logger;
  metrics?: Metrics;
}

function failed(deps: ReminderTurnDeps, op: string, userId: string, err: unknown): void {
  deps.metrics?.count('madoguchi_store_errors_total', { op });
  deps.logger.warn({ err, op, userId }, 'reminder store failed');
}

/** The resident's reminders, or undefined when they could not be read. */
export async function remindersForTurn(
  deps: ReminderTurnDeps,
  userId: string,
): Promise<ClassReminder[] | undefined> {
  try {
    return await deps.reminders.listForUser(userId);
  } catch (err) {
    failed(deps, 'listReminders', userId, err);
    return undefined;
  }
}

/**
 * Saves the turn's reminder changes. True when there were none or all were saved (a second tap
 * on 「前日に通知」 finds the reminder there: also fine); false otherwise.
 */
export async function saveReminderEffects(
  deps: ReminderTurnDeps | undefined,
  userId: string | undefined,
  effects: readonly Effect[],
  now: Date,
): Promise<boolean> {
  const changes = effects.filter((e) => e.type === 'remind' || e.type === 'unremind');
  if (changes.length === 0) return true;
  if (!deps || !userId) return false;
  try {
    for (const e of changes) {
      if (e.type === 'remind') {
        const r = await deps.reminders.add(
          userId,
          {
            classId: e.classId,
            title: e.title,
            registeredAt: now.toISOString(),
            slot: e.slot,
            version: 1,
          },
          MAX_REMINDERS,
        );
        if (r === 'full') return false;
        deps.metrics?.count('madoguchi_class_reminders_total', { op: 'add' });
      } else if (e.type === 'unremind') {
        await deps.reminders.remove(userId, e.classId);
        deps.metrics?.count('madoguchi_class_reminders_total', { op: 'remove' });
      }
    }
    return true;
  } catch (err) {
    failed(deps, 'saveReminder', userId, err);
    return false;
  }
}
