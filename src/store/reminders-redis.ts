/**
 * The `ReminderStore` on Redis (ioredis): one hash per resident (class id → reminder JSON), one
 * set per class (its residents) and the set of classes with reminders, changed together by Lua
 * scripts; compare-and-set on each reminder's version. Every read is parsed with its schema.
 */
import { Redis } from 'ioredis';
import type { Logger, ReminderStore } from '../ports.js';
import { ClassAnnouncementSchema, ClassReminderSchema } from '../schema/index.js';
import type { ClassReminder } from '../schema/index.js';
import { decode } from './codec.js';
import { createKeys } from './keys.js';
import type { ReminderKeys } from './keys.js';
import {
  addScript,
  putWeekScript,
  removeScript,
  updateScript,
  type ReminderScript,
} from './reminders-scripts.js';

export interface RedisReminderStoreOptions {
  url: string;
  /** Key prefix (see `keys.ts`); default `madoguchi:`. */
  prefix?: string;
  /** A command that gets no answer within this time rejects. Default 2,000 ms. */
  commandTimeoutMs?: number;
  logger?: Logger;
}

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
  const redis = new Redis(options.url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
  let lastError = '';
  redis.on('error', (err: Error) => {
    if (err.message !== lastError) {
      lastError = err.message;
      options.logger?.warn(
        { err: { name: err.name, message: err.message } },
        'redis: reminder store connection error',
      );
    }
  });
  redis.on('ready', () => {
    lastError = '';
  });

  async function run(s: ReminderScript, keyNames: string[], args: Array<string | number>) {
    try {
      return await redis.evalsha(s.sha, keyNames.length, ...keyNames, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return redis.eval(s.lua, keyNames.length, ...keyNames, ...args);
    }
  }

  const keysOf = (userId: string, classId: string) => [
    keys.user(userId),
    keys.class(classId),
    keys.classes(),
  ];
  const read = (json: string): ClassReminder => decode(ClassReminderSchema, json, 'reminder');
  const write = (r: ClassReminder): string => JSON.stringify(ClassReminderSchema.parse(r));

  return {
    keys,
    ready(timeoutMs = 5000) {
      if (redis.status === 'ready') return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          redis.off('ready', onReady);
          reject(new Error(`redis not ready after ${timeoutMs} ms`));
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve();
        };
        redis.once('ready', onReady);
      });
    },
    async close() {
      try {
        await redis.quit();
      } catch {
        // already gone
      }
      redis.disconnect();
    },
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
