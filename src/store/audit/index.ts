/** @module store/audit: the `AuditLog` port (the admin API's append-only log). */
export { createMemoryAuditLog } from './audit-memory.js';
export { createRedisAuditLog } from './audit-redis.js';
export type { RedisAuditLog, RedisAuditLogOptions } from './audit-redis.js';
