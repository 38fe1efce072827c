/**
 * The Redis store (ioredis, through `redis-connection.ts`). Commands fail fast while Redis is
 * away (see there), so the bot keeps answering FAQ questions and `/readyz` reports the fault.
 */
import type { Store } from '../../ports.js';
import { UserRecordSchema } from '../../schema/index.js';
import { decode, decodeState, encodeState } from '../codec.js';
import { createKeys } from '../keys.js';
import type { StoreKeys } from '../keys.js';
import { openStoreConnection, whenReady } from '../redis-connection.js';
import type { RedisSource } from '../redis-connection.js';

/** With a `url`, the store's own connection; commands time out after 1,000 ms by default. */
export type RedisStoreOptions = RedisSource & {
  /** Key prefix (see `keys.ts`); default `madoguchi:`. */
  prefix?: string;
};

export interface RedisStore extends Store {
  readonly keys: StoreKeys;
  /** Resolves once connected and ready (or rejects after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
}

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const keys = createKeys(options.prefix);
  const connection = openStoreConnection(options, { name: 'store', commandTimeoutMs: 1000 });
  const { redis } = connection;

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
    async ping() {
      await redis.ping();
    },
    close: () => connection.close(),
  };
}
