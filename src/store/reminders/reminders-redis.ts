/**
 * The `ReminderStore` on Redis (ioredis): one hash per resident (class id → reminder JSON), one
 * set per class (its residents) and the set of classes with reminders, changed together by Lua
 * scripts; compare-and-set on each reminder's version. Every read is parsed with its schema.
 */
import type { ReminderStore } from '../../ports.js';
import { ClassAnnouncementSchema, ClassReminderSchema } from '../../schema/index.js';
import type { ClassReminder } from '../../schema/index.js';
import { decode } from '../codec.js';
import { createKeys } from '../keys.js';
import type { ReminderKeys } from '../keys.js';
import { runScript } from '../lua-script.js';
import type { LuaScript } from '../lua-script.js';
import { openStoreConnection, whenReady } from '../redis-connection.js';
import type { RedisSource } from '../redis-connection.js';
import { addScript, putWeekScript, removeScript, updateScript } from './reminders-scripts.js';

/** With a `url`, the store's own connection; commands time out after 2,000 ms by default. */
export type RedisReminderStoreOptions = RedisSource & {
  /** Key prefix (see `keys.ts`); default `madoguchi:`. */
  prefix?: string;
};

export interface RedisReminderStore extends ReminderStore {
  readonly keys: ReminderKeys;
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Announcement records are kept for a year (enough to read back what went out). */
const WEEK_TTL_SECONDS = 366 * 86_400;
/** A member that makes the announced set exist from the first (baseline) run on. */
const STARTED = '*';

export function createRedisReminderStore(options: RedisReminderStoreOptions): RedisReminderStore {
  const keys = createKeys(options.prefix).reminders;
  const connection = openStoreConnection(options, {
    name: 'reminder store',
    commandTimeoutMs: 2000,
  });
  const { redis } = connection;
  const run = (s: LuaScript, keyNames: string[], args: Array<string | number>) =>
    runScript(redis, s, keyNames, args);

  const keysOf = (userId: string, classId: string) => [
    keys.user(userId),
    keys.class(classId),
    keys.classes(),
  ];
  const read = (json: string): ClassReminder => decode(ClassReminderSchema, json, 'reminder');
  const write = (r: ClassReminder): string => JSON.stringify(ClassReminderSchema.parse(r));

  return {
    keys,
    ready: (timeoutMs) => whenReady(redis, timeoutMs),
    close: () => connection.close(),
    async listForUser(userId) {
      return Object.values(await redis.hgetall(keys.user(userId))).map(read);
    },
    async add(userId, reminder, max) {
      const r = await run(addScript, keysOf(userId, reminder.classId), [
        reminder.classId,
        userId,
        write(reminder),
        max,
      ]);
      return r as 'added' | 'exists' | 'full';
    },
    async remove(userId, classId) {
      return (await run(removeScript, keysOf(userId, classId), [classId, userId])) === 1;
    },
    async classIds() {
      return (await redis.smembers(keys.classes())).sort();
    },
    async listForClass(classId) {
      const users = (await redis.smembers(keys.class(classId))).sort();
      const out: Array<{ userId: string; reminder: ClassReminder }> = [];
      for (const userId of users) {
        const json = await redis.hget(keys.user(userId), classId);
        if (json) out.push({ userId, reminder: read(json) });
      }
      return out;
    },
    async update(userId, classId, version, next) {
      const json = next === null ? '' : write(next);
      return (
        (await run(updateScript, keysOf(userId, classId), [classId, userId, version, json])) === 1
      );
    },
    async announcedIds() {
      const ids = await redis.smembers(keys.announced());
      if (ids.length === 0) return undefined;
      return new Set(ids.filter((id) => id !== STARTED));
    },
    async markAnnounced(classIds) {
      await redis.sadd(keys.announced(), STARTED, ...classIds);
    },
    async getAnnouncement(week) {
      const json = await redis.get(keys.week(week));
      return json === null ? undefined : decode(ClassAnnouncementSchema, json, 'announcement');
    },
    async putAnnouncement(a) {
      const json = JSON.stringify(ClassAnnouncementSchema.parse(a));
      return (
        (await run(putWeekScript, [keys.week(a.week)], [a.version - 1, json, WEEK_TTL_SECONDS])) ===
        1
      );
    },
  };
}
