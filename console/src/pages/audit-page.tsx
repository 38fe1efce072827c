/**
 * The audit log (admins): every write on the admin API and every sign-in, newest first, 50 at
 * a time; 「さらに古い記録」 pages back with `before` (the oldest id shown).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, asApiError } from '../api/client.js';
import type { AuditEntry } from '../api/types.js';
import { LoadStatus } from '../components/load-status.js';
import { PageTitle } from '../components/page-title.js';
import { ACTION_LABELS, auditDetailText, auditResultText } from '../audit-text.js';
import { formatCount, formatJst } from '../display-format.js';
import { usePageReady } from '../page-ready.js';
import { Link } from '../router.js';
import { ROLE_LABELS } from '../session.js';
import { useApi } from '../use-api.js';

const PAGE = 50;

export function AuditPage() {
  const first = useApi(() => api.get<{ entries: AuditEntry[] }>('/audit', { limit: PAGE }), []);
  const [more, setMore] = useState<AuditEntry[]>([]);
  const [end, setEnd] = useState(false);
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<string | undefined>(undefined);
  usePageReady('audit', !!first.data, '監査ログ');

  const entries = [...(first.data?.entries ?? []), ...more];
  const endRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (end && document.activeElement === document.body) endRef.current?.focus();
  }, [end]);
  const loadMore = async () => {
    if (busy) return;
    const last = entries[entries.length - 1];
    if (!last) return;
    setBusy(true);
    setMoreError(undefined);
    try {
      const r = await api.get<{ entries: AuditEntry[] }>('/audit', {
        limit: PAGE,
        before: last.id,
      });
      setMore((m) => [...m, ...r.entries]);
      if (r.entries.length < PAGE) setEnd(true);
    } catch (err) {
      setMoreError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>監査ログ</PageTitle>
      <p>管理画面と管理 API での操作の記録です（新しい順）。</p>
      <LoadStatus loading={first.loading && !first.data} error={first.error} retry={first.reload} />
      {first.data && (
        <>
          <div class="table-wrap">
            <table class="table">
              <caption class="visually-hidden">監査ログ</caption>
              <thead>
                <tr>
                  <th scope="col">日時</th>
                  <th scope="col">担当者</th>
                  <th scope="col">操作</th>
                  <th scope="col">お知らせ・内容</th>
                  <th scope="col" class="num">
                    人数
                  </th>
                  <th scope="col">結果</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td>{formatJst(e.at)}</td>
                    <td>
                      {e.actor}
                      <span class="muted">{e.role ? `（${ROLE_LABELS[e.role]}）` : ''}</span>
                    </td>
                    <td>{ACTION_LABELS[e.action] ?? e.action}</td>
                    <td>
                      {e.broadcastId && (
                        <Link href={`/broadcasts/${e.broadcastId}`}>{e.broadcastId}</Link>
                      )}
                      {/* The log keeps English (for the raw log); known formats read in Japanese. */}
                      {e.detail && (
                        <span class="audit-detail muted" title={e.detail}>
                          {auditDetailText(e.action, e.detail)}
                        </span>
                      )}
                    </td>
                    <td class="num">{e.count === undefined ? '' : formatCount(e.count)}</td>
                    <td>
                      {e.result === 'ok' ? (
                        auditResultText(e.result)
                      ) : (
                        <span class="bad">{auditResultText(e.result)}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {entries.length === 0 && <p>記録はまだありません。</p>}
          {moreError && (
            <p role="alert" class="field-error">
              {moreError}
            </p>
          )}
          {/* aria-disabled while loading (disabled would drop the keyboard focus); at the end
              the button gives way to a line that takes the focus instead. */}
          {!end && first.data.entries.length === PAGE && (
            <button type="button" onClick={() => void loadMore()} aria-disabled={busy}>
              {busy ? '読み込み中…' : 'さらに古い記録を見る'}
            </button>
          )}
          {end && (
            <p class="muted" tabIndex={-1} ref={endRef}>
              これより古い記録はありません（{formatCount(entries.length)}件）。
            </p>
          )}
        </>
      )}
    </>
  );
}
