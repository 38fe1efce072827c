import { describe, expect, it } from 'vitest';
import {
  buildMonthlyReport,
  NO_DEPARTMENT,
  renderReportMarkdown,
  reportToCsv,
} from '../../src/reports/index.js';
import { APRIL_LOG } from './fixture.js';

const QUESTIONS: Record<string, string> = {
  juminhyo: '住民票の写しはコンビニで取れますか？',
  paypay: '市税はPayPayで払えますか？',
};
const report = buildMonthlyReport(APRIL_LOG, {
  city: 'testcity',
  month: '2026-04',
  entryQuestion: (id) => QUESTIONS[id],
});

describe('buildMonthlyReport on a fixed log', () => {
  it('counts only the month in Japan time and only the city', () => {
    expect(report.days).toHaveLength(30);
    expect(report.overall.questions).toBe(11);
    expect(report.overall.feedback).toBe(5);
  });

  it('gives the verdict counts and shares', () => {
    const f = report.overall;
    expect([f.answered, f.ambiguous, f.noAnswer]).toEqual([4, 2, 5]);
    expect(f.answeredShare).toBeCloseTo(4 / 11);
    expect(f.ambiguousShare).toBeCloseTo(2 / 11);
    expect(f.noAnswerShare).toBeCloseTo(5 / 11);
  });

  it('gives the share of 役に立った among feedback', () => {
    expect(report.overall.helpful).toBe(3);
    expect(report.overall.helpfulShare).toBeCloseTo(3 / 5);
  });

  it('ranks the entries asked most (answered or offered first)', () => {
    expect(report.overall.topEntries).toEqual([
      { id: 'juminhyo', question: QUESTIONS.juminhyo, count: 2 },
      { id: 'paypay', question: QUESTIONS.paypay, count: 2 },
      { id: 'conveni-tax', count: 1 },
      { id: 'inkan', count: 1 },
    ]);
  });

  it('ranks the entries with the worst feedback', () => {
    expect(report.overall.worstEntries).toEqual([
      { id: 'inkan', helpful: 0, notHelpful: 1, notHelpfulShare: 1 },
      {
        id: 'juminhyo',
        question: QUESTIONS.juminhyo,
        helpful: 1,
        notHelpful: 1,
        notHelpfulShare: 0.5,
      },
    ]);
  });

  it('groups the unanswered questions, the most frequent first', () => {
    expect(report.overall.unanswered).toEqual([
      {
        text: '粗大ごみの出し方',
        count: 3,
        variants: [
          { text: '粗大ごみの出し方を教えてください', count: 1 },
          { text: '粗大ゴミの出し方？', count: 1 },
        ],
      },
      { text: '図書館 何時まで？', count: 2, variants: [{ text: '図書館は何時まで', count: 1 }] },
    ]);
  });

  it('counts questions per JST day', () => {
    const d = report.overall.daily;
    expect(d[0]).toBe(3);
    expect(d[9]).toBe(6);
    expect(d[29]).toBe(2);
    expect(d.reduce((a, b) => a + b, 0)).toBe(11);
  });

  it('splits by department (of the top entry), busiest first', () => {
    expect(report.departments.map((d) => [d.department, d.figures.questions])).toEqual([
      ['市民課', 4],
      [NO_DEPARTMENT, 4],
      ['税務課', 3],
    ]);
    const shimin = report.departments[0]!.figures;
    expect([shimin.answered, shimin.ambiguous, shimin.noAnswer]).toEqual([2, 1, 1]);
    expect([shimin.feedback, shimin.helpful]).toEqual([3, 1]);
    const zeimu = report.departments[2]!.figures;
    expect(zeimu.helpfulShare).toBe(1);
    expect(report.departments[1]!.figures.feedback).toBe(0);
    expect(report.departments[1]!.figures.helpfulShare).toBeNull();
  });

  it('is empty, not broken, for a month without records', () => {
    const empty = buildMonthlyReport(APRIL_LOG, { city: 'testcity', month: '2026-02' });
    expect(empty.overall.questions).toBe(0);
    expect(empty.overall.answeredShare).toBe(0);
    expect(empty.days).toHaveLength(28);
    expect(empty.departments).toEqual([]);
    expect(renderReportMarkdown(empty)).toContain('| 0 |');
  });
});

describe('report rendering', () => {
  it('Markdown: figures, the daily sparkline, the lists and each department', () => {
    const md = renderReportMarkdown(report, 'テスト市');
    expect(md).toContain('# 質問ログ 月次レポート: テスト市（testcity） 2026-04');
    expect(md).toContain('| 11 | 36.4% (4) | 18.2% (2) | 45.5% (5) | 5 | 60.0% (3) |');
    expect(md).toMatch(/`▄·{8}█·{19}▃` 最多 6件（04\/10）/);
    expect(md).toContain('| 1 | 住民票の写しはコンビニで取れますか？ (`juminhyo`) | 2 |');
    expect(md).toContain(
      '| 1 | 粗大ごみの出し方 | 3 | 粗大ごみの出し方を教えてください (1) / 粗大ゴミの出し方？ (1) |',
    );
    expect(md).toContain('### 市民課');
    expect(md).toContain(`### ${NO_DEPARTMENT}`);
  });

  it('CSV: one tidy table with a section column', () => {
    const csv = reportToCsv(report);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,department,rank,item,count,share,detail');
    expect(lines).toContain('summary,(全体),,questions,11,,');
    expect(lines).toContain('summary,(全体),,helpful,3,0.6,');
    expect(lines).toContain('top_entry,市民課,1,juminhyo,2,,住民票の写しはコンビニで取れますか？');
    expect(lines).toContain('daily,(全体),,2026-04-10,6,,');
    expect(lines).toContain(
      'unanswered,(全体),1,粗大ごみの出し方,3,,粗大ごみの出し方を教えてください (1) / 粗大ゴミの出し方？ (1)',
    );
  });
});
