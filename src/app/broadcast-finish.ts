/**
 * Ends a broadcast once every batch has settled: final state (sent, partly failed, failed; or
 * cancelled), end time, the frozen recipient list dropped, one log line with the counts.
 */
import {
  allSettled,
  buildReport,
  canApply,
  outcomeOf,
  snapshotKeyOf,
  transition,
} from '../delivery/index.js';
import type { BroadcastDeps } from './broadcast-deps.js';
import { updateBroadcast } from './broadcast-deps.js';

export async function finishIfDone(deps: BroadcastDeps, id: string): Promise<boolean> {
  const b = await deps.broadcasts.get(id);
  if (!b || b.finishedAt || (b.state !== 'sending' && b.state !== 'cancelled')) return false;
  const report = buildReport(b, await deps.broadcasts.batches(id), deps.options?.batchSize);
  if (!allSettled(report)) return false;
  const { after } = await updateBroadcast(deps, id, (current, now) =>
    canApply(current.state, 'finish') && !current.finishedAt
      ? transition(current, { type: 'finish', outcome: outcomeOf(report) }, now)
      : current,
  );
  try {
    await deps.audience.dropSnapshot(snapshotKeyOf(id));
  } catch (err) {
    deps.logger.warn({ err, broadcastId: id }, 'broadcast: could not drop its recipient snapshot');
  }
  deps.metrics?.count('madoguchi_broadcasts_finished_total', { state: after.state });
  deps.logger.info(
    {
      broadcastId: id,
      state: after.state,
      recipients: report.recipients,
      delivered: report.delivered,
      failed: report.failed,
      failedByReason: report.failedByReason,
      cancelled: report.cancelled,
    },
    'broadcast finished',
  );
  return true;
}
