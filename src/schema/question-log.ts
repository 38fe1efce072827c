/**
 * The question log staff read (issue 7): every resident question with its verdict, and later
 * the resident's 「役に立った／立たなかった」. Written masked (no マイナンバー, phones, e-mails or
 * postal codes) and with the LINE user id replaced by a keyed hash; parsed again on every read.
 */
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });
const cityId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a city id like komaki');
/** A keyed hash of the LINE user id (`uid:` + hex), never the id itself. */
const hashedUser = z.string().regex(/^uid:[0-9a-f]{8,64}$/, 'must be a hashed user id (uid:…)');

export const QUESTION_VERDICTS = ['answered', 'ambiguous', 'no_answer'] as const;
export const QuestionVerdictSchema = z.enum(QUESTION_VERDICTS);
export type QuestionVerdict = z.infer<typeof QuestionVerdictSchema>;

const common = {
  /** Unique within the log; given by the log when the record is appended. */
  id: z.string().min(1).max(64),
  at: isoTime,
  city: cityId,
  user: hashedUser.optional(),
};

/** One question as the bot saw it. `department` is the top entry's, when it has one. */
export const QuestionRecordSchema = z.object({
  kind: z.literal('question'),
  ...common,
  /** Masked before it is written (`maskQuestion` in src/reports). */
  query: z.string().max(500),
  verdict: QuestionVerdictSchema,
  topId: z.string().min(1).optional(),
  score: z.number().optional(),
  department: z.string().min(1).optional(),
});
export type QuestionRecord = z.infer<typeof QuestionRecordSchema>;

/** A resident's feedback on an entry, joined to their question when reports are made. */
export const FeedbackLogRecordSchema = z.object({
  kind: z.literal('feedback'),
  ...common,
  entryId: z.string().min(1),
  helpful: z.boolean(),
  department: z.string().min(1).optional(),
});
export type FeedbackLogRecord = z.infer<typeof FeedbackLogRecordSchema>;

export const QuestionLogRecordSchema = z.discriminatedUnion('kind', [
  QuestionRecordSchema,
  FeedbackLogRecordSchema,
]);
export type QuestionLogRecord = z.infer<typeof QuestionLogRecordSchema>;

/** What callers append: the log gives the id. */
export type QuestionLogInput = Omit<QuestionRecord, 'id'> | Omit<FeedbackLogRecord, 'id'>;

/** How long the log keeps records, in months, unless configured (`QUESTION_LOG_RETENTION_MONTHS`). */
export const DEFAULT_RETENTION_MONTHS = 13;

/** `YYYY-MM`, a month in Japan time (reports are made per JST month). */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use YYYY-MM, e.g. 2026-04');
