/**
 * The contract suite of the `BroadcastStore` and `AuditLog` ports: memory
 * (`tests/store/broadcasts/broadcast-store.test.ts`) and Redis
 * (`tests/store/broadcasts/broadcast-store.redis.test.ts`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditLog, BroadcastStore } from '../../src/ports.js';
import type { AuditInput, BatchRecord, Broadcast } from '../../src/schema/index.js';

export interface BroadcastHarness {
  broadcasts: BroadcastStore;
  audit: AuditLog;
  cleanup(): Promise<void>;
}

const KEY = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AT = '2026-04-01T00:00:00.000Z';

export const record = (id: string, over: Partial<Broadcast> = {}): Broadcast => ({
  id,
  version: 1,
  state: 'draft',
  notice: {
    title: 'お知らせ',
    message: { type: 'text', text: '本文' },
    department: '広報広聴課',
    contact: '0568-76-1111',
    target: { all: true },
    urgent: false,
  },
  created: { at: AT, by: 'sato' },
  updatedAt: AT,
  ...over,
});

const entry = (n: number): AuditInput => ({
  at: AT,
  actor: 'sato',
  role: 'broadcaster',
  action: 'broadcast.create',
  broadcastId: `20260401-aaa00${n}`,
  result: 'ok',
});

export function broadcastStoreContract(name: string, make: () => Promise<BroadcastHarness>): void {
  describe(`BroadcastStore contract: ${name}`, () => {
    let h: BroadcastHarness;
    let store: BroadcastStore;
    beforeEach(async () => {
      h = await make();
      store = h.broadcasts;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('creates, reads and refuses a second broadcast with the same id', async () => {
      const b = record('20260401-aaa001');
      await store.create(b);
      expect(await store.get(b.id)).toEqual(b);
      expect(await store.get('20260401-nothere')).toBeUndefined();
      await expect(store.create(b)).rejects.toMatchObject({ code: 'store/exists' });
    });

    it('replaces by compare-and-set on the version', async () => {
      const b = record('20260401-aaa002');
      await store.create(b);
      const next = { ...b, version: 2, state: 'scheduled' as const };
      expect(await store.replace(next)).toBe(true);
      expect(await store.replace({ ...b, version: 2, state: 'cancelled' })).toBe(false);
      expect(await store.replace({ ...b, version: 5 })).toBe(false);
      expect(await store.replace(record('20260401-unknown', { version: 2 }))).toBe(false);
      expect((await store.get(b.id))?.state).toBe('scheduled');
    });

    it('lets one of many concurrent replaces of one version win', async () => {
      const b = record('20260401-aaa003');
      await store.create(b);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.replace({ ...b, version: 2, updatedAt: `2026-04-01T00:00:0${i}.000Z` }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('lists the newest first, by state, and the active ones', async () => {
      for (let i = 1; i <= 4; i++) {
        await store.create(
          record(`20260401-list0${i}`, {
            created: { at: `2026-04-0${i}T00:00:00.000Z`, by: 'sato' },
          }),
        );
      }
      const b3 = (await store.get('20260401-list03'))!;
      await store.replace({ ...b3, version: 2, state: 'sending' });
      const b2 = (await store.get('20260401-list02'))!;
      await store.replace({ ...b2, version: 2, state: 'scheduled' });
      expect((await store.list({ limit: 3 })).map((b) => b.id)).toEqual([
        '20260401-list04',
        '20260401-list03',
        '20260401-list02',
      ]);
      expect((await store.list({ limit: 10, states: ['draft'] })).map((b) => b.id)).toEqual([
        '20260401-list04',
        '20260401-list01',
      ]);
      expect((await store.listActive()).map((b) => b.id)).toEqual([
        '20260401-list02',
        '20260401-list03',
      ]);
      const b3s = (await store.get('20260401-list03'))!;
      await store.replace({ ...b3s, version: 3, state: 'sent' });
      expect((await store.listActive()).map((b) => b.id)).toEqual(['20260401-list02']);
    });

    it('stores a retry key at the first claim and keeps it for every later claim', async () => {
      const first = await store.claimBatch('20260401-bat001', 0, KEY(1), AT);
      expect(first).toEqual({
        kind: 'claimed',
        record: { status: 'sending', retryKey: KEY(1), keyAt: AT, attempts: 1 },
      });
      const again = await store.claimBatch(
        '20260401-bat001',
        0,
        KEY(2),
        '2026-04-01T01:00:00.000Z',
      );
      expect(again).toEqual({
        kind: 'claimed',
        record: { status: 'sending', retryKey: KEY(1), keyAt: AT, attempts: 2 },
      });
      const other = await store.claimBatch('20260401-bat001', 1, KEY(3), AT);
      expect(other.record.retryKey).toBe(KEY(3));
    });

    it('gives every concurrent claimer of a batch the same key', async () => {
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.claimBatch('20260401-bat002', 7, KEY(i + 10), AT),
        ),
      );
      expect(new Set(claims.map((c) => c.record.retryKey)).size).toBe(1);
      expect(Math.max(...claims.map((c) => c.record.attempts))).toBe(10);
    });

    it('settles a batch once and counts settled batches', async () => {
      const id = '20260401-bat003';
      await store.claimBatch(id, 0, KEY(1), AT);
      const delivered: BatchRecord = {
        status: 'delivered',
        retryKey: KEY(1),
        keyAt: AT,
        attempts: 1,
        recipients: 500,
        settledAt: AT,
      };
      expect(await store.settleBatch(id, 0, delivered)).toEqual({ changed: true, settled: 1 });
      expect(
        await store.settleBatch(id, 0, { ...delivered, status: 'failed', reason: 'network' }),
      ).toEqual({ changed: false, settled: 1 });
      expect(await store.claimBatch(id, 0, KEY(2), AT)).toEqual({
        kind: 'settled',
        record: delivered,
      });
      const failed: BatchRecord = {
        status: 'failed',
        attempts: 3,
        reason: 'rejected',
        httpStatus: 400,
        lineMessage: 'bad',
        settledAt: AT,
      };
      expect(await store.settleBatch(id, 1, failed)).toEqual({ changed: true, settled: 2 });
      expect(await store.batches(id)).toEqual(
        new Map([
          [0, delivered],
          [1, failed],
        ]),
      );
    });

    it('lets exactly one of concurrent settlements of a batch count', async () => {
      const id = '20260401-bat004';
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          store.settleBatch(id, 3, { status: 'delivered', attempts: 1, settledAt: AT }),
        ),
      );
      expect(results.filter((r) => r.changed)).toHaveLength(1);
      expect(Math.max(...results.map((r) => r.settled))).toBe(1);
    });

    it('cancels only the batches no worker took up', async () => {
      const id = '20260401-bat005';
      await store.claimBatch(id, 0, KEY(1), AT); // in flight
      await store.settleBatch(id, 1, { status: 'delivered', attempts: 1, settledAt: AT });
      expect(
        await store.settleUnclaimed(id, 4, { status: 'cancelled', attempts: 0, settledAt: AT }),
      ).toBe(3);
      const batches = await store.batches(id);
      expect([0, 1, 2, 3].map((n) => batches.get(n)?.status)).toEqual([
        'sending',
        'delivered',
        'cancelled',
        'cancelled',
      ]);
      expect(
        await store.settleUnclaimed(id, 4, { status: 'cancelled', attempts: 0, settledAt: AT }),
      ).toBe(3);
      expect((await store.claimBatch(id, 2, KEY(9), AT)).kind).toBe('settled');
      expect(
        await store.settleBatch(id, 0, { status: 'delivered', attempts: 1, settledAt: AT }),
      ).toEqual({ changed: true, settled: 4 });
    });
  });

  describe(`AuditLog contract: ${name}`, () => {
    let h: BroadcastHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('appends entries with increasing ids and lists the newest first, paging back', async () => {
      const ids: string[] = [];
      for (let i = 1; i <= 5; i++) ids.push((await h.audit.append(entry(i))).id);
      const newest = await h.audit.list({ limit: 2 });
      expect(newest.map((e) => e.broadcastId)).toEqual(['20260401-aaa005', '20260401-aaa004']);
      expect(newest[0]).toEqual({ ...entry(5), id: ids[4] });
      const older = await h.audit.list({ limit: 10, before: newest[1]!.id });
      expect(older.map((e) => e.broadcastId)).toEqual([
        '20260401-aaa003',
        '20260401-aaa002',
        '20260401-aaa001',
      ]);
      expect(await h.audit.list({ limit: 0 })).toEqual([]);
    });

    it('refuses an entry that does not match the schema (nothing unreadable is written)', async () => {
      await expect(
        h.audit.append({ ...entry(1), action: 'broadcast.delete' as never }),
      ).rejects.toThrow();
      expect(await h.audit.list({ limit: 10 })).toEqual([]);
    });
  });
}
