/**
 * The monthly report of the question log, per department and overall: how many questions, the
 * share answered / ambiguous / no answer, the share of 「役に立った」 among feedback, the entries
 * asked most, the entries with the worst feedback, the unanswered questions grouped by wording,
 * and the daily volume. Pure: the records and the month come in, plain data goes out.
 */
import type { FeedbackLogRecord, QuestionLogRecord, QuestionRecord } from '../schema/index.js';
import { groupWordings, type GroupOptions } from './group-wordings.js';
import { dayIndex, monthRange } from './period.js';

/** The department of questions whose top entry names none (or that found no entry at all). */
export const NO_DEPARTMENT = '（担当課なし）';

export interface EntryCount {
  id: string;
  /** The entry's question, when the FAQ is known to the caller. */
  question?: string;
  count: number;
}

export interface EntryFeedback {
  id: string;
  question?: string;
  helpful: number;
  notHelpful: number;
  /** 役に立たなかった / all feedback on the entry. */
  notHelpfulShare: number;
}

export interface UnansweredGroup {
  text: string;
  count: number;
  variants: Array<{ text: string; count: number }>;
}

export interface Figures {
  questions: number;
  answered: number;
  ambiguous: number;
  noAnswer: number;
  /** Shares of `questions` (0–1); 0 when there were no questions. */
  answeredShare: number;
  ambiguousShare: number;
  noAnswerShare: number;
  feedback: number;
  helpful: number;
  /** 役に立った / feedback, or null without feedback. */
  helpfulShare: number | null;
  topEntries: EntryCount[];
  worstEntries: EntryFeedback[];
  unanswered: UnansweredGroup[];
  /** Questions per JST day of the month (index 0 = the 1st). */
  daily: number[];
}

export interface MonthlyReport {
  city: string;
  month: string;
  /** The month's days, `YYYY-MM-DD`, matching `daily`. */
  days: string[];
  overall: Figures;
  /** The departments with questions or feedback, busiest first. */
  departments: Array<{ department: string; figures: Figures }>;
}

export interface ReportOptions {
  city: string;
  /** `YYYY-MM` (JST). Records outside the month are ignored. */
  month: string;
  /** The question of an entry id, to show beside it. */
  entryQuestion?(id: string): string | undefined;
  /** How many rows each list keeps. Default 10. */
  top?: number;
  grouping?: GroupOptions;
}

/** Builds the month's report from log records (any order; other cities and months skipped). */
export function buildMonthlyReport(
  records: readonly QuestionLogRecord[],
  options: ReportOptions,
): MonthlyReport {
  const range = monthRange(options.month);
  const from = range.from.getTime();
  const to = range.to.getTime();
  const questions: Array<{ q: QuestionRecord; day: number }> = [];
  const feedback: FeedbackLogRecord[] = [];
  for (const r of records) {
    if (r.city !== options.city) continue;
    const t = Date.parse(r.at);
    if (t < from || t >= to) continue;
    if (r.kind === 'question') questions.push({ q: r, day: dayIndex(t, from) });
    else feedback.push(r);
  }
  const figures = (qs: typeof questions, fb: FeedbackLogRecord[]): Figures =>
    computeFigures(qs, fb, range.days.length, options);

  const byDept = new Map<string, { qs: typeof questions; fb: FeedbackLogRecord[] }>();
  const dept = (name: string | undefined) => {
    const key = name ?? NO_DEPARTMENT;
    let d = byDept.get(key);
    if (!d) byDept.set(key, (d = { qs: [], fb: [] }));
    return d;
  };
  for (const x of questions) dept(x.q.department).qs.push(x);
  for (const f of feedback) dept(f.department).fb.push(f);
  const departments = [...byDept.entries()]
    .sort(
      ([a, x], [b, y]) =>
        y.qs.length - x.qs.length || y.fb.length - x.fb.length || a.localeCompare(b, 'ja'),
    )
    .map(([department, d]) => ({ department, figures: figures(d.qs, d.fb) }));

  return {
    city: options.city,
    month: options.month,
    days: range.days,
    overall: figures(questions, feedback),
    departments,
  };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/**
 * Lower bound of the Wilson interval (95 %) of a share: how sure the data makes us that the
 * share is high, so 1 unhelpful vote out of 1 does not outrank 8 out of 10.
 */
export function wilsonLower(part: number, whole: number): number {
  if (whole === 0) return 0;
  const z = 1.96;
  const p = part / whole;
  const z2 = (z * z) / whole;
  return (p + z2 / 2 - z * Math.sqrt((p * (1 - p) + z2 / 4) / whole)) / (1 + z2);
}

function computeFigures(
  questions: Array<{ q: QuestionRecord; day: number }>,
  feedback: FeedbackLogRecord[],
  dayCount: number,
  options: ReportOptions,
): Figures {
  const top = options.top ?? 10;
  const question = (id: string) => {
    const q = options.entryQuestion?.(id);
    return q === undefined ? {} : { question: q };
  };
  let answered = 0;
  let ambiguous = 0;
  let noAnswer = 0;
  const daily = new Array<number>(dayCount).fill(0);
  const asked = new Map<string, number>();
  const unanswered: QuestionRecord[] = [];
  for (const { q, day } of questions) {
    daily[day] = (daily[day] ?? 0) + 1;
    if (q.verdict === 'no_answer') {
      noAnswer++;
      unanswered.push(q);
      continue;
    }
    if (q.verdict === 'answered') answered++;
    else ambiguous++;
    if (q.topId) asked.set(q.topId, (asked.get(q.topId) ?? 0) + 1);
  }

  let helpful = 0;
  const votes = new Map<string, { helpful: number; notHelpful: number }>();
  for (const f of feedback) {
    if (f.helpful) helpful++;
    const v = votes.get(f.entryId) ?? { helpful: 0, notHelpful: 0 };
    if (f.helpful) v.helpful++;
    else v.notHelpful++;
    votes.set(f.entryId, v);
  }

  const topEntries = [...asked.entries()]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, top)
    .map(([id, count]) => ({ id, ...question(id), count }));
  const worstEntries = [...votes.entries()]
    .filter(([, v]) => v.notHelpful > 0)
    .map(([id, v]) => ({ id, v, rank: wilsonLower(v.notHelpful, v.helpful + v.notHelpful) }))
    .sort((a, b) => b.rank - a.rank || b.v.notHelpful - a.v.notHelpful || (a.id < b.id ? -1 : 1))
    .slice(0, top)
    .map(({ id, v }) => ({
      id,
      ...question(id),
      helpful: v.helpful,
      notHelpful: v.notHelpful,
      notHelpfulShare: share(v.notHelpful, v.helpful + v.notHelpful),
    }));
  const groups = groupWordings(unanswered, (q) => q.query, options.grouping)
    .slice(0, top)
    .map(({ text, count, variants }) => ({ text, count, variants }));

  const total = questions.length;
  return {
    questions: total,
    answered,
    ambiguous,
    noAnswer,
    answeredShare: share(answered, total),
    ambiguousShare: share(ambiguous, total),
    noAnswerShare: share(noAnswer, total),
    feedback: feedback.length,
    helpful,
    helpfulShare: feedback.length === 0 ? null : helpful / feedback.length,
    topEntries,
    worstEntries,
    unanswered: groups,
    daily,
  };
}
