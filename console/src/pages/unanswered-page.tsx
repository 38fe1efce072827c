/**
 * The unanswered queue: questions of a month the bot could not answer, grouped by wording,
 * most asked first, per department; the material for new FAQ entries. Downloadable as CSV.
 */
import type { Unanswered } from '../api/types.js';
import { LoadStatus } from '../components/load-status.js';
import { CsvLink, MonthFilter, useMonthSelection } from '../components/month-filter.js';
import { PageTitle } from '../components/page-title.js';
import { formatCount, thisMonthJst } from '../display-format.js';
import { usePageReady } from '../page-ready.js';

export function UnansweredPage() {
  const { month, department, departments, data, error, loading, reload, apply } =
    useMonthSelection<Unanswered>('/unanswered', thisMonthJst);
  usePageReady('unanswered', !!data && !loading, '未回答の質問');

  return (
    <>
      <PageTitle
        actions={
          <CsvLink
            path="/unanswered"
            month={month}
            department={department}
            label="CSV でダウンロード"
          />
        }
      >
        未回答の質問
      </PageTitle>
      <p>
        回答できなかった質問と、回答に「役に立たなかった」と言われた質問を、似た言い方ごとにまとめて多い順に並べています。FAQ
        を増やしたり直したりするときの参考にしてください。
      </p>
      <MonthFilter
        month={month}
        department={department}
        departments={departments}
        onApply={apply}
      />
      <LoadStatus loading={loading && !data} error={error} retry={reload} />
      {data && data.groups.length > 0 && (
        <p>
          合計 {formatCount(data.total ?? data.groups.reduce((n, g) => n + g.count, 0))}件（
          {formatCount(data.groups.length)}種類の言い方）
        </p>
      )}
      {data &&
        (data.groups.length === 0 ? (
          <p>この月の未回答の質問はありません。</p>
        ) : (
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden">
                {month} の未回答の質問{department && `（${department}）`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">質問（よくある言い方）</th>
                  <th scope="col" class="num">
                    件数
                  </th>
                  <th scope="col">ほかの言い方</th>
                  <th scope="col">担当課</th>
                </tr>
              </thead>
              <tbody>
                {data.groups.map((g, i) => (
                  <tr key={i}>
                    <td>{g.text}</td>
                    <td class="num">{formatCount(g.count)}</td>
                    <td>
                      {g.variants.filter((v) => v.text !== g.text).length === 0 ? (
                        <span class="muted">—</span>
                      ) : (
                        <details>
                          <summary>
                            {g.variants.filter((v) => v.text !== g.text).length}通り
                          </summary>
                          <ul>
                            {g.variants
                              .filter((v) => v.text !== g.text)
                              .map((v, j) => (
                                <li key={j}>
                                  {v.text}（{formatCount(v.count)}件）
                                </li>
                              ))}
                          </ul>
                        </details>
                      )}
                    </td>
                    <td>{g.department ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}
