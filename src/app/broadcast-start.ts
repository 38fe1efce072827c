/**
 * Starting a broadcast (the start job) and resuming the unfinished ones after a restart.
 * Starting freezes the recipients (`Audience.snapshot`, idempotent) and moves the broadcast to
 * `sending`; it returns the batches still to send, so the queue adds one job per batch. Run
 * again (a crashed worker, a second worker), it returns only the batches not yet settled.
 */
import { BroadcastError, batchCount, BATCH_SIZE, snapshotKeyOf } from '../delivery/index.js';
import type { BroadcastDeps } from './broadcast-deps.js';
import { updateBroadcast } from './broadcast-deps.js';
import { finishIfDone } from './broadcast-finish.js';

/** Starts broadcast `id` if it is due; returns the numbers of the batches left to send. */
export async function startBroadcast(deps: BroadcastDeps, id: string): Promise<number[]> {
  let b = await deps.broadcasts.get(id);
  if (!b) return [];
  if (b.state === 'scheduled') {
    const size = deps.options?.batchSize ?? BATCH_SIZE;
    const recipients = await deps.audience.snapshot(b.notice.target, snapshotKeyOf(id));
    try {
      ({ after: b } = await updateBroadcast(deps, id, {
        type: 'start',
        recipients,
        batches: batchCount(recipients, size),
      }));
    } catch (err) {
      if (!(err instanceof BroadcastError && err.code === 'broadcast/bad-state')) throw err;
      b = await deps.broadcasts.get(id); // cancelled meanwhile, or started by another worker
      if (!b) return [];
    }
    if (b.state === 'sending') {
      deps.metrics?.count('madoguchi_broadcasts_started_total');
      deps.logger.info(
        { broadcastId: id, recipients: b.recipients, batches: b.batches },
        'broadcast started: recipients frozen',
      );
    }
    if (b.state === 'sending' && b.recipients === 0) {
      await updateBroadcast(deps, id, { type: 'stop', reason: 'no-recipients' });
      await finishIfDone(deps, id);
      return [];
    }
  }
  if (b.state === 'cancelled') {
    await finishIfDone(deps, id);
    if (!b.startedAt) await deps.audience.dropSnapshot(snapshotKeyOf(id));
    return [];
  }
  if (b.state !== 'sending') return [];
  const settled = await deps.broadcasts.batches(id);
  const left: number[] = [];
  for (let n = 0; n < (b.batches ?? 0); n++) {
    const status = settled.get(n)?.status;
    if (status === undefined || status === 'sending') left.push(n);
  }
  if (left.length === 0) await finishIfDone(deps, id);
  return left;
}

/**
 * The broadcasts a delivery engine must (re)start when it comes up: every scheduled or sending
 * one, with the time it should start. Starting is idempotent, so restarting one that is
 * running does no harm.
 */
export async function unfinishedBroadcasts(
  deps: BroadcastDeps,
): Promise<Array<{ id: string; at: Date }>> {
  const active = await deps.broadcasts.listActive();
  return active.map((b) => ({ id: b.id, at: new Date(b.sendAt ?? b.updatedAt) }));
}
