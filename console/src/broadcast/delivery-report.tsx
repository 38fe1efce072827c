/**
 * The delivery report of a broadcast: how many residents it went to, how many got it, failed
 * or are still waiting, why some failed, and batch by batch. The page refreshes it while
 * sending; the progress line is announced politely as it changes.
 */
import type { DeliveryReport } from '../api/types.js';
import { formatCount, formatJst } from '../display-format.js';
import { StateBadge } from '../components/state-badge.js';

const REASONS: Record<string, string> = {
  quota: 'LINE の月間送信数の上限に達した',
  'server-error': 'LINE のサーバーエラーが続いた',
  network: 'LINE から応答がなかった',
  rejected: 'LINE に受け付けられなかった',
  'retry-key-expired': '再送の期限（24時間）を過ぎた',
  'no-recipients': '送信開始時に対象者がいなかった',
};

function seconds(ms: number | undefined): string {
  if (ms === undefined) return '—';
  if (ms < 1000) return '1秒未満';
  return ms < 60_000
    ? `${(ms / 1000).toFixed(1)}秒`
    : `${Math.floor(ms / 60_000)}分${Math.round((ms % 60_000) / 1000)}秒`;
}

export function DeliveryReportView(props: { report: DeliveryReport; refreshing: boolean }) {
  const r = props.report;
  const done = r.delivered + r.failed + r.cancelled;
  const share = r.recipients > 0 ? done / r.recipients : 0;
  const reasons = Object.entries(r.failedByReason).filter(([, n]) => (n ?? 0) > 0);
  return (
    <section class="delivery-report" aria-labelledby="h-report">
      <h2 id="h-report">配信結果</h2>
      <p class="report-progress" role="status" aria-live="polite">
        <StateBadge state={r.state} />{' '}
        {r.recipients > 0
          ? `${formatCount(r.recipients)}人中 ${formatCount(r.delivered)}人に届きました`
          : r.state === 'scheduled'
            ? '送信開始を待っています'
            : '送信対象はまだ決まっていません'}
        {props.refreshing && '（自動で更新しています）'}
      </p>
      {r.recipients > 0 && (
        <div class="progress" aria-hidden="true">
          <span class="progress-fill" style={{ width: `${Math.round(share * 100)}%` }} />
        </div>
      )}
      <dl class="figures">
        <div class="figure">
          <dt>送信対象</dt>
          <dd class="figure-value">{formatCount(r.recipients)}人</dd>
        </div>
        <div class="figure">
          <dt>届いた</dt>
          <dd class="figure-value">{formatCount(r.delivered)}人</dd>
        </div>
        <div class="figure">
          <dt>失敗</dt>
          <dd class={`figure-value${r.failed > 0 ? ' bad' : ''}`}>{formatCount(r.failed)}人</dd>
        </div>
        <div class="figure">
          <dt>送信待ち</dt>
          <dd class="figure-value">{formatCount(r.pending)}人</dd>
        </div>
        <div class="figure">
          <dt>取消</dt>
          <dd class="figure-value">{formatCount(r.cancelled)}人</dd>
        </div>
      </dl>
      {r.confirmedCount !== undefined && r.confirmedCount !== r.recipients && r.recipients > 0 && (
        <p class="muted">
          確定したときの人数は {formatCount(r.confirmedCount)}
          人でした（送信開始までに友だちの設定が変わりました）。
        </p>
      )}
      {reasons.length > 0 && (
        <>
          <h3>失敗した理由</h3>
          <ul>
            {reasons.map(([reason, n]) => (
              <li key={reason}>
                {REASONS[reason] ?? reason}: {formatCount(n)}人
              </li>
            ))}
          </ul>
        </>
      )}
      <table class="table compact">
        <caption>送信のまとまり（1回に最大500人）</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              合計
            </th>
            <th scope="col" class="num">
              届いた
            </th>
            <th scope="col" class="num">
              失敗
            </th>
            <th scope="col" class="num">
              取消
            </th>
            <th scope="col" class="num">
              送信待ち
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td class="num">{formatCount(r.batches.total)}</td>
            <td class="num">{formatCount(r.batches.delivered)}</td>
            <td class="num">{formatCount(r.batches.failed)}</td>
            <td class="num">{formatCount(r.batches.cancelled)}</td>
            <td class="num">{formatCount(r.batches.pending)}</td>
          </tr>
        </tbody>
      </table>
      <p class="muted">
        開始 {formatJst(r.startedAt)} ／ 終了 {formatJst(r.finishedAt)} ／ かかった時間{' '}
        {seconds(r.durationMs)}
      </p>
      {r.errors.length > 0 && (
        <details>
          <summary>LINE からのエラー（{r.errors.length}件）</summary>
          <ul>
            {r.errors.map((e) => (
              <li key={e.batch}>
                {e.batch + 1}番目のまとまり: {REASONS[e.reason] ?? e.reason}
                {e.httpStatus ? `（${e.httpStatus}）` : ''} {e.lineMessage}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
