/**
 * The `Audience` on Redis: each resident gets a dense index, and every topic, area and age band
 * is a bitmap with one bit per index, plus an `active` bitmap (followed, not blocked, not
 * stopped). A count is BITOP OR within each dimension, AND across them and with `active`, then
 * BITCOUNT: 1,000,000 residents are 125 KB per bitmap (see bench/segments.ts for timings).
 * A snapshot is the same result kept under its own key; it is read back in chunks (GETRANGE),
 * set bits become indexes and indexes become user ids (HMGET).
 */
import type { Audience, SnapshotBatch } from '../../ports.js';
import { ResidentSettingsSchema } from '../../schema/index.js';
import type { ResidentSettings, Target } from '../../schema/index.js';
import { decode } from '../codec.js';
import {
  checkBatching,
  checkedSettings,
  checkedSnapshotKey,
  checkUserId,
  settingsSuffixes,
  targetGroups,
} from './audience-bits.js';
import { AudienceError } from './audience-error.js';
import { selectScript, updateScript } from './audience-scripts.js';
import { createKeys } from '../keys.js';
import type { AudienceKeys } from '../keys.js';
import { runScript } from '../lua-script.js';
import type { LuaScript } from '../lua-script.js';
import { openStoreConnection, whenReady } from '../redis-connection.js';
import type { RedisSource } from '../redis-connection.js';

/** With a `url`, the audience's own connection; commands time out after 2,000 ms by default. */
export type RedisAudienceOptions = RedisSource & {
  /** Key prefix (see `keys.ts`); default `madoguchi:`. */
  prefix?: string;
  /** Bytes of a snapshot read per GETRANGE (8 bits = 8 residents per byte). Default 65,536. */
  chunkBytes?: number;
};

export interface RedisAudience extends Audience {
  readonly keys: AudienceKeys;
  /** Resolves once connected and ready (or rejects after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Set bits per byte value, for skipping whole bytes when seeking batch N. */
const POPCOUNT = Uint8Array.from({ length: 256 }, (_, b) => {
  let n = 0;
  for (let v = b; v; v >>= 1) n += v & 1;
  return n;
});

export function createRedisAudience(options: RedisAudienceOptions): RedisAudience {
  const keys = createKeys(options.prefix).audience;
  const chunkBytes = options.chunkBytes ?? 65_536;
  const connection = openStoreConnection(options, { name: 'audience', commandTimeoutMs: 2000 });
  const { redis } = connection;

  const run = async (s: LuaScript, keyNames: string[], args: Array<string | number>) =>
    (await runScript(redis, s, keyNames, args)) as number;

  function update(op: 'set' | 'follow' | 'block', userId: string, settings?: ResidentSettings) {
    const json = settings ? JSON.stringify(settings) : '';
    return run(
      updateScript,
      [keys.residents(), keys.ids(), keys.settings(), keys.seq(), keys.active(), keys.blocked()],
      [
        keys.dimensionPrefix(),
        op,
        checkUserId(userId),
        json,
        ...(settings ? settingsSuffixes(settings) : []),
      ],
    );
  }

  function select(target: Target, mode: 'count' | 'snapshot', snapshotKey = ''): Promise<number> {
    const groups = targetGroups(target);
    const dest = mode === 'snapshot' ? keys.snapshot(snapshotKey) : keys.scratch(0);
    return run(
      selectScript,
      [
        keys.active(),
        dest,
        keys.snapshots(),
        keys.scratch(1),
        keys.scratch(2),
        keys.scratch(3),
        ...groups.flat().map((s) => keys.dimension(s)),
      ],
      [mode, snapshotKey, ...groups.map((g) => g.length)],
    );
  }

  async function* readSnapshot(
    snapshotKey: string,
    fromBatch: number,
    batchSize: number,
  ): AsyncGenerator<SnapshotBatch> {
    checkedSnapshotKey(snapshotKey);
    checkBatching(fromBatch, batchSize);
    if ((await redis.hget(keys.snapshots(), snapshotKey)) === null) {
      throw new AudienceError('audience/no-snapshot', `no snapshot "${snapshotKey}"`);
    }
    const key = keys.snapshot(snapshotKey);
    let skip = fromBatch * batchSize;
    let batch = fromBatch;
    let pending: number[] = [];
    const resolve = async (indexes: number[]): Promise<string[]> => {
      const ids = await redis.hmget(keys.ids(), ...indexes.map(String));
      return ids.filter((id): id is string => id !== null);
    };
    for (let offset = 0; ; offset += chunkBytes) {
      const chunk = await redis.getrangeBuffer(key, offset, offset + chunkBytes - 1);
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        if (byte === 0) continue;
        if (skip >= POPCOUNT[byte]!) {
          skip -= POPCOUNT[byte]!;
          continue;
        }
        for (let bit = 0; bit < 8; bit++) {
          // Redis numbers bits from the most significant bit of each byte.
          if ((byte & (0x80 >> bit)) === 0) continue;
          if (skip > 0) {
            skip--;
            continue;
          }
          pending.push((offset + i) * 8 + bit);
          if (pending.length === batchSize) {
            yield { batch: batch++, userIds: await resolve(pending) };
            pending = [];
          }
        }
      }
      if (chunk.length < chunkBytes) break;
    }
    if (pending.length > 0) yield { batch, userIds: await resolve(pending) };
  }

  return {
    keys,
    ready: (timeoutMs) => whenReady(redis, timeoutMs),
    async getSettings(userId) {
      const raw = await redis.hget(keys.settings(), checkUserId(userId));
      return raw === null ? undefined : decode(ResidentSettingsSchema, raw, 'resident settings');
    },
    async setSettings(userId, settings) {
      await update('set', userId, checkedSettings(settings));
    },
    async markFollowed(userId, initial) {
      await update('follow', userId, checkedSettings(initial));
    },
    async markBlocked(userId) {
      await update('block', userId);
    },
    async count(target) {
      return select(target, 'count');
    },
    async snapshot(target, snapshotKey) {
      return select(target, 'snapshot', checkedSnapshotKey(snapshotKey));
    },
    readSnapshot,
    async dropSnapshot(snapshotKey) {
      checkedSnapshotKey(snapshotKey);
      await redis
        .multi()
        .del(keys.snapshot(snapshotKey))
        .hdel(keys.snapshots(), snapshotKey)
        .exec();
    },
    async stats() {
      // Three O(bitmap) reads in one MULTI (one consistent moment): every known resident has an
      // index; the blocked bitmap marks unfollowed ones, and `active` is followed ∧ ¬stopped.
      const replies =
        (await redis
          .multi()
          .hlen(keys.residents())
          .bitcount(keys.blocked())
          .bitcount(keys.active())
          .exec()) ?? [];
      const [known, blocked, active] = replies.map(([err, n]) => {
        if (err) throw err;
        return Number(n);
      }) as [number, number, number];
      const friends = known - blocked;
      return { friends, blocked, stopped: friends - active };
    },
    close: () => connection.close(),
  };
}
