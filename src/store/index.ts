/** @module store: the `Store` port on Redis (ioredis) and in memory, with every key in `keys.ts`. */
export { createMemoryStore } from './memory.js';
export type { MemoryStoreOptions } from './memory.js';
export { createRedisStore } from './redis.js';
export type { RedisStore, RedisStoreOptions } from './redis.js';
export { createKeys } from './keys.js';
export type { StoreKeys } from './keys.js';
export { StoreError } from './store-error.js';
export { createMemoryAudience } from './audience-memory.js';
export { createRedisAudience } from './audience-redis.js';
export type { RedisAudience, RedisAudienceOptions } from './audience-redis.js';
export { AudienceError } from './audience-error.js';
export type { AudienceKeys } from './keys.js';
