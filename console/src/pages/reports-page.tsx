/**
 * The monthly report of the question log: how many questions, how many answered, how helpful
 * residents found the answers, the most asked and least helpful entries, and each department's
 * figures. Downloadable as CSV for the monthly meeting.
 */
import type { MonthlyReport, ReportFigures } from '../api/types.js';
import { DailyChart } from '../components/daily-chart.js';
import { LoadStatus } from '../components/load-status.js';
import { CsvLink, MonthFilter, useMonthSelection } from '../components/month-filter.js';
import { PageTitle } from '../components/page-title.js';
import { formatCount, formatShare, lastMonthJst } from '../display-format.js';
import { usePageReady } from '../page-ready.js';

function Figures(props: { f: ReportFigures }) {
  const { f } = props;
  const items: Array<[string, string, string?]> = [
    ['質問の数', `${formatCount(f.questions)}件`],
    ['回答できた', formatShare(f.answeredShare), `${formatCount(f.answered)}件`],
    ['候補から選んでもらった', formatShare(f.ambiguousShare), `${formatCount(f.ambiguous)}件`],
    ['回答できなかった', formatShare(f.noAnswerShare), `${formatCount(f.noAnswer)}件`],
    [
      '「役に立った」',
      formatShare(f.helpfulShare),
      `評価 ${formatCount(f.feedback)}件のうち ${formatCount(f.helpful)}件`,
    ],
  ];
  return (
    <dl class="figures">
      {items.map(([label, value, note]) => (
        <div class="figure" key={label}>
          <dt>{label}</dt>
          <dd>
            <span class="figure-value">{value}</span>
            {note && <span class="figure-note">{note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ReportsPage() {
  const { month, department, departments, data, error, loading, reload, apply } =
    useMonthSelection<MonthlyReport>('/reports', lastMonthJst);
  usePageReady('reports', !!data && !loading, '月次レポート');
  const rows = data?.departments ?? [];

  return (
    <>
      <PageTitle
        actions={
          <CsvLink
            path="/reports"
            month={month}
            department={department}
            label="CSV でダウンロード"
          />
        }
      >
        月次レポート
      </PageTitle>
      <MonthFilter
        month={month}
        department={department}
        departments={departments}
        onApply={apply}
      />
      <LoadStatus loading={loading && !data} error={error} retry={reload} />
      {data && (
        <>
          <h2>
            {data.month.replace('-', '年')}月{department && `（${department}）`}のまとめ
          </h2>
          <Figures f={data.overall} />
          <DailyChart days={data.days} counts={data.overall.daily} label="1日ごとの質問の数" />
          <div class="columns">
            <section aria-labelledby="h-top">
              <h2 id="h-top">よく使われた回答</h2>
              <table class="table compact">
                <thead>
                  <tr>
                    <th scope="col">質問</th>
                    <th scope="col" class="num">
                      件数
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.overall.topEntries.map((e) => (
                    <tr key={e.id}>
                      <td>{e.question ?? e.id}</td>
                      <td class="num">{formatCount(e.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section aria-labelledby="h-worst">
              <h2 id="h-worst">「役に立たなかった」が多い回答</h2>
              {data.overall.worstEntries.length === 0 ? (
                <p class="muted">ありません。</p>
              ) : (
                <table class="table compact">
                  <thead>
                    <tr>
                      <th scope="col">質問</th>
                      <th scope="col" class="num">
                        役に立たなかった
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.overall.worstEntries.map((e) => (
                      <tr key={e.id}>
                        <td>{e.question ?? e.id}</td>
                        <td class="num">
                          {formatShare(e.notHelpfulShare)}（{e.notHelpful}/
                          {e.helpful + e.notHelpful}件）
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
          {rows.length > 0 && (
            <section aria-labelledby="h-departments">
              <h2 id="h-departments">担当課ごと</h2>
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">担当課</th>
                      <th scope="col" class="num">
                        質問
                      </th>
                      <th scope="col" class="num">
                        回答できた
                      </th>
                      <th scope="col" class="num">
                        回答できなかった
                      </th>
                      <th scope="col" class="num">
                        「役に立った」
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((d) => (
                      <tr key={d.department}>
                        <th scope="row">{d.department}</th>
                        <td class="num">{formatCount(d.figures.questions)}</td>
                        <td class="num">{formatShare(d.figures.answeredShare)}</td>
                        <td class="num">{formatCount(d.figures.noAnswer)}件</td>
                        <td class="num">{formatShare(d.figures.helpfulShare)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </>
      )}
    </>
  );
}
