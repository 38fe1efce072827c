/** @module store/reminders: the `ReminderStore` port (スマホ教室 reminders, announcements). */
export { createMemoryReminderStore } from './reminders-memory.js';
export { createRedisReminderStore } from './reminders-redis.js';
export type { RedisReminderStore, RedisReminderStoreOptions } from './reminders-redis.js';
