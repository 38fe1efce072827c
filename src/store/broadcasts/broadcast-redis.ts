/**
 * Broadcasts on Redis: one JSON record per broadcast (changed by compare-and-set on its
 * version), one hash of batch records per broadcast, a settled-batch counter, an index by
 * creation time and the set of active broadcasts. Scripts in `broadcast-scripts.ts`.
 */
import type { BatchClaim, BroadcastStore } from '../../ports.js';
import { BatchRecordSchema, BroadcastSchema } from '../../schema/index.js';
import type { BatchRecord, Broadcast } from '../../schema/index.js';
import {
  settleUnclaimedScript,
  claimScript,
  replaceScript,
  settleScript,
} from './broadcast-scripts.js';
import { decode } from '../codec.js';
import { createKeys } from '../keys.js';
import type { BroadcastKeys } from '../keys.js';
import { runScript } from '../lua-script.js';
import type { LuaScript } from '../lua-script.js';
import { openStoreConnection, whenReady } from '../redis-connection.js';
import type { RedisSource } from '../redis-connection.js';
import { StoreError } from '../store-error.js';

/** With a `url`, the store's own connection; commands time out after 2,000 ms by default. */
export type RedisBroadcastStoreOptions = RedisSource & {
  /** Key prefix (see `keys.ts`); default `madoguchi:`. */
  prefix?: string;
};

export interface RedisBroadcastStore extends BroadcastStore {
  readonly keys: BroadcastKeys;
  /** Resolves once connected and ready (or rejects after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const ACTIVE = new Set(['scheduled', 'sending']);

export function createRedisBroadcastStore(
  options: RedisBroadcastStoreOptions,
): RedisBroadcastStore {
  const keys = createKeys(options.prefix).broadcast;
  const connection = openStoreConnection(options, {
    name: 'broadcast store',
    commandTimeoutMs: 2000,
  });
  const { redis } = connection;
  const run = (s: LuaScript, keyNames: string[], args: Array<string | number>) =>
    runScript(redis, s, keyNames, args);

  const parse = (raw: string): Broadcast => decode(BroadcastSchema, raw, 'broadcast');
  const parseBatch = (raw: string): BatchRecord => decode(BatchRecordSchema, raw, 'batch record');

  async function write(b: Broadcast, create: boolean): Promise<boolean> {
    const json = JSON.stringify(BroadcastSchema.parse(b));
    const written = await run(
      replaceScript,
      [keys.record(b.id), keys.index(), keys.active()],
      [
        json,
        b.version,
        b.id,
        Date.parse(b.created.at),
        ACTIVE.has(b.state) ? 1 : 0,
        create ? 1 : 0,
      ],
    );
    return written === 1;
  }

  async function readMany(ids: string[]): Promise<Broadcast[]> {
    if (ids.length === 0) return [];
    const raws = await redis.mget(...ids.map((id) => keys.record(id)));
    return raws.filter((r): r is string => r !== null).map(parse);
  }

  return {
    keys,
    ready: (timeoutMs) => whenReady(redis, timeoutMs),
    async create(b) {
      if (!(await write(b, true))) throw new StoreError('store/exists', `broadcast ${b.id} exists`);
    },
    async get(id) {
      const raw = await redis.get(keys.record(id));
      return raw === null ? undefined : parse(raw);
    },
    async list({ limit, states }) {
      const ids = await redis.zrevrange(keys.index(), 0, 499);
      const all = await readMany(ids);
      return all.filter((b) => !states || states.includes(b.state)).slice(0, Math.max(0, limit));
    },
    async listActive() {
      const all = await readMany(await redis.smembers(keys.active()));
      return all
        .filter((b) => ACTIVE.has(b.state))
        .sort((a, b) => (a.created.at < b.created.at ? -1 : 1));
    },
    replace(next) {
      return write(next, false);
    },
    async batches(id) {
      const hash = await redis.hgetall(keys.batches(id));
      return new Map(Object.entries(hash).map(([n, raw]) => [Number(n), parseBatch(raw)]));
    },
    async claimBatch(id, n, retryKey, keyAt): Promise<BatchClaim> {
      const fresh: BatchRecord = { status: 'sending', retryKey, keyAt, attempts: 1 };
      const [kind, raw] = (await run(
        claimScript,
        [keys.batches(id)],
        [n, JSON.stringify(fresh)],
      )) as [string, string];
      const record = parseBatch(raw);
      return kind === 'settled' ? { kind: 'settled', record } : { kind: 'claimed', record };
    },
    async settleBatch(id, n, record) {
      const json = JSON.stringify(BatchRecordSchema.parse(record));
      const [changed, settled] = (await run(
        settleScript,
        [keys.batches(id), keys.settled(id)],
        [n, json],
      )) as [number, number];
      return { changed: changed === 1, settled: Number(settled) };
    },
    async settleUnclaimed(id, total, record) {
      const settled = await run(
        settleUnclaimedScript,
        [keys.batches(id), keys.settled(id)],
        [total, JSON.stringify(BatchRecordSchema.parse(record))],
      );
      return Number(settled);
    },
    close: () => connection.close(),
  };
}
