/**
 * Writes the `asked` and `feedback` effects of a turn to the question log staff read: the
 * question masked again here (マイナンバー removed, phones, e-mails and postal codes masked,
 * whatever the dialog already did), the LINE user id replaced by a keyed hash (or left out when
 * no hasher is configured), the city and the department of the entry.
 */
import type { Effect } from '../dialog/index.js';
import type { QuestionLogInput } from '../ports.js';
import { maskQuestion } from '../reports/index.js';
import type { FaqEntry } from '../schema/index.js';

/** What a question-log record is made from. */
export interface QuestionLogSource {
  city: string;
  at: Date;
  userId: string | undefined;
  hashUserId: ((userId: string) => string) | undefined;
  entry(id: string): FaqEntry | undefined;
}

/** The record for an effect, or undefined for effects the log does not keep. */
export function questionLogRecord(
  effect: Effect,
  src: QuestionLogSource,
): QuestionLogInput | undefined {
  const base = {
    at: src.at.toISOString(),
    city: src.city,
    ...(src.userId && src.hashUserId ? { user: src.hashUserId(src.userId) } : {}),
  };
  if (effect.type === 'asked') {
    const department = effect.topId ? src.entry(effect.topId)?.department : undefined;
    return {
      kind: 'question',
      ...base,
      query: maskQuestion(effect.query),
      verdict: effect.status,
      ...(effect.topId === undefined ? {} : { topId: effect.topId }),
      ...(effect.score === undefined ? {} : { score: effect.score }),
      ...(department ? { department } : {}),
    };
  }
  if (effect.type === 'feedback') {
    const department = src.entry(effect.entryId)?.department;
    return {
      kind: 'feedback',
      ...base,
      entryId: effect.entryId,
      helpful: effect.helpful,
      ...(department ? { department } : {}),
    };
  }
  return undefined;
}
