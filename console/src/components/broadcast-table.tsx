/** Broadcasts as a table: title (link to its page), state, target, send time, who wrote it. */
import type { Broadcast } from '../api/types.js';
import { formatJst, formatSendAt } from '../display-format.js';
import { useMeta } from '../meta.js';
import { Link } from '../router.js';
import { SEND_ON_CONFIRM, targetText } from '../target-text.js';
import { StateBadge } from './state-badge.js';

/** When it went or goes out: start of sending, else the planned time, else on confirming. */
function sendTime(b: Broadcast): string {
  if (b.startedAt) return formatJst(b.startedAt);
  if (b.sendAt) return formatJst(b.sendAt);
  if (b.notice.sendAt) return `${formatSendAt(b.notice.sendAt)}（予定）`;
  return b.state === 'draft' ? SEND_ON_CONFIRM : '—';
}

export function BroadcastTable(props: { broadcasts: Broadcast[]; caption: string }) {
  const meta = useMeta().data;
  if (props.broadcasts.length === 0) return <p class="muted">お知らせはまだありません。</p>;
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">タイトル</th>
            <th scope="col">状態</th>
            <th scope="col">送信先</th>
            <th scope="col">送信日時</th>
            <th scope="col">作成</th>
          </tr>
        </thead>
        <tbody>
          {props.broadcasts.map((b) => (
            <tr key={b.id}>
              <td>
                <Link href={`/broadcasts/${b.id}`}>{b.notice.title}</Link>
                {b.notice.urgent && <span class="badge urgent">緊急</span>}
              </td>
              <td>
                <StateBadge state={b.state} />
              </td>
              <td>{targetText(b.notice.target, meta, { short: true })}</td>
              <td>{sendTime(b)}</td>
              <td>
                {b.created.by}
                <br />
                <span class="muted">{formatJst(b.created.at)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
