/**
 * @module store: what every port's store shares (the Redis connection, every key, the store
 * error). Each port's memory and Redis implementations sit in their own folder behind its
 * index.ts: state/, session/, audience/, broadcasts/, audit/, question-log/, reminders/.
 */
export { closeRedisConnection, createRedisConnection } from './redis-connection.js';
export type { RedisConnection, RedisConnectionOptions, RedisSource } from './redis-connection.js';
export { createKeys } from './keys.js';
export type { StoreKeys } from './keys.js';
export { StoreError } from './store-error.js';
