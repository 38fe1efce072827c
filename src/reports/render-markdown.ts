/** The monthly report and the unanswered queue as Markdown, for staff to read or paste. */
import { sparkline } from './chart.js';
import type { Figures, MonthlyReport } from './monthly-report.js';
import { jstDay } from '../time/index.js';
import type { QueueGroup } from './unanswered-queue.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (n: number): string => n.toLocaleString('en-US');
/** A table cell: no line breaks, pipes escaped. */
const cell = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const entryLabel = (e: { id: string; question?: string }): string =>
  e.question ? `${cell(e.question)} (\`${e.id}\`)` : `\`${e.id}\``;

function figuresLines(f: Figures, days: string[], heading: string): string[] {
  const out = [
    '| 質問 | 回答できた | 候補を提示 | 回答なし | 評価 | 役に立った |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${num(f.questions)} | ${pct(f.answeredShare)} (${num(f.answered)}) | ${pct(f.ambiguousShare)} (${num(f.ambiguous)}) | ${pct(f.noAnswerShare)} (${num(f.noAnswer)}) | ${num(f.feedback)} | ${f.helpfulShare === null ? '–' : `${pct(f.helpfulShare)} (${num(f.helpful)})`} |`,
    '',
  ];
  if (f.questions > 0) {
    const busiest = Math.max(...f.daily);
    const day = days[f.daily.indexOf(busiest)] ?? '';
    out.push(
      `日ごとの質問数（1日〜${days.length}日）: \`${sparkline(f.daily)}\` 最多 ${num(busiest)}件（${day.slice(5).replace('-', '/')}）`,
      '',
    );
  }
  if (f.topEntries.length > 0) {
    out.push(`${heading} よく聞かれた項目`, '', '| # | 項目 | 件数 |', '| ---: | --- | ---: |');
    f.topEntries.forEach((e, i) => out.push(`| ${i + 1} | ${entryLabel(e)} | ${num(e.count)} |`));
    out.push('');
  }
  if (f.worstEntries.length > 0) {
    out.push(
      `${heading} 評価が低い項目`,
      '',
      '| # | 項目 | 役に立たなかった | 役に立った |',
      '| ---: | --- | ---: | ---: |',
    );
    f.worstEntries.forEach((e, i) =>
      out.push(
        `| ${i + 1} | ${entryLabel(e)} | ${num(e.notHelpful)} (${pct(e.notHelpfulShare)}) | ${num(e.helpful)} |`,
      ),
    );
    out.push('');
  }
  if (f.unanswered.length > 0) {
    out.push(
      `${heading} 答えられなかった質問（似た言い方をまとめて多い順）`,
      '',
      '| # | 質問 | 件数 | ほかの言い方 |',
      '| ---: | --- | ---: | --- |',
    );
    f.unanswered.forEach((g, i) =>
      out.push(
        `| ${i + 1} | ${cell(g.text)} | ${num(g.count)} | ${g.variants.map((v) => `${cell(v.text)} (${v.count})`).join(' / ')} |`,
      ),
    );
    out.push('');
  }
  return out;
}

/** The report as Markdown: overall first, then one section per department. */
export function renderReportMarkdown(report: MonthlyReport, cityName?: string): string {
  const [first, last] = [report.days[0] ?? '', report.days[report.days.length - 1] ?? ''];
  const lines = [
    `# 質問ログ 月次レポート: ${cityName ? `${cityName}（${report.city}）` : report.city} ${report.month}`,
    '',
    `期間: ${first} 〜 ${last}（日本時間）。個人情報は記録前に伏せています。`,
    '',
    '## 全体',
    '',
    ...figuresLines(report.overall, report.days, '###'),
  ];
  if (report.departments.length > 0) lines.push('## 担当課ごと', '');
  for (const d of report.departments) {
    lines.push(`### ${cell(d.department)}`, '', ...figuresLines(d.figures, report.days, '####'));
  }
  return lines.join('\n').trimEnd() + '\n';
}

/** The unanswered queue as Markdown. */
export function renderQueueMarkdown(
  groups: readonly QueueGroup[],
  header: { city: string; since?: string },
): string {
  const lines = [
    `# 答えられなかった質問・役に立たなかった回答: ${header.city}${header.since ? `（${header.since} 以降）` : ''}`,
    '',
  ];
  if (groups.length === 0) {
    lines.push('対象の質問はありません。');
    return lines.join('\n') + '\n';
  }
  lines.push(
    '| # | 質問 | 件数 | 回答なし | 役に立たなかった | 項目 | 最後 | ほかの言い方 |',
    '| ---: | --- | ---: | ---: | ---: | --- | --- | --- |',
  );
  groups.forEach((g, i) =>
    lines.push(
      `| ${i + 1} | ${cell(g.text)} | ${g.count} | ${g.noAnswer} | ${g.notHelpful} | ${g.entries.map((e) => `\`${e}\``).join(' ')} | ${jstDay(new Date(g.lastAt))} | ${g.variants.map((v) => `${cell(v.text)} (${v.count})`).join(' / ')} |`,
    ),
  );
  return lines.join('\n') + '\n';
}
