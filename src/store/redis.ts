/**
 * The Redis store (ioredis; the only importer of it). Commands fail fast instead of queueing
 * while Redis is away (`enableOfflineQueue: false`, one retry, a command timeout), so the bot
 * keeps answering FAQ questions and `/readyz` reports the fault; ioredis reconnects by itself
 * and the store works again without a restart.
 */
import { Redis } from 'ioredis';
import type { Logger, Store } from '../ports.js';
import { AskedRecordSchema, FeedbackRecordSchema, UserRecordSchema } from '../schema/index.js';
import type { AskedRecord, FeedbackRecord } from '../schema/index.js';
import { decode, decodeState, encodeState } from './codec.js';
import { createKeys } from './keys.js';
import type { StoreKeys } from './keys.js';

export interface RedisStoreOptions {
  /** `redis://127.0.0.1:6379/0` and the like. */
  url: string;
  /** Key prefix (see `keys.ts`); default `madoguchi:`. */
  prefix?: string;
  /** How many asked questions and feedback records to keep. Default 10,000. */
  maxListLength?: number;
  /** A command that gets no answer within this time rejects. Default 1,000 ms. */
  commandTimeoutMs?: number;
  /** Receives connection errors (ioredis would otherwise print them to stderr). */
  logger?: Logger;
}

export interface RedisStore extends Store {
  readonly keys: StoreKeys;
  /** Resolves once connected and ready (or rejects after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
}

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const keys = createKeys(options.prefix);
  const maxList = options.maxListLength ?? 10_000;
  const redis = new Redis(options.url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    connectTimeout: 2000,
    // Commands issued in the same tick (many residents at once) share one write.
    enableAutoPipelining: true,
    // Reconnect forever, at most every 2 s: Redis coming back must heal the bot without a restart.
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
  let lastError = '';
  redis.on('error', (err: Error) => {
    // One log line per distinct error, not one per reconnect attempt.
    if (err.message !== lastError) {
      lastError = err.message;
      options.logger?.warn(
        { err: { name: err.name, message: err.message } },
        'redis: connection error',
      );
    }
  });
  redis.on('ready', () => {
    if (lastError) options.logger?.info({}, 'redis: connected again');
    lastError = '';
  });

  async function pushBounded(key: string, value: string): Promise<void> {
    // Issued in the same tick, so auto-pipelining sends both in one write (no MULTI needed:
    // a list briefly one longer than the bound is harmless).
    await Promise.all([redis.lpush(key, value), redis.ltrim(key, 0, maxList - 1)]);
  }

  return {
    keys,
    ready(timeoutMs = 5000) {
      if (redis.status === 'ready') return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          redis.off('ready', onReady);
          reject(new Error(`redis not ready after ${timeoutMs} ms`));
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve();
        };
        redis.once('ready', onReady);
      });
    },
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
    async close() {
      try {
        await redis.quit();
      } catch {
        // quit fails when the connection is already gone; disconnect() below is all that is left.
      }
      redis.disconnect();
    },
  };
}
