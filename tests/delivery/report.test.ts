import { describe, expect, it } from 'vitest';
import {
  allSettled,
  batchCount,
  buildReport,
  outcomeOf,
  retryKeyTooOld,
} from '../../src/delivery/index.js';
import type { BatchRecord } from '../../src/schema/index.js';
import { draft } from './fixture.js';

const sending = draft({
  state: 'sending',
  recipients: 1234,
  batches: 3,
  startedAt: '2026-04-01T00:00:00.000Z',
  confirmed: { at: '2026-03-31T23:59:00.000Z', by: 'sato', count: 1230 },
});
const done = (r: Partial<BatchRecord>): BatchRecord => ({ status: 'delivered', attempts: 1, ...r });

describe('delivery report', () => {
  it('counts residents per batch outcome, and keeps LINE’s message for failures', () => {
    const batches = new Map<number, BatchRecord>([
      [0, done({ recipients: 500 })],
      [1, done({ status: 'failed', reason: 'rejected', httpStatus: 400, lineMessage: 'bad flex' })],
    ]);
    const r = buildReport(sending, batches);
    expect(r).toMatchObject({
      recipients: 1234,
      confirmedCount: 1230,
      batches: { total: 3, delivered: 1, failed: 1, cancelled: 0, pending: 1 },
      delivered: 500,
      failed: 500,
      failedByReason: { rejected: 500 },
      pending: 234,
      errors: [{ batch: 1, reason: 'rejected', httpStatus: 400, lineMessage: 'bad flex' }],
    });
    expect(allSettled(r)).toBe(false);
  });

  it('tells sent, partly failed and failed apart, with start, end and duration', () => {
    const all = new Map<number, BatchRecord>([0, 1, 2].map((n) => [n, done({})]));
    const finished = { ...sending, finishedAt: '2026-04-01T00:00:02.500Z' };
    const r = buildReport(finished, all);
    expect(r).toMatchObject({ delivered: 1234, pending: 0, durationMs: 2500 });
    expect(allSettled(r)).toBe(true);
    expect(outcomeOf(r)).toBe('sent');

    all.set(2, done({ status: 'failed', reason: 'quota' }));
    expect(outcomeOf(buildReport(sending, all))).toBe('partly_failed');
    expect(buildReport(sending, all).failedByReason).toEqual({ quota: 234 });

    const none = new Map<number, BatchRecord>(
      [0, 1, 2].map((n) => [n, done({ status: 'failed', reason: 'server-error' })]),
    );
    expect(outcomeOf(buildReport(sending, none))).toBe('failed');
  });

  it('counts cancelled batches apart from failures', () => {
    const batches = new Map<number, BatchRecord>([
      [0, done({})],
      [1, done({ status: 'cancelled' })],
      [2, done({ status: 'cancelled' })],
    ]);
    expect(buildReport(sending, batches)).toMatchObject({
      delivered: 500,
      cancelled: 734,
      failed: 0,
      pending: 0,
    });
  });

  it('reports a broadcast that has not started as empty', () => {
    expect(buildReport(draft(), new Map())).toMatchObject({
      recipients: 0,
      batches: { total: 0 },
      pending: 0,
    });
  });

  it('makes batches of at most 500 and knows when a retry key is too old to trust', () => {
    expect([0, 1, 500, 501, 100_000].map((n) => batchCount(n))).toEqual([0, 1, 1, 2, 200]);
    const keyAt = new Date('2026-04-01T00:00:00Z');
    expect(retryKeyTooOld(keyAt, new Date('2026-04-01T22:59:00Z'))).toBe(false);
    expect(retryKeyTooOld(keyAt, new Date('2026-04-01T23:01:00Z'))).toBe(true);
  });
});
