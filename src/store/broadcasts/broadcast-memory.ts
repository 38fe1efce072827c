/**
 * Broadcasts in memory: local mode and tests. Same behaviour as Redis (one contract suite);
 * records are stored as validated JSON, so callers never share objects with the store.
 */
import type { BatchClaim, BroadcastStore } from '../../ports.js';
import { BatchRecordSchema, BroadcastSchema } from '../../schema/index.js';
import type { BatchRecord, Broadcast } from '../../schema/index.js';
import { StoreError } from '../store-error.js';

const ACTIVE = new Set(['scheduled', 'sending']);

export function createMemoryBroadcastStore(): BroadcastStore {
  const records = new Map<string, string>();
  /** Ids in creation order. */
  const order: string[] = [];
  const batchesOf = new Map<string, Map<number, BatchRecord>>();
  const settledOf = new Map<string, number>();

  const read = (id: string): Broadcast | undefined => {
    const raw = records.get(id);
    return raw === undefined ? undefined : BroadcastSchema.parse(JSON.parse(raw));
  };
  const batches = (id: string) => {
    let m = batchesOf.get(id);
    if (!m) batchesOf.set(id, (m = new Map()));
    return m;
  };
  const copy = (r: BatchRecord): BatchRecord => ({ ...r });

  return {
    async create(b) {
      if (records.has(b.id)) throw new StoreError('store/exists', `broadcast ${b.id} exists`);
      records.set(b.id, JSON.stringify(BroadcastSchema.parse(b)));
      order.push(b.id);
    },
    async get(id) {
      return read(id);
    },
    async list({ limit, states }) {
      return order
        .slice(-500)
        .reverse()
        .map((id) => read(id)!)
        .filter((b) => !states || states.includes(b.state))
        .slice(0, Math.max(0, limit));
    },
    async listActive() {
      return order.map((id) => read(id)!).filter((b) => ACTIVE.has(b.state));
    },
    async replace(next) {
      const current = read(next.id);
      if (!current || current.version !== next.version - 1) return false;
      records.set(next.id, JSON.stringify(BroadcastSchema.parse(next)));
      return true;
    },
    async batches(id) {
      return new Map([...batches(id)].map(([n, r]) => [n, copy(r)]));
    },
    async claimBatch(id, n, retryKey, keyAt): Promise<BatchClaim> {
      const m = batches(id);
      const r = m.get(n);
      if (r && r.status !== 'sending') return { kind: 'settled', record: copy(r) };
      const next: BatchRecord = r
        ? { ...r, attempts: r.attempts + 1 }
        : { status: 'sending', retryKey, keyAt, attempts: 1 };
      m.set(n, BatchRecordSchema.parse(next));
      return { kind: 'claimed', record: copy(next) };
    },
    async settleBatch(id, n, record) {
      const m = batches(id);
      const r = m.get(n);
      const settled = settledOf.get(id) ?? 0;
      if (r && r.status !== 'sending') return { changed: false, settled };
      m.set(n, BatchRecordSchema.parse(record));
      settledOf.set(id, settled + 1);
      return { changed: true, settled: settled + 1 };
    },
    async settleUnclaimed(id, total, record) {
      const checked = BatchRecordSchema.parse(record);
      const m = batches(id);
      let settled = settledOf.get(id) ?? 0;
      for (let n = 0; n < total; n++) {
        if (m.has(n)) continue;
        m.set(n, { ...checked });
        settled++;
      }
      settledOf.set(id, settled);
      return settled;
    },
  };
}
