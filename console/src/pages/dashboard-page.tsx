/**
 * The dashboard: who follows the account, how large each segment is, how many questions came
 * each day and how well they were answered, and the latest notices.
 */
import { api } from '../api/client.js';
import type { Dashboard } from '../api/types.js';
import { BarList } from '../components/bar-list.js';
import { BroadcastTable } from '../components/broadcast-table.js';
import { DailyChart } from '../components/daily-chart.js';
import { LoadStatus } from '../components/load-status.js';
import { PageTitle } from '../components/page-title.js';
import { formatCount, formatJst, formatShare } from '../display-format.js';
import { usePageReady } from '../page-ready.js';
import { Link } from '../router.js';
import { useApi } from '../use-api.js';

function Figure(props: { label: string; value: string; note?: string }) {
  return (
    <div class="figure">
      <dt>{props.label}</dt>
      <dd>
        <span class="figure-value">{props.value}</span>
        {props.note && <span class="figure-note">{props.note}</span>}
      </dd>
    </div>
  );
}

function QuestionFigures(props: { q: NonNullable<Dashboard['questions']> }) {
  const { q } = props;
  return (
    <>
      <dl class="figures">
        <Figure label="質問の数" value={`${formatCount(q.total)}件`} />
        <Figure
          label="回答できた割合"
          value={formatShare(q.answeredShare)}
          note={`${formatCount(q.answered)}件`}
        />
        <Figure
          label="「役に立った」の割合"
          value={formatShare(q.helpfulShare)}
          note={`評価 ${formatCount(q.feedback)}件のうち ${formatCount(q.helpful)}件`}
        />
        <Figure label="回答できなかった質問" value={`${formatCount(q.noAnswer)}件`} />
      </dl>
      <DailyChart days={q.days} counts={q.daily} label="1日ごとの質問の数" />
    </>
  );
}

export function DashboardPage() {
  const { data, error, loading, reload } = useApi(() => api.get<Dashboard>('/dashboard'), []);
  usePageReady('dashboard', !!data, 'ダッシュボード');
  return (
    <>
      <PageTitle>ダッシュボード</PageTitle>
      <LoadStatus loading={loading && !data} error={error} retry={reload} />
      {data && (
        <>
          <p class="muted">{formatJst(data.generatedAt)} 時点</p>
          <section aria-labelledby="h-residents">
            <h2 id="h-residents">友だち</h2>
            {data.residents ? (
              <dl class="figures">
                <Figure label="友だち" value={`${formatCount(data.residents.friends)}人`} />
                <Figure label="ブロック" value={`${formatCount(data.residents.blocked)}人`} />
                <Figure
                  label="配信停止"
                  value={`${formatCount(data.residents.stopped)}人`}
                  note="友だちのうち、お知らせを止めている人"
                />
              </dl>
            ) : (
              <p class="muted">友だちの数は、この設定では数えていません。</p>
            )}
          </section>
          <div class="columns">
            <section aria-labelledby="h-topics">
              <h2 id="h-topics">分野ごとの配信対象</h2>
              <BarList label="分野ごとの配信対象の人数" items={data.topics} />
            </section>
            <section aria-labelledby="h-areas">
              <h2 id="h-areas">地区ごとの配信対象</h2>
              <BarList label="地区ごとの配信対象の人数" items={data.areas} />
            </section>
          </div>
          <section aria-labelledby="h-questions">
            <h2 id="h-questions">質問（直近30日）</h2>
            {data.questions ? (
              <QuestionFigures q={data.questions} />
            ) : (
              <p class="muted">質問の記録がありません。</p>
            )}
          </section>
          <section aria-labelledby="h-recent">
            <h2 id="h-recent">最近のお知らせ</h2>
            <BroadcastTable broadcasts={data.broadcasts} caption="最近のお知らせ" />
            <p>
              <Link href="/broadcasts">お知らせ配信の一覧へ</Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
