/**
 * The audit log on Redis: a stream (XADD), which is append-only by nature and gives every entry
 * an increasing id. It is never trimmed: a city writes a few entries a day.
 */
import type { AuditLog } from '../../ports.js';
import { AuditEntrySchema } from '../../schema/index.js';
import type { AuditEntry } from '../../schema/index.js';
import { decode } from '../codec.js';
import { createKeys } from '../keys.js';
import { openStoreConnection, whenReady } from '../redis-connection.js';
import type { RedisSource } from '../redis-connection.js';

/** With a `url`, the log's own connection; commands time out after 2,000 ms by default. */
export type RedisAuditLogOptions = RedisSource & {
  /** Key prefix (see `keys.ts`); default `madoguchi:`. */
  prefix?: string;
};

export interface RedisAuditLog extends AuditLog {
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const STREAM_ID = /^\d+-\d+$/;

export function createRedisAuditLog(options: RedisAuditLogOptions): RedisAuditLog {
  const key = createKeys(options.prefix).audit();
  const connection = openStoreConnection(options, { name: 'audit log', commandTimeoutMs: 2000 });
  const { redis } = connection;

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
    close: () => connection.close(),
  };
}
