/** @module store/session: the `SessionStore` port (web console sessions). */
export { createMemorySessionStore } from './session-memory.js';
export { createRedisSessionStore } from './session-redis.js';
export type { RedisSessionStore, RedisSessionStoreOptions } from './session-redis.js';
