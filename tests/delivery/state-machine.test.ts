import { describe, expect, it } from 'vitest';
import { canApply, transition } from '../../src/delivery/index.js';
import type { BroadcastEvent } from '../../src/delivery/index.js';
import { BROADCAST_STATES } from '../../src/schema/index.js';
import type { BroadcastState } from '../../src/schema/index.js';
import { draft, notice } from './fixture.js';

const now = new Date('2026-04-01T01:00:00.000Z');
const events: BroadcastEvent[] = [
  { type: 'edit', notice: notice({ title: '変更' }) },
  { type: 'test', by: 'sato', recipients: 2 },
  { type: 'confirm', by: 'sato', count: 10, sendAt: now, held: false },
  { type: 'start', recipients: 10, batches: 1 },
  { type: 'stop', reason: 'quota' },
  { type: 'finish', outcome: 'sent' },
  { type: 'cancel', by: 'sato' },
];

/** Which events each state accepts (the table in state-machine.ts, written out). */
const expected: Record<BroadcastState, string[]> = {
  draft: ['edit', 'test', 'confirm', 'cancel'],
  scheduled: ['test', 'start', 'cancel'],
  sending: ['stop', 'finish', 'cancel'],
  sent: [],
  partly_failed: [],
  failed: [],
  cancelled: ['finish'],
};

describe('broadcast state machine', () => {
  for (const state of BROADCAST_STATES) {
    it(`${state} accepts exactly ${expected[state].join(', ') || 'nothing'}`, () => {
      for (const e of events) {
        const ok = expected[state].includes(e.type);
        expect(canApply(state, e.type)).toBe(ok);
        const b = draft({ state });
        if (ok) expect(transition(b, e, now).version).toBeGreaterThanOrEqual(1);
        else
          expect(() => transition(b, e, now)).toThrow(
            expect.objectContaining({ code: 'broadcast/bad-state' }),
          );
      }
    });
  }

  it('walks draft → scheduled → sending → sent, keeping who and when', () => {
    let b = draft();
    b = transition(b, { type: 'confirm', by: 'sato', count: 10, sendAt: now, held: true }, now);
    expect(b).toMatchObject({
      state: 'scheduled',
      version: 2,
      confirmed: { by: 'sato', count: 10, at: now.toISOString() },
      sendAt: now.toISOString(),
      held: true,
    });
    b = transition(b, { type: 'start', recipients: 1200, batches: 3 }, now);
    expect(b).toMatchObject({
      state: 'sending',
      recipients: 1200,
      batches: 3,
      startedAt: now.toISOString(),
    });
    const later = new Date(now.getTime() + 5000);
    b = transition(b, { type: 'finish', outcome: 'partly_failed' }, later);
    expect(b).toMatchObject({
      state: 'partly_failed',
      finishedAt: later.toISOString(),
      version: 4,
    });
  });

  it('keeps the first stop reason', () => {
    let b = draft({ state: 'sending' });
    b = transition(b, { type: 'stop', reason: 'quota' }, now);
    expect(transition(b, { type: 'stop', reason: 'network' as never }, now).stopReason).toBe(
      'quota',
    );
  });

  it('finishes a cancelled draft at once, and a cancelled sending broadcast when its batches settle', () => {
    const cancelledDraft = transition(draft(), { type: 'cancel', by: 'ito' }, now);
    expect(cancelledDraft).toMatchObject({
      state: 'cancelled',
      cancelled: { by: 'ito' },
      finishedAt: now.toISOString(),
    });
    expect(transition(cancelledDraft, { type: 'finish', outcome: 'sent' }, now)).toBe(
      cancelledDraft,
    );

    const cancelledSending = transition(
      draft({ state: 'sending' }),
      { type: 'cancel', by: 'ito' },
      now,
    );
    expect(cancelledSending.finishedAt).toBeUndefined();
    const done = transition(cancelledSending, { type: 'finish', outcome: 'sent' }, now);
    expect(done).toMatchObject({ state: 'cancelled', finishedAt: now.toISOString() });
  });
});
