import { describe, expect, it } from 'vitest';
import { logToCsv, logToJsonLines } from '../../src/reports/index.js';
import { QuestionLogRecordSchema } from '../../src/schema/index.js';
import { APRIL_LOG, q } from './fixture.js';

describe('question log export', () => {
  it('CSV: one row per question, oldest first, with the resident’s feedback joined', () => {
    const lines = logToCsv(APRIL_LOG).split('\r\n');
    expect(lines[0]).toBe(
      'id,at,city,user,query,verdict,top_id,score,department,feedback_entry_id,helpful,feedback_at',
    );
    expect(lines).toHaveLength(1 + 14 + 1);
    expect(lines).toContain(
      'r5,2026-04-01T03:00:00.000Z,testcity,uid:0000000000000002,住民票 コンビニ,answered,juminhyo,0.8,市民課,juminhyo,false,2026-04-01T03:02:00.000Z',
    );
  });

  it('CSV: quotes commas, quotes and line breaks, and defuses formulas', () => {
    const lines = logToCsv([
      q('2026-04-01T00:00:00Z', '=HYPERLINK("x"),\n改行', 'no_answer'),
      q('2026-04-01T00:00:01Z', '+1', 'no_answer'),
    ]).split('\r\n');
    expect(lines[1]).toContain(`,"'=HYPERLINK(""x""),\n改行",no_answer,`);
    expect(lines[2]).toContain(`,'+1,no_answer,`);
  });

  it('JSON lines: every record as stored, each line valid against the schema', () => {
    const text = logToJsonLines(APRIL_LOG);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(APRIL_LOG.length);
    for (const line of lines)
      expect(QuestionLogRecordSchema.safeParse(JSON.parse(line)).success).toBe(true);
    expect(logToJsonLines([])).toBe('');
  });
});
