/**
 * Joins each 「役に立った／立たなかった」 to the question it answers: the same (hashed) resident's
 * latest question before it, within a window (a conversation's state lives a day). Records stay
 * append-only in the log; the join is made when a report or an export is read.
 */
import type { FeedbackLogRecord, QuestionLogRecord, QuestionRecord } from '../schema/index.js';

/** A question with the resident's latest feedback on it, if any. */
export interface JoinedQuestion extends QuestionRecord {
  feedback?: { entryId: string; helpful: boolean; at: string };
}

/** Feedback later than this after the question is not joined to it. */
export const FEEDBACK_WINDOW_MS = 86_400_000;

/** Splits records into questions (with their feedback) and feedback, both oldest first. */
export function joinFeedback(
  records: readonly QuestionLogRecord[],
  windowMs = FEEDBACK_WINDOW_MS,
): { questions: JoinedQuestion[]; feedback: FeedbackLogRecord[] } {
  const times = records.map((r) => Date.parse(r.at));
  const order = records.map((_, i) => i);
  if (!isSorted(times)) order.sort((a, b) => times[a]! - times[b]! || a - b);
  const questions: JoinedQuestion[] = [];
  const feedback: FeedbackLogRecord[] = [];
  const lastOf = new Map<string, JoinedQuestion>();
  for (const i of order) {
    const r = records[i]!;
    if (r.kind === 'question') {
      const q: JoinedQuestion = { ...r };
      questions.push(q);
      if (r.user) lastOf.set(r.user, q);
      continue;
    }
    feedback.push(r);
    const q = r.user ? lastOf.get(r.user) : undefined;
    if (q && times[i]! - Date.parse(q.at) <= windowMs) {
      q.feedback = { entryId: r.entryId, helpful: r.helpful, at: r.at };
    }
  }
  return { questions, feedback };
}

function isSorted(times: number[]): boolean {
  for (let i = 1; i < times.length; i++) if (times[i - 1]! > times[i]!) return false;
  return true;
}
