/**
 * One way to connect to Redis for every store (ioredis). Commands fail fast instead of queueing
 * while Redis is away (`enableOfflineQueue: false`, one retry, a command timeout), so the bot
 * keeps answering FAQ questions and `/readyz` reports the fault; ioredis reconnects by itself
 * and the stores work again without a restart. BullMQ opens its own connections (it needs
 * `maxRetriesPerRequest: null`), so this is for the stores only.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../ports.js';

/** A connection to Redis, shared by several stores or owned by one. */
export type RedisConnection = Redis;

export interface RedisConnectionOptions {
  /** `redis://127.0.0.1:6379/0` and the like. */
  url: string;
  /** A command that gets no answer within this time rejects. Default 2,000 ms. */
  commandTimeoutMs?: number;
  /** Receives connection errors (ioredis would otherwise print them to stderr). */
  logger?: Logger;
  /** Who uses the connection, for the log lines (`redis: audience connection error`). */
  name?: string;
}

/**
 * Where a Redis store sends its commands: its own connection to `url` (the store opens and
 * closes it), or a `client` from {@link createRedisConnection} that several stores share (its
 * creator closes it; the store's `close()` leaves it open).
 */
export type RedisSource =
  | { url: string; client?: never; commandTimeoutMs?: number; logger?: Logger }
  | { client: RedisConnection; url?: never; commandTimeoutMs?: never; logger?: never };

/** Opens a connection with our options; close it with {@link closeRedisConnection}. */
export function createRedisConnection(options: RedisConnectionOptions): RedisConnection {
  const redis = new Redis(options.url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    connectTimeout: 2000,
    // Commands issued in the same tick (many residents at once) share one write.
    enableAutoPipelining: true,
    // Reconnect forever, at most every 2 s: Redis coming back must heal the bot without a restart.
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
  const who = options.name ? `${options.name} ` : '';
  let lastError = '';
  redis.on('error', (err: Error) => {
    // One log line per distinct error, not one per reconnect attempt; name and message only
    // (never the URL, which may carry a password).
    if (err.message !== lastError) {
      lastError = err.message;
      options.logger?.warn(
        { err: { name: err.name, message: err.message } },
        `redis: ${who}connection error`,
      );
    }
  });
  redis.on('ready', () => {
    if (lastError) options.logger?.info({}, `redis: ${who}connected again`);
    lastError = '';
  });
  return redis;
}

/**
 * Resolves once `redis` is ready (commands fail fast while it is not: no offline queue), or
 * rejects after `timeoutMs`; with `failOnError`, also on the first connection error.
 */
export function whenReady(
  redis: RedisConnection,
  timeoutMs = 5000,
  { failOnError = false }: { failOnError?: boolean } = {},
): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', onError);
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(
      () => done(new Error(`redis not ready after ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onReady = () => done();
    const onError = (err: Error) => done(new Error(`redis not ready: ${err.message}`));
    redis.once('ready', onReady);
    if (failOnError) redis.once('error', onError);
  });
}

/** Quits politely, then drops the socket (quit fails when the connection is already gone). */
export async function closeRedisConnection(redis: RedisConnection): Promise<void> {
  try {
    await redis.quit();
  } catch {
    // Already gone: disconnect() below is all that is left.
  }
  redis.disconnect();
}

/** A store's connection, and whether closing it is the store's job. */
export interface StoreConnection {
  readonly redis: RedisConnection;
  /** Closes a connection the store opened; leaves a shared one to its creator. */
  close(): Promise<void>;
}

/** Opens the store's own connection for a `url`, or takes the shared `client`. */
export function openStoreConnection(
  source: RedisSource,
  defaults: { name: string; commandTimeoutMs: number },
): StoreConnection {
  if (source.client) return { redis: source.client, close: async () => {} };
  const redis = createRedisConnection({
    url: source.url,
    name: defaults.name,
    commandTimeoutMs: source.commandTimeoutMs ?? defaults.commandTimeoutMs,
    ...(source.logger ? { logger: source.logger } : {}),
  });
  return { redis, close: () => closeRedisConnection(redis) };
}
