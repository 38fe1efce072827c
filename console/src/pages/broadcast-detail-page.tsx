/**
 * One notice: what it says (phone preview), to whom and when, and what can be done with it now
 * (edit, test send, send, cancel — broadcasters only). Once confirmed, its delivery report,
 * refreshed every few seconds until sending is over.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, asApiError } from '../api/client.js';
import { problemInJapanese } from '../api/problems.js';
import type { Broadcast, DeliveryReport, Meta, Preview, Session } from '../api/types.js';
import { DeliveryReportView } from '../broadcast/delivery-report.js';
import { CancelDialog } from '../broadcast/cancel-dialog.js';
import { SendDialog } from '../broadcast/send-dialog.js';
import { LoadStatus } from '../components/load-status.js';
import { PageTitle } from '../components/page-title.js';
import { PhonePreview } from '../components/phone-preview.js';
import { StateBadge } from '../components/state-badge.js';
import { formatCount, formatJst } from '../display-format.js';
import { loadMeta } from '../meta.js';
import { focusHeading, usePageReady } from '../page-ready.js';
import { Link } from '../router.js';
import { hasRole } from '../session.js';
import { heldText, SEND_ON_CONFIRM, targetText } from '../target-text.js';
import { useApi } from '../use-api.js';

const REFRESH_MS = 3000;
const ACTIVE = new Set(['scheduled', 'sending']);

interface Loaded {
  broadcast: Broadcast;
  preview: Preview;
  report?: DeliveryReport;
  /** Only for the account's name in the preview: the page works without it. */
  meta: Meta | undefined;
}

async function loadAll(id: string): Promise<Loaded> {
  const [broadcast, preview, meta] = await Promise.all([
    api.get<Broadcast>(`/broadcasts/${id}`),
    api.get<Preview>(`/broadcasts/${id}/preview`),
    loadMeta().catch(() => undefined),
  ]);
  const report =
    broadcast.state === 'draft' || (broadcast.state === 'cancelled' && !broadcast.confirmed)
      ? undefined
      : await api.get<DeliveryReport>(`/broadcasts/${id}/report`);
  return { broadcast, preview, meta, ...(report ? { report } : {}) };
}

/** When it goes out, in the compose form's words: started at, planned for, or on confirming. */
function sendTimeText(b: Broadcast, preview: Preview): string {
  if (b.startedAt) return `${formatJst(b.startedAt)} に開始`;
  const when = preview.sendAt;
  const held = when?.held ? heldText(when.at) : '';
  if (b.state === 'draft' && !b.notice.sendAt) return `${SEND_ON_CONFIRM}${held}`;
  if (when) return `${formatJst(when.at)}${held}`;
  return '—';
}

export function BroadcastDetailPage(props: { session: Session; id: string }) {
  const { data, error, loading, reload } = useApi(() => loadAll(props.id), [props.id]);
  const [dialog, setDialog] = useState<'send' | 'cancel' | undefined>(undefined);
  const [status, setStatus] = useState<{ text: string; bad?: boolean } | undefined>(undefined);
  const [testing, setTesting] = useState(false);
  const canWrite = hasRole({ status: 'signed-in', session: props.session }, 'broadcaster');
  const state = data?.broadcast.state;
  const refreshing = !!state && ACTIVE.has(state);
  usePageReady('broadcast', !!data, data?.broadcast.notice.title ?? 'お知らせ');

  // While scheduled or sending, fetch again every few seconds, keeping the page on screen.
  useEffect(() => {
    if (!refreshing) return;
    const timer = setInterval(() => reload(true), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshing]);

  // After sending or cancelling, the buttons that opened the dialog go away with the reload:
  // focus then moves to the heading (whose state badge tells what happened), not to <body>.
  const focusAfterReload = useRef(false);
  useEffect(() => {
    if (!focusAfterReload.current || !data) return;
    focusAfterReload.current = false;
    focusHeading();
  }, [data]);

  const testSend = async () => {
    if (testing) return;
    setTesting(true);
    try {
      const r = await api.post<{ recipients: number }>(`/broadcasts/${props.id}/test`);
      setStatus({
        text: `テスト用アカウント ${formatCount(r.recipients)}件に送りました。LINE で見え方を確かめてください。`,
      });
      reload(true);
    } catch (err) {
      setStatus({ text: asApiError(err).message, bad: true });
    } finally {
      setTesting(false);
    }
  };

  if (!data) {
    return (
      <>
        <PageTitle>お知らせ</PageTitle>
        <LoadStatus loading={loading} error={error} retry={reload} />
      </>
    );
  }
  const { broadcast: b, preview, report, meta } = data;
  const n = b.notice;
  return (
    <>
      <p class="breadcrumb">
        <Link href="/broadcasts">お知らせ配信</Link> ›
      </p>
      <PageTitle
        actions={
          canWrite && (
            <>
              {b.state === 'draft' && (
                <>
                  <Link href={`/broadcasts/${b.id}/edit`} class="button">
                    編集
                  </Link>
                  {/* aria-disabled, not disabled: a disabled button drops the keyboard focus. */}
                  <button type="button" onClick={() => void testSend()} aria-disabled={testing}>
                    {testing ? 'テスト送信中…' : 'テスト送信'}
                  </button>
                  <button type="button" class="button-danger" onClick={() => setDialog('send')}>
                    送信…
                  </button>
                </>
              )}
              {(b.state === 'draft' || ACTIVE.has(b.state)) && (
                <button type="button" class="button-quiet" onClick={() => setDialog('cancel')}>
                  取り消し…
                </button>
              )}
            </>
          )
        }
      >
        {n.title} <StateBadge state={b.state} />
        {n.urgent && <span class="badge urgent">緊急</span>}
      </PageTitle>
      <div role="status" aria-live="polite" class="status-line">
        {status && <p class={`notice-box ${status.bad ? 'error' : 'info'}`}>{status.text}</p>}
      </div>
      {error && <LoadStatus loading={false} error={error} retry={reload} />}
      <div class="detail">
        <div class="detail-main">
          <dl class="summary">
            <dt>送信先</dt>
            <dd>{targetText(n.target, meta)}</dd>
            <dt>{b.state === 'draft' ? '今の人数' : '送信対象'}</dt>
            <dd>{formatCount(report?.recipients || preview.count)}人</dd>
            <dt>送信日時</dt>
            <dd>{sendTimeText(b, preview)}</dd>
            <dt>緊急</dt>
            <dd>{n.urgent ? 'はい' : 'いいえ'}</dd>
            <dt>担当課</dt>
            <dd>{n.department}</dd>
            <dt>問い合わせ先</dt>
            <dd>{n.contact}</dd>
            <dt>作成</dt>
            <dd>
              {b.created.by}（{formatJst(b.created.at)}）
            </dd>
            {b.tested && (
              <>
                <dt>テスト送信</dt>
                <dd>
                  {b.tested.by}（{formatJst(b.tested.at)}、{formatCount(b.tested.recipients)}件）
                </dd>
              </>
            )}
            {b.confirmed && (
              <>
                <dt>送信の確定</dt>
                <dd>
                  {b.confirmed.by}（{formatJst(b.confirmed.at)}、{formatCount(b.confirmed.count)}
                  人）
                </dd>
              </>
            )}
            {b.cancelled && (
              <>
                <dt>取り消し</dt>
                <dd>
                  {b.cancelled.by}（{formatJst(b.cancelled.at)}）
                </dd>
              </>
            )}
          </dl>
          {b.state === 'draft' && preview.problems.length > 0 && (
            <ul class="notice-box warn">
              {preview.problems.map((p) => (
                <li key={p}>{problemInJapanese(p)}</li>
              ))}
            </ul>
          )}
          {report && <DeliveryReportView report={report} refreshing={refreshing} />}
        </div>
        <section class="preview-pane" aria-labelledby="h-preview">
          <h2 id="h-preview">スマートフォンでの見え方</h2>
          <PhonePreview accountName={meta?.cityName ?? '窓口'} messages={preview.messages} />
        </section>
      </div>
      {dialog === 'send' && (
        <SendDialog
          id={b.id}
          planned={!!n.sendAt}
          meta={meta}
          onClose={() => setDialog(undefined)}
          onSent={(after) => {
            setDialog(undefined);
            focusAfterReload.current = true;
            setStatus({
              text:
                after.state === 'scheduled' && after.sendAt
                  ? `送信を確定しました。${formatJst(after.sendAt)} に送信を始めます。`
                  : '送信を確定しました。',
            });
            reload(true);
          }}
        />
      )}
      {dialog === 'cancel' && (
        <CancelDialog
          id={b.id}
          title={n.title}
          onClose={() => setDialog(undefined)}
          onCancelled={() => {
            setDialog(undefined);
            focusAfterReload.current = true;
            setStatus({ text: 'お知らせを取り消しました。' });
            reload(true);
          }}
        />
      )}
    </>
  );
}
