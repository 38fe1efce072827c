/**
 * The delivery report of a broadcast, computed from its record and its batch records: how many
 * residents were targeted, reached, not reached (and why), and how long it took.
 */
import type { BatchRecord, Broadcast, DeliveryReport, FailureReason } from '../schema/index.js';
import { BATCH_SIZE } from './batches.js';

/** The first failed batches listed with LINE's answer. */
const MAX_ERRORS = 20;

/** Residents in batch `n` of a snapshot of `recipients` (batches are full except the last). */
export function batchSize(n: number, recipients: number, size = BATCH_SIZE): number {
  return Math.max(0, Math.min(size, recipients - n * size));
}

export function buildReport(
  b: Broadcast,
  batches: ReadonlyMap<number, BatchRecord>,
  size = BATCH_SIZE,
): DeliveryReport {
  const total = b.batches ?? 0;
  const recipients = b.recipients ?? 0;
  const counts = { delivered: 0, failed: 0, cancelled: 0, pending: 0 };
  const people = { delivered: 0, failed: 0, cancelled: 0 };
  const failedByReason: Partial<Record<FailureReason, number>> = {};
  const errors: DeliveryReport['errors'] = [];
  for (let n = 0; n < total; n++) {
    const r = batches.get(n);
    const k = r?.recipients ?? batchSize(n, recipients, size);
    switch (r?.status) {
      case 'delivered':
        counts.delivered++;
        people.delivered += k;
        break;
      case 'failed': {
        counts.failed++;
        people.failed += k;
        const reason = r.reason ?? 'network';
        failedByReason[reason] = (failedByReason[reason] ?? 0) + k;
        if (errors.length < MAX_ERRORS) {
          errors.push({
            batch: n,
            reason,
            ...(r.httpStatus === undefined ? {} : { httpStatus: r.httpStatus }),
            ...(r.lineMessage === undefined ? {} : { lineMessage: r.lineMessage }),
          });
        }
        break;
      }
      case 'cancelled':
        counts.cancelled++;
        people.cancelled += k;
        break;
      default:
        counts.pending++;
    }
  }
  if (b.stopReason === 'no-recipients') failedByReason['no-recipients'] = 0;
  const started = b.startedAt ? Date.parse(b.startedAt) : undefined;
  const finished = b.finishedAt ? Date.parse(b.finishedAt) : undefined;
  return {
    id: b.id,
    title: b.notice.title,
    state: b.state,
    ...(b.confirmed ? { confirmedCount: b.confirmed.count } : {}),
    recipients,
    batches: { total, ...counts },
    delivered: people.delivered,
    failed: people.failed,
    failedByReason,
    cancelled: people.cancelled,
    pending: recipients - people.delivered - people.failed - people.cancelled,
    errors,
    ...(b.startedAt ? { startedAt: b.startedAt } : {}),
    ...(b.finishedAt ? { finishedAt: b.finishedAt } : {}),
    ...(started !== undefined && finished !== undefined
      ? { durationMs: Math.max(0, finished - started) }
      : {}),
  };
}

/** True when every batch has settled (delivered, failed or cancelled). */
export function allSettled(report: DeliveryReport): boolean {
  return report.batches.pending === 0;
}

/** The final state of a finished broadcast: everyone reached, some, or no one. */
export function outcomeOf(report: DeliveryReport): 'sent' | 'partly_failed' | 'failed' {
  if (report.recipients > 0 && report.delivered === report.recipients) return 'sent';
  return report.delivered === 0 ? 'failed' : 'partly_failed';
}
