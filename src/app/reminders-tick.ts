/**
 * One tick of the スマホ教室 scheduler (every few minutes): the due reminders and change notices,
 * then the weekly announcement once its time of the week has passed. Both are idempotent, so a
 * tick that runs twice (two processes, a restart) sends nothing twice. A failing part is logged
 * and retried at the next tick; it never stops the other.
 */
import type { WeeklyTime } from '../classes/index.js';
import { announceNewClasses, type AnnounceDeps, type AnnounceResult } from './announce.js';
import { runClassReminders, type ReminderJobDeps, type ReminderRunReport } from './reminders.js';

export interface ClassTickDeps extends ReminderJobDeps {
  /** The weekly announcement; absent = off (`CLASS_ANNOUNCE_AT=off`, or no broadcast engine). */
  announce?: Pick<AnnounceDeps, 'broadcasts' | 'audience'> & { at?: WeeklyTime };
}

export interface ClassTickResult {
  reminders?: ReminderRunReport;
  announce?: AnnounceResult;
}

export async function runClassTick(deps: ClassTickDeps): Promise<ClassTickResult> {
  const out: ClassTickResult = {};
  try {
    deps.content(); // throws while the content is loading: nothing to do yet
  } catch {
    return out;
  }
  try {
    out.reminders = await runClassReminders(deps);
  } catch (err) {
    deps.logger.error({ err }, 'class reminders failed; retried at the next tick');
  }
  if (deps.announce) {
    try {
      out.announce = await announceNewClasses({
        ...deps.announce,
        reminders: deps.reminders,
        clock: deps.clock,
        logger: deps.logger,
        content: deps.content,
        ...(deps.metrics ? { metrics: deps.metrics } : {}),
      });
    } catch (err) {
      deps.logger.error({ err }, 'class announcement failed; retried at the next tick');
    }
  }
  return out;
}
