/** Every notice, newest first, filterable by state; broadcasters can start a new one. */
import { api } from '../api/client.js';
import type { Broadcast, BroadcastState, Session } from '../api/types.js';
import { BroadcastTable } from '../components/broadcast-table.js';
import { LoadStatus } from '../components/load-status.js';
import { PageTitle } from '../components/page-title.js';
import { STATE_LABELS } from '../components/state-badge.js';
import { usePageReady } from '../page-ready.js';
import { Link, navigate, useLocation } from '../router.js';
import { hasRole } from '../session.js';
import { useApi } from '../use-api.js';

export function BroadcastListPage(props: { session: Session }) {
  const { query } = useLocation();
  const state = (query.get('state') ?? '') as BroadcastState | '';
  const { data, error, loading, reload } = useApi(
    () =>
      api.get<{ broadcasts: Broadcast[] }>('/broadcasts', {
        limit: 200,
        state: state || undefined,
      }),
    [state],
  );
  usePageReady('broadcasts', !!data && !loading, 'お知らせ配信');
  const canWrite = hasRole({ status: 'signed-in', session: props.session }, 'broadcaster');
  return (
    <>
      <PageTitle
        actions={
          canWrite && (
            <Link href="/broadcasts/new" class="button button-primary">
              新しいお知らせを作る
            </Link>
          )
        }
      >
        お知らせ配信
      </PageTitle>
      <div class="filters">
        <label for="state-filter">状態で絞り込む</label>
        <select
          id="state-filter"
          value={state}
          onChange={(e) => {
            const v = e.currentTarget.value;
            navigate(v ? `/broadcasts?state=${v}` : '/broadcasts', { replace: true });
          }}
        >
          <option value="">すべて</option>
          {Object.entries(STATE_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <LoadStatus loading={loading && !data} error={error} retry={reload} />
      {data && <BroadcastTable broadcasts={data.broadcasts} caption="お知らせの一覧" />}
    </>
  );
}
