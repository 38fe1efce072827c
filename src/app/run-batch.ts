/**
 * One batch of a broadcast: one multicast of ≤ 500 residents. The retry key is claimed (stored)
 * before the first attempt, so whichever worker sends the batch, however often, LINE sees one
 * key and delivers once (a repeat gets 409, counted as delivered). What happens on failure is
 * decided by `classifySendFailure` (src/delivery); the queue edge turns the result into its own
 * terms (retry later, rate-limit the queue, done).
 */
import {
  classifySendFailure,
  retryKeyTooOld,
  RETRY_KEY_SAFE_AGE_MS,
  snapshotKeyOf,
  BATCH_SIZE,
} from '../delivery/index.js';
import type { messagingApi } from '@line/bot-sdk';
import type { BatchRecord, FailureReason } from '../schema/index.js';
import type { BroadcastDeps } from './broadcast-deps.js';
import { updateBroadcast, uuidOf } from './broadcast-deps.js';
import { finishIfDone } from './broadcast-finish.js';

export interface BatchJob {
  broadcastId: string;
  batch: number;
  /** This attempt (1 = the first) and how many the queue allows. */
  attempt: number;
  maxAttempts: number;
}

export type BatchResult =
  /** The batch is settled (now or before) or there is nothing to do. */
  | { status: 'delivered' | 'failed' | 'cancelled' | 'skipped'; recipients?: number }
  /** LINE said "too many requests": send this batch again later (same key), slow the queue. */
  | { status: 'rate-limited' }
  /** A transient failure with attempts left: try again after a backoff (same key). */
  | { status: 'retry'; reason: FailureReason; httpStatus?: number; lineMessage?: string };

async function firstBatch(deps: BroadcastDeps, id: string, n: number): Promise<string[]> {
  const size = deps.options?.batchSize ?? BATCH_SIZE;
  for await (const batch of deps.audience.readSnapshot(snapshotKeyOf(id), n, size)) {
    return batch.batch === n ? batch.userIds : [];
  }
  return [];
}

export async function runBatch(deps: BroadcastDeps, job: BatchJob): Promise<BatchResult> {
  const { broadcasts, clock, logger, metrics } = deps;
  const { broadcastId: id, batch: n } = job;
  const b = await broadcasts.get(id);
  if (!b || b.batches === undefined || n >= b.batches) return { status: 'skipped' };
  if (b.state !== 'sending' && b.state !== 'cancelled') return { status: 'skipped' };

  const settle = async (record: BatchRecord): Promise<BatchResult> => {
    const { changed, settled } = await broadcasts.settleBatch(id, n, record);
    if (changed) {
      metrics?.count('madoguchi_broadcast_batches_total', {
        result: record.reason ?? record.status,
      });
      metrics?.count(
        'madoguchi_broadcast_recipients_total',
        { result: record.status },
        record.recipients ?? 0,
      );
    }
    if (settled >= (b.batches ?? 0)) await finishIfDone(deps, id);
    return {
      status: record.status === 'sending' ? 'skipped' : record.status,
      ...(record.recipients === undefined ? {} : { recipients: record.recipients }),
    };
  };

  const now = clock.now();
  const at = now.toISOString();
  // Batches no worker has taken up are settled at once when sending was cancelled or stopped;
  // a batch already taken up is sent (again, with its key): LINE answers 409 if it went out.
  if (b.state === 'cancelled' || b.stopReason) {
    const settled = await broadcasts.settleUnclaimed(
      id,
      b.batches,
      b.state === 'cancelled'
        ? { status: 'cancelled', attempts: 0, settledAt: at }
        : { status: 'failed', attempts: 0, reason: b.stopReason!, settledAt: at },
    );
    if (settled >= b.batches) await finishIfDone(deps, id);
  }

  const claim = await broadcasts.claimBatch(id, n, uuidOf(deps), at);
  if (claim.kind === 'settled') {
    return { status: claim.record.status === 'sending' ? 'skipped' : claim.record.status };
  }
  const record = claim.record;
  const maxAge = deps.options?.retryKeyMaxAgeMs ?? RETRY_KEY_SAFE_AGE_MS;
  if (record.keyAt && retryKeyTooOld(new Date(record.keyAt), now, maxAge)) {
    logger.error(
      { broadcastId: id, batch: n, keyAt: record.keyAt },
      'broadcast batch not resent: its retry key is older than LINE keeps keys; delivery unknown',
    );
    return settle({ ...record, status: 'failed', reason: 'retry-key-expired', settledAt: at });
  }

  if (!b.messages) throw new Error(`broadcast ${id} is sending but has no frozen messages`);
  const userIds = await firstBatch(deps, id, n);
  const withCount: BatchRecord = { ...record, recipients: userIds.length };
  if (userIds.length === 0) return settle({ ...withCount, status: 'delivered', settledAt: at });
  try {
    await deps.sender.multicast(
      userIds,
      b.messages as unknown as messagingApi.Message[],
      record.retryKey!,
    );
  } catch (err) {
    const failure = classifySendFailure(err);
    const facts = {
      ...('httpStatus' in failure && failure.httpStatus !== undefined
        ? { httpStatus: failure.httpStatus }
        : {}),
      ...(failure.lineMessage === undefined
        ? {}
        : { lineMessage: failure.lineMessage.slice(0, 1000) }),
    };
    const done = clock.now().toISOString();
    switch (failure.kind) {
      case 'rate-limited':
        metrics?.count('madoguchi_broadcast_rate_limited_total');
        return { status: 'rate-limited' };
      case 'quota': {
        logger.error(
          { broadcastId: id, batch: n },
          'broadcast stopped: LINE monthly quota used up',
        );
        const result = await settle({
          ...withCount,
          ...facts,
          status: 'failed',
          reason: 'quota',
          settledAt: done,
        });
        await updateBroadcast(deps, id, (current, t) =>
          current.state === 'sending' && !current.stopReason
            ? {
                ...current,
                version: current.version + 1,
                updatedAt: t.toISOString(),
                stopReason: 'quota',
              }
            : current,
        );
        const settled = await broadcasts.settleUnclaimed(id, b.batches, {
          status: 'failed',
          attempts: 0,
          reason: 'quota',
          settledAt: done,
        });
        if (settled >= b.batches) await finishIfDone(deps, id);
        return result;
      }
      case 'transient':
        if (job.attempt < job.maxAttempts) {
          logger.warn(
            { broadcastId: id, batch: n, attempt: job.attempt, reason: failure.reason, ...facts },
            'broadcast batch failed; will retry with the same retry key',
          );
          return { status: 'retry', reason: failure.reason, ...facts };
        }
        logger.error(
          { broadcastId: id, batch: n, attempts: job.attempt, reason: failure.reason, ...facts },
          'broadcast batch failed after every attempt',
        );
        return settle({
          ...withCount,
          ...facts,
          status: 'failed',
          reason: failure.reason,
          settledAt: done,
        });
      case 'rejected':
        logger.error({ broadcastId: id, batch: n, ...facts }, 'LINE refused a broadcast batch');
        return settle({
          ...withCount,
          ...facts,
          status: 'failed',
          reason: 'rejected',
          settledAt: done,
        });
    }
  }
  return settle({ ...withCount, status: 'delivered', settledAt: clock.now().toISOString() });
}
