/** @module store/audience: the `Audience` port (resident settings, segment snapshots). */
export { createMemoryAudience } from './audience-memory.js';
export { createRedisAudience } from './audience-redis.js';
export type { RedisAudience, RedisAudienceOptions } from './audience-redis.js';
export { AudienceError } from './audience-error.js';
