/** @module store/broadcasts: the `BroadcastStore` port (broadcasts and their batches). */
export { createMemoryBroadcastStore } from './broadcast-memory.js';
export { createRedisBroadcastStore } from './broadcast-redis.js';
export type { RedisBroadcastStore, RedisBroadcastStoreOptions } from './broadcast-redis.js';
