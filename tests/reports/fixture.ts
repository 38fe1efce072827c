/**
 * A fixed question log for report tests: city `testcity`, April 2026 (JST), two departments,
 * feedback joined by hashed user, and records that must be left out (other city, the last
 * minute of March and the first of May in Japan time).
 */
import type { QuestionLogRecord } from '../../src/schema/index.js';

let n = 0;
const id = () => `r${++n}`;
const U = (k: number) => `uid:${String(k).padStart(16, '0')}`;

type Verdict = 'answered' | 'ambiguous' | 'no_answer';

export function q(
  at: string,
  query: string,
  verdict: Verdict,
  topId?: string,
  department?: string,
  user?: number,
  city = 'testcity',
): QuestionLogRecord {
  return {
    kind: 'question',
    id: id(),
    at,
    city,
    query,
    verdict,
    ...(topId ? { topId, score: verdict === 'no_answer' ? 0.1 : 0.8 } : {}),
    ...(department ? { department } : {}),
    ...(user === undefined ? {} : { user: U(user) }),
  };
}

export function fb(
  at: string,
  entryId: string,
  helpful: boolean,
  department?: string,
  user?: number,
): QuestionLogRecord {
  return {
    kind: 'feedback',
    id: id(),
    at,
    city: 'testcity',
    entryId,
    helpful,
    ...(department ? { department } : {}),
    ...(user === undefined ? {} : { user: U(user) }),
  };
}

const SHIMIN = '市民課';
const ZEIMU = '税務課';

/** 11 questions and 5 feedback in April 2026 JST, plus 3 questions outside it. */
export const APRIL_LOG: QuestionLogRecord[] = [
  // Outside: 2026-03-31 23:59 JST, another city, 2026-05-01 00:00 JST.
  q('2026-03-31T14:59:00.000Z', 'コンビニで住民票', 'answered', 'juminhyo', SHIMIN, 1),
  q('2026-04-02T01:00:00.000Z', 'コンビニで住民票', 'answered', 'juminhyo', SHIMIN, 1, 'othercity'),
  // April 1 JST (2026-03-31T15:00Z is midnight of April 1 in Japan).
  q('2026-03-31T15:00:00.000Z', 'コンビニで住民票とれる？', 'answered', 'juminhyo', SHIMIN, 1),
  fb('2026-03-31T15:01:00.000Z', 'juminhyo', true, SHIMIN, 1),
  q('2026-04-01T03:00:00.000Z', '住民票 コンビニ', 'answered', 'juminhyo', SHIMIN, 2),
  fb('2026-04-01T03:02:00.000Z', 'juminhyo', false, SHIMIN, 2),
  q('2026-04-01T04:00:00.000Z', '印鑑証明はどこで', 'ambiguous', 'inkan', SHIMIN, 3),
  fb('2026-04-01T04:03:00.000Z', 'inkan', false, SHIMIN, 3),
  // April 10 JST.
  q('2026-04-10T00:00:00.000Z', '粗大ごみの出し方', 'no_answer', 'inkan', SHIMIN, 4),
  q('2026-04-10T01:00:00.000Z', '粗大ゴミの出し方？', 'no_answer', undefined, undefined, 5),
  q(
    '2026-04-10T02:00:00.000Z',
    '粗大ごみの出し方を教えてください',
    'no_answer',
    undefined,
    undefined,
    6,
  ),
  q('2026-04-10T03:00:00.000Z', '図書館は何時まで', 'no_answer', undefined, undefined, 7),
  q('2026-04-10T04:00:00.000Z', '市県民税をPayPayで払える？', 'answered', 'paypay', ZEIMU, 8),
  fb('2026-04-10T04:01:00.000Z', 'paypay', true, ZEIMU, 8),
  q('2026-04-10T05:00:00.000Z', '軽自動車税 ペイペイ', 'answered', 'paypay', ZEIMU, 9),
  fb('2026-04-10T05:05:00.000Z', 'paypay', true, ZEIMU, 9),
  // April 30 JST, 23:59.
  q('2026-04-30T14:59:00.000Z', '税金 コンビニ払い', 'ambiguous', 'conveni-tax', ZEIMU, 10),
  q('2026-04-30T14:59:30.000Z', '図書館 何時まで？', 'no_answer', undefined, undefined, 11),
  // May 1 JST: outside.
  q('2026-04-30T15:00:00.000Z', '図書館 何時まで', 'no_answer', undefined, undefined, 12),
];
