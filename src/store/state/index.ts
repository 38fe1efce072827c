/** @module store/state: the conversation `Store` port (dialog state, users, dedup). */
export { createMemoryStore } from './memory.js';
export type { MemoryStoreOptions } from './memory.js';
export { createRedisStore } from './redis.js';
export type { RedisStore, RedisStoreOptions } from './redis.js';
