/** Validation of question-log records on their way in, shared by the memory and Redis logs. */
import { QuestionLogRecordSchema } from '../../schema/index.js';
import type { QuestionLogInput, QuestionLogRecord } from '../../schema/index.js';
import { StoreError } from '../store-error.js';

/**
 * The record with its id, validated, its time written as UTC ISO (`…Z`) so that records sort
 * and compare the same everywhere. Throws `store/bad-record` (never with the record's text).
 */
export function parseQuestionLogInput(input: QuestionLogInput, id: string): QuestionLogRecord {
  const parsed = QuestionLogRecordSchema.safeParse({ id, ...input });
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(record)'))];
    throw new StoreError(
      'store/bad-record',
      `question-log record refused: bad ${fields.join(', ')}`,
    );
  }
  return { ...parsed.data, at: new Date(parsed.data.at).toISOString() };
}
