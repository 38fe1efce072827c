/**
 * The staff queue: questions the bot could not answer and questions whose answer the resident
 * marked 「役に立たなかった」, grouped by near-identical wording, the most frequent first. Each
 * group is a candidate for a new or better FAQ entry.
 */
import type { QuestionLogRecord } from '../schema/index.js';
import { groupWordings, type GroupOptions } from './group-wordings.js';
import { joinFeedback, type JoinedQuestion } from './join-feedback.js';
import { NO_DEPARTMENT } from './monthly-report.js';

export interface QueueGroup {
  text: string;
  count: number;
  /** Questions of the group the bot had no answer for. */
  noAnswer: number;
  /** Questions of the group answered, but marked 「役に立たなかった」. */
  notHelpful: number;
  /** The entries marked 「役に立たなかった」 in the group, most often first. */
  entries: string[];
  /** The newest question of the group (ISO time). */
  lastAt: string;
  /**
   * The department most of the group's questions went to (their top entry's; `NO_DEPARTMENT`
   * when none had one): whose queue the group is in. Ties go to the name first in Japanese order.
   */
  department: string;
  variants: Array<{ text: string; count: number }>;
}

export interface QueueOptions {
  city: string;
  /** Only questions at or after this instant. */
  since?: Date;
  /** Only questions before this instant. */
  until?: Date;
  grouping?: GroupOptions;
}

/** Builds the queue from log records (any order; other cities skipped). */
export function buildUnansweredQueue(
  records: readonly QuestionLogRecord[],
  options: QueueOptions,
): QueueGroup[] {
  const since = options.since?.getTime() ?? -Infinity;
  const until = options.until?.getTime() ?? Infinity;
  const { questions } = joinFeedback(records.filter((r) => r.city === options.city));
  const waiting = questions.filter((q) => {
    const t = Date.parse(q.at);
    if (t < since || t >= until) return false;
    return q.verdict === 'no_answer' || q.feedback?.helpful === false;
  });
  return groupWordings(waiting, (q) => q.query, options.grouping).map((g) => summarize(g));
}

function summarize(g: {
  text: string;
  count: number;
  variants: Array<{ text: string; count: number }>;
  items: JoinedQuestion[];
}): QueueGroup {
  let noAnswer = 0;
  let lastAt = '';
  let lastMs = -Infinity;
  const entries = new Map<string, number>();
  const departments = new Map<string, number>();
  for (const q of g.items) {
    const d = q.department ?? NO_DEPARTMENT;
    departments.set(d, (departments.get(d) ?? 0) + 1);
    if (q.verdict === 'no_answer') noAnswer++;
    else if (q.feedback)
      entries.set(q.feedback.entryId, (entries.get(q.feedback.entryId) ?? 0) + 1);
    const t = Date.parse(q.at);
    if (t > lastMs) {
      lastMs = t;
      lastAt = q.at;
    }
  }
  return {
    text: g.text,
    count: g.count,
    noAnswer,
    notHelpful: g.count - noAnswer,
    entries: [...entries.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([id]) => id),
    lastAt,
    department:
      [...departments.entries()].sort(
        ([a, x], [b, y]) => y - x || a.localeCompare(b, 'ja'),
      )[0]?.[0] ?? NO_DEPARTMENT,
    variants: g.variants,
  };
}
