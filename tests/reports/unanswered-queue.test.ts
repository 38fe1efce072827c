import { describe, expect, it } from 'vitest';
import {
  buildUnansweredQueue,
  joinFeedback,
  queueToCsv,
  renderQueueMarkdown,
} from '../../src/reports/index.js';
import { APRIL_LOG, fb, q } from './fixture.js';

describe('joinFeedback', () => {
  it('joins feedback to the same resident’s latest question before it', () => {
    const { questions, feedback } = joinFeedback(APRIL_LOG);
    expect(feedback).toHaveLength(5);
    const byQuery = new Map(questions.map((x) => [x.query, x.feedback]));
    expect(byQuery.get('住民票 コンビニ')).toMatchObject({ entryId: 'juminhyo', helpful: false });
    expect(byQuery.get('印鑑証明はどこで')).toMatchObject({ entryId: 'inkan', helpful: false });
    expect(byQuery.get('粗大ごみの出し方')).toBeUndefined();
  });

  it('ignores feedback from another resident, and feedback a day or more later', () => {
    const { questions } = joinFeedback([
      q('2026-04-01T00:00:00Z', 'A', 'answered', 'a', undefined, 1),
      fb('2026-04-01T00:01:00Z', 'a', false, undefined, 2),
      q('2026-04-01T00:00:00Z', 'B', 'answered', 'b', undefined, 3),
      fb('2026-04-02T00:00:01Z', 'b', false, undefined, 3),
    ]);
    expect(questions.map((x) => x.feedback)).toEqual([undefined, undefined]);
  });

  it('sorts by time first and keeps the latest feedback on a question', () => {
    const { questions } = joinFeedback([
      fb('2026-04-01T00:03:00Z', 'a', true, undefined, 1),
      fb('2026-04-01T00:02:00Z', 'a', false, undefined, 1),
      q('2026-04-01T00:00:00Z', 'A', 'answered', 'a', undefined, 1),
    ]);
    expect(questions[0]!.feedback).toMatchObject({ helpful: true, at: '2026-04-01T00:03:00Z' });
  });
});

describe('buildUnansweredQueue', () => {
  const queue = buildUnansweredQueue(APRIL_LOG, { city: 'testcity' });

  it('lists unanswered and 役に立たなかった questions grouped by wording, largest first', () => {
    expect(queue.map((g) => [g.text, g.count, g.noAnswer, g.notHelpful])).toEqual([
      ['図書館 何時まで', 3, 3, 0],
      ['粗大ごみの出し方', 3, 3, 0],
      ['住民票 コンビニ', 1, 0, 1],
      ['印鑑証明はどこで', 1, 0, 1],
    ]);
    expect(queue[3]!.entries).toEqual(['inkan']);
    expect(queue[0]!.lastAt).toBe('2026-04-30T15:00:00.000Z');
  });

  it('takes a start date (and an end)', () => {
    const since = buildUnansweredQueue(APRIL_LOG, {
      city: 'testcity',
      since: new Date('2026-04-30T00:00:00Z'),
    });
    expect(since.map((g) => [g.text, g.count])).toEqual([['図書館 何時まで', 2]]);
    const window = buildUnansweredQueue(APRIL_LOG, {
      city: 'testcity',
      since: new Date('2026-04-30T00:00:00Z'),
      until: new Date('2026-04-30T15:00:00Z'),
    });
    expect(window.map((g) => [g.text, g.count])).toEqual([['図書館 何時まで？', 1]]);
  });

  it('renders as Markdown and as CSV', () => {
    const md = renderQueueMarkdown(queue, { city: 'testcity', since: '2026-04-01' });
    expect(md).toContain('（2026-04-01 以降）');
    expect(md).toContain('| 1 | 図書館 何時まで | 3 | 3 | 0 |  | 2026-05-01 |');
    expect(md).toContain('| 4 | 印鑑証明はどこで | 1 | 0 | 1 | `inkan` | 2026-04-01 |');
    expect(renderQueueMarkdown([], { city: 'x' })).toContain('対象の質問はありません');
    const csv = queueToCsv(queue).split('\r\n');
    expect(csv[0]).toBe('rank,question,count,no_answer,not_helpful,entries,last_at,variants');
    expect(csv[4]).toBe('4,印鑑証明はどこで,1,0,1,inkan,2026-04-01T04:00:00.000Z,');
  });
});
