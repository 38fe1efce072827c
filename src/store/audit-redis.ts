/**
 * The audit log on Redis: a stream (XADD), which is append-only by nature and gives every entry
 * an increasing id. It is never trimmed: a city writes a few entries a day.
 */
import { Redis } from 'ioredis';
import type { AuditLog, Logger } from '../ports.js';
import { AuditEntrySchema } from '../schema/index.js';
import type { AuditEntry } from '../schema/index.js';
import { whenReady } from './broadcast-redis.js';
import { decode } from './codec.js';
import { createKeys } from './keys.js';

export interface RedisAuditLogOptions {
  url: string;
  prefix?: string;
  commandTimeoutMs?: number;
  logger?: Logger;
}

export interface RedisAuditLog extends AuditLog {
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const STREAM_ID = /^\d+-\d+$/;

export function createRedisAuditLog(options: RedisAuditLogOptions): RedisAuditLog {
  const key = createKeys(options.prefix).audit();
  const redis = new Redis(options.url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 100, 2000),
  });
  redis.on('error', (err: Error) => {
    options.logger?.warn(
      { err: { name: err.name, message: err.message } },
      'redis: audit log connection error',
    );
  });

  return {
    ready: (timeoutMs) => whenReady(redis, timeoutMs),
    async append(input) {
      // Validated before writing: the id is a placeholder until Redis assigns one.
      const checked = AuditEntrySchema.parse({ ...input, id: '0-0' });
      const { id: _placeholder, ...entry } = checked;
      const id = await redis.xadd(key, '*', 'e', JSON.stringify(entry));
      return { ...entry, id: id! };
    },
    async list({ limit, before }) {
      if (limit <= 0) return [];
      if (before !== undefined && !STREAM_ID.test(before)) return [];
      const rows = await redis.xrevrange(
        key,
        before === undefined ? '+' : `(${before}`,
        '-',
        'COUNT',
        limit,
      );
      return rows.map(([id, fields]): AuditEntry => {
        const raw = fields[fields.indexOf('e') + 1] ?? '{}';
        return decode(AuditEntrySchema, JSON.stringify({ ...JSON.parse(raw), id }), 'audit entry');
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
  };
}
