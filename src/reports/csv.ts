/**
 * CSV (RFC 4180, CRLF) and JSON lines for staff tools: the monthly report as one tidy table,
 * the unanswered queue, and the question log itself. Cells that a spreadsheet would run as a
 * formula (=, +, -, @ first) get a leading apostrophe: residents' text is never executed.
 */
import type { QuestionLogRecord } from '../schema/index.js';
import { joinFeedback } from './join-feedback.js';
import type { Figures, MonthlyReport } from './monthly-report.js';
import type { QueueGroup } from './unanswered-queue.js';

type Cell = string | number | boolean | null | undefined;

/** One CSV field. Numbers are written as they are (a negative number is not a formula). */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text (CRLF line ends, as spreadsheets expect). */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Columns of the report CSV. */
export const REPORT_CSV_HEADER = [
  'section',
  'department',
  'rank',
  'item',
  'count',
  'share',
  'detail',
] as const;

function figureRows(department: string, f: Figures, days: string[]): Cell[][] {
  const rows: Cell[][] = [
    ['summary', department, '', 'questions', f.questions, '', ''],
    ['summary', department, '', 'answered', f.answered, round(f.answeredShare), ''],
    ['summary', department, '', 'ambiguous', f.ambiguous, round(f.ambiguousShare), ''],
    ['summary', department, '', 'no_answer', f.noAnswer, round(f.noAnswerShare), ''],
    ['summary', department, '', 'feedback', f.feedback, '', ''],
    [
      'summary',
      department,
      '',
      'helpful',
      f.helpful,
      f.helpfulShare === null ? '' : round(f.helpfulShare),
      '',
    ],
  ];
  f.topEntries.forEach((e, i) =>
    rows.push(['top_entry', department, i + 1, e.id, e.count, '', e.question ?? '']),
  );
  f.worstEntries.forEach((e, i) =>
    rows.push([
      'worst_entry',
      department,
      i + 1,
      e.id,
      e.notHelpful,
      round(e.notHelpfulShare),
      `helpful=${e.helpful}${e.question ? ` ${e.question}` : ''}`,
    ]),
  );
  f.unanswered.forEach((g, i) =>
    rows.push([
      'unanswered',
      department,
      i + 1,
      g.text,
      g.count,
      '',
      g.variants.map((v) => `${v.text} (${v.count})`).join(' / '),
    ]),
  );
  f.daily.forEach((n, i) => rows.push(['daily', department, '', days[i] ?? '', n, '', '']));
  return rows;
}

/**
 * The report as one table: `section` is summary, top_entry, worst_entry, unanswered or daily.
 * `overall: false` leaves out the (全体) rows (a report of one department).
 */
export function reportToCsv(report: MonthlyReport, options: { overall?: boolean } = {}): string {
  const rows: Cell[][] = [[...REPORT_CSV_HEADER]];
  if (options.overall !== false) rows.push(...figureRows('(全体)', report.overall, report.days));
  for (const d of report.departments)
    rows.push(...figureRows(d.department, d.figures, report.days));
  return toCsv(rows);
}

/**
 * The unanswered queue as CSV. `department: true` adds a last column with each group's
 * department (the console's download, where staff sort by it).
 */
export function queueToCsv(
  groups: readonly QueueGroup[],
  options: { department?: boolean } = {},
): string {
  const extra = options.department ? ['department'] : [];
  const rows: Cell[][] = [
    [
      'rank',
      'question',
      'count',
      'no_answer',
      'not_helpful',
      'entries',
      'last_at',
      'variants',
      ...extra,
    ],
  ];
  groups.forEach((g, i) =>
    rows.push([
      i + 1,
      g.text,
      g.count,
      g.noAnswer,
      g.notHelpful,
      g.entries.join(' '),
      g.lastAt,
      g.variants.map((v) => `${v.text} (${v.count})`).join(' / '),
      ...(options.department ? [g.department] : []),
    ]),
  );
  return toCsv(rows);
}

/** Columns of the question-log export: one row per question, its feedback joined. */
export const LOG_CSV_HEADER = [
  'id',
  'at',
  'city',
  'user',
  'query',
  'verdict',
  'top_id',
  'score',
  'department',
  'feedback_entry_id',
  'helpful',
  'feedback_at',
] as const;

/** The log as CSV: questions oldest first, each with the resident's feedback when joined. */
export function logToCsv(records: readonly QuestionLogRecord[]): string {
  const { questions } = joinFeedback(records);
  const rows: Cell[][] = [[...LOG_CSV_HEADER]];
  for (const q of questions) {
    rows.push([
      q.id,
      q.at,
      q.city,
      q.user,
      q.query,
      q.verdict,
      q.topId,
      q.score === undefined ? '' : round(q.score),
      q.department,
      q.feedback?.entryId,
      q.feedback?.helpful,
      q.feedback?.at,
    ]);
  }
  return toCsv(rows);
}

/** The log as JSON lines: every record as stored (questions and feedback), oldest first. */
export function logToJsonLines(records: readonly QuestionLogRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length > 0 ? '\n' : '');
}
