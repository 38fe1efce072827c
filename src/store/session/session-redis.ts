/**
 * Web console sessions on Redis: one string per session (JSON) under `session:{<sha256>}`, whose
 * TTL is the session's life: min(idle time, time left to the absolute end). Redis drops idle and
 * ended sessions by itself; every read is parsed with the session schema.
 */
import { MadoguchiError } from '../../errors.js';
import type { Clock, SessionStore } from '../../ports.js';
import { AdminSessionSchema } from '../../schema/index.js';
import type { AdminSession } from '../../schema/index.js';
import { decode } from '../codec.js';
import { createKeys } from '../keys.js';
import { openStoreConnection, whenReady } from '../redis-connection.js';
import type { RedisSource } from '../redis-connection.js';
import { StoreError } from '../store-error.js';

/** With a `url`, the store's own connection; commands time out after 2,000 ms by default. */
export type RedisSessionStoreOptions = RedisSource & {
  /** Key prefix (see `keys.ts`); default `madoguchi:`. */
  prefix?: string;
  /** For the absolute end; default the wall clock. */
  clock?: Clock;
};

export interface RedisSessionStore extends SessionStore {
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const wallClock: Clock = { now: () => new Date() };

/**
 * A Redis command whose failure (refused, timed out, connection lost) is `store/unavailable`:
 * the admin API answers it 503 with a clear message instead of a bare 500.
 */
async function reaching<T>(command: Promise<T>): Promise<T> {
  try {
    return await command;
  } catch (err) {
    if (err instanceof MadoguchiError) throw err;
    throw new StoreError(
      'store/unavailable',
      'the session store (Redis) is not reachable now; try again shortly',
      undefined,
      { cause: err },
    );
  }
}

export function createRedisSessionStore(options: RedisSessionStoreOptions): RedisSessionStore {
  const keys = createKeys(options.prefix);
  const clock = options.clock ?? wallClock;
  const connection = openStoreConnection(options, {
    name: 'session store',
    commandTimeoutMs: 2000,
  });
  const { redis } = connection;
  /** ms the session may still live, or ≤ 0 when its absolute end has passed. */
  const lifeMs = (s: AdminSession, idleSeconds: number) =>
    Math.min(idleSeconds * 1000, Date.parse(s.expiresAt) - clock.now().getTime());

  return {
    ready: (timeoutMs) => whenReady(redis, timeoutMs),
    close: () => connection.close(),
    async create(id, session, idleSeconds) {
      const checked = AdminSessionSchema.parse(session);
      const ms = lifeMs(checked, idleSeconds);
      if (ms <= 0) return;
      await reaching(redis.set(keys.session(id), JSON.stringify(checked), 'PX', ms));
    },
    async get(id) {
      const raw = await reaching(redis.get(keys.session(id)));
      if (raw === null) return undefined;
      const session = decode(AdminSessionSchema, raw, 'session');
      // The TTL already ends it at `expiresAt`; this guards a clock skew between us and Redis.
      return Date.parse(session.expiresAt) > clock.now().getTime() ? session : undefined;
    },
    async touch(id, idleSeconds) {
      const key = keys.session(id);
      // One round trip: read and restart the idle time together (atomic, so a sign-out in
      // between cannot be revived); a second only in the session's last idle period, to keep
      // the TTL from outliving its absolute end.
      const replies = await reaching(
        redis
          .multi()
          .get(key)
          .pexpire(key, idleSeconds * 1000)
          .exec(),
      );
      const [err, raw] = replies?.[0] ?? [null, null];
      if (err) throw err;
      if (typeof raw !== 'string') return undefined;
      const session = decode(AdminSessionSchema, raw, 'session');
      const ms = lifeMs(session, idleSeconds);
      if (ms <= 0) {
        await reaching(redis.del(key));
        return undefined;
      }
      if (ms < idleSeconds * 1000) await reaching(redis.pexpire(key, ms));
      return session;
    },
    async delete(id) {
      await reaching(redis.del(keys.session(id)));
    },
  };
}
