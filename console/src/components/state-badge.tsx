/** A broadcast's state as a coloured badge with its Japanese name. */
import type { BroadcastState } from '../api/types.js';

export const STATE_LABELS: Record<BroadcastState, string> = {
  draft: '下書き',
  scheduled: '予約済み',
  sending: '送信中',
  sent: '送信済み',
  partly_failed: '一部失敗',
  failed: '失敗',
  cancelled: '取消',
};

export function StateBadge(props: { state: BroadcastState }) {
  return <span class={`badge state-${props.state}`}>{STATE_LABELS[props.state]}</span>;
}
