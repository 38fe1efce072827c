/**
 * The life of a broadcast as a pure state machine. Every change of a `Broadcast` record goes
 * through `transition`, so the admin API, the start job and the batch jobs cannot disagree
 * about what is allowed:
 *
 *   draft ──edit──▶ draft
 *   draft ──confirm──▶ scheduled ──start──▶ sending ──finish──▶ sent | partly_failed | failed
 *   draft | scheduled | sending ──cancel──▶ cancelled ──finish──▶ cancelled (end time set)
 *   sending ──stop(reason)──▶ sending (the remaining batches fail with the reason)
 */
import type { Broadcast, BroadcastState, FailureReason, Notice } from '../schema/index.js';
import { BroadcastError } from './broadcast-error.js';

export type BroadcastEvent =
  | { type: 'edit'; notice: Notice }
  | { type: 'test'; by: string; recipients: number }
  | { type: 'confirm'; by: string; count: number; sendAt: Date; held: boolean }
  | { type: 'start'; recipients: number; batches: number }
  | { type: 'stop'; reason: FailureReason }
  | { type: 'finish'; outcome: 'sent' | 'partly_failed' | 'failed' }
  | { type: 'cancel'; by: string };

/** The states each event may be applied in. */
const ALLOWED: Record<BroadcastEvent['type'], readonly BroadcastState[]> = {
  edit: ['draft'],
  test: ['draft', 'scheduled'],
  confirm: ['draft'],
  start: ['scheduled'],
  stop: ['sending'],
  finish: ['sending', 'cancelled'],
  cancel: ['draft', 'scheduled', 'sending'],
};

export function canApply(state: BroadcastState, type: BroadcastEvent['type']): boolean {
  return ALLOWED[type].includes(state);
}

/**
 * Applies `event` at `now` and returns the next record (version bumped); throws
 * `broadcast/bad-state` when the event is not allowed in the current state.
 */
export function transition(b: Broadcast, event: BroadcastEvent, now: Date): Broadcast {
  if (!canApply(b.state, event.type)) {
    throw new BroadcastError(
      'broadcast/bad-state',
      `cannot ${event.type} broadcast ${b.id}: it is ${b.state}` +
        ` (allowed when ${ALLOWED[event.type].join(' or ')})`,
    );
  }
  const at = now.toISOString();
  const next: Broadcast = { ...b, version: b.version + 1, updatedAt: at };
  switch (event.type) {
    case 'edit':
      return { ...next, notice: event.notice };
    case 'test':
      return { ...next, tested: { at, by: event.by, recipients: event.recipients } };
    case 'confirm':
      return {
        ...next,
        state: 'scheduled',
        confirmed: { at, by: event.by, count: event.count },
        sendAt: event.sendAt.toISOString(),
        held: event.held,
      };
    case 'start':
      return {
        ...next,
        state: 'sending',
        startedAt: at,
        recipients: event.recipients,
        batches: event.batches,
      };
    case 'stop':
      return b.stopReason ? b : { ...next, stopReason: event.reason };
    case 'finish':
      if (b.finishedAt) return b;
      return {
        ...next,
        state: b.state === 'cancelled' ? 'cancelled' : event.outcome,
        finishedAt: at,
      };
    case 'cancel':
      return {
        ...next,
        state: 'cancelled',
        cancelled: { at, by: event.by },
        // A cancelled draft or scheduled broadcast has nothing left to finish.
        ...(b.state === 'sending' ? {} : { finishedAt: at }),
      };
  }
}
