/**
 * The Redis store (ioredis, through `redis-connection.ts`). Commands fail fast while Redis is
 * away (see there), so the bot keeps answering FAQ questions and `/readyz` reports the fault.
 */
import type { Store } from '../../ports.js';
import { AskedRecordSchema, FeedbackRecordSchema, UserRecordSchema } from '../../schema/index.js';
import type { AskedRecord, FeedbackRecord } from '../../schema/index.js';
import { decode, decodeState, encodeState } from '../codec.js';
import { createKeys } from '../keys.js';
import type { StoreKeys } from '../keys.js';
import { openStoreConnection, whenReady } from '../redis-connection.js';
import type { RedisSource } from '../redis-connection.js';

/** With a `url`, the store's own connection; commands time out after 1,000 ms by default. */
export type RedisStoreOptions = RedisSource & {
  /** Key prefix (see `keys.ts`); default `madoguchi:`. */
  prefix?: string;
  /** How many asked questions and feedback records to keep. Default 10,000. */
  maxListLength?: number;
};

export interface RedisStore extends Store {
  readonly keys: StoreKeys;
  /** Resolves once connected and ready (or rejects after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
}

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const keys = createKeys(options.prefix);
  const maxList = options.maxListLength ?? 10_000;
  const connection = openStoreConnection(options, { name: 'store', commandTimeoutMs: 1000 });
  const { redis } = connection;

  async function pushBounded(key: string, value: string): Promise<void> {
    // Issued in the same tick, so auto-pipelining sends both in one write (no MULTI needed:
    // a list briefly one longer than the bound is harmless).
    await Promise.all([redis.lpush(key, value), redis.ltrim(key, 0, maxList - 1)]);
  }

  return {
    keys,
    ready: (timeoutMs) => whenReady(redis, timeoutMs),
    async claimEvent(eventId, ttlSeconds) {
      const ok = await redis.set(keys.event(eventId), '1', 'EX', ttlSeconds, 'NX');
      return ok === 'OK';
    },
    async loadState(key) {
      const raw = await redis.get(keys.state(key));
      return raw === null ? undefined : decodeState(raw);
    },
    async saveState(key, state, ttlSeconds) {
      await redis.set(keys.state(key), encodeState(state), 'EX', ttlSeconds);
    },
    async deleteState(key) {
      await redis.del(keys.state(key));
    },
    async getUser(userId) {
      const hash = await redis.hgetall(keys.user(userId));
      if (Object.keys(hash).length === 0) return undefined;
      return decode(UserRecordSchema, JSON.stringify(hash), 'user record');
    },
    async markFollowed(userId, at) {
      await redis.hset(keys.user(userId), { status: 'followed', followedAt: at.toISOString() });
    },
    async markBlocked(userId, at) {
      await redis.hset(keys.user(userId), { status: 'blocked', blockedAt: at.toISOString() });
    },
    async addFeedback(record) {
      await pushBounded(keys.feedback(), JSON.stringify(FeedbackRecordSchema.parse(record)));
    },
    async listFeedback(limit) {
      if (limit <= 0) return [];
      const raw = await redis.lrange(keys.feedback(), 0, limit - 1);
      return raw.map((r): FeedbackRecord => decode(FeedbackRecordSchema, r, 'feedback record'));
    },
    async addAsked(record) {
      await pushBounded(keys.asked(), JSON.stringify(AskedRecordSchema.parse(record)));
    },
    async listAsked(limit) {
      if (limit <= 0) return [];
      const raw = await redis.lrange(keys.asked(), 0, limit - 1);
      return raw.map((r): AskedRecord => decode(AskedRecordSchema, r, 'asked record'));
    },
    async ping() {
      await redis.ping();
    },
    close: () => connection.close(),
  };
}
