/**
 * The in-memory store: the default when `REDIS_URL` is unset, and the store of the `chat` CLI
 * and of most tests. A real implementation of the `Store` port (checked by the same contract
 * suite as Redis); expiry follows the injected clock, never the wall clock.
 */
import type { Clock, Store } from '../../ports.js';
import { UserRecordSchema } from '../../schema/index.js';
import type { UserRecord } from '../../schema/index.js';
import { decodeState, encodeState } from '../codec.js';

export interface MemoryStoreOptions {
  clock: Clock;
}

interface Expiring {
  value: string;
  /** Epoch ms; Infinity for no expiry. */
  expiresAt: number;
}

export function createMemoryStore(options: MemoryStoreOptions): Store {
  const { clock } = options;
  const events = new Map<string, number>();
  const states = new Map<string, Expiring>();
  const users = new Map<string, UserRecord>();
  let claimsSinceSweep = 0;

  const now = () => clock.now().getTime();

  /** Drops expired claims now and then, so a long run does not grow without bound. */
  function sweep(at: number): void {
    if (++claimsSinceSweep < 1024) return;
    claimsSinceSweep = 0;
    for (const [id, expiresAt] of events) if (expiresAt <= at) events.delete(id);
    for (const [key, entry] of states) if (entry.expiresAt <= at) states.delete(key);
  }

  return {
    async claimEvent(eventId, ttlSeconds) {
      const at = now();
      sweep(at);
      const expiresAt = events.get(eventId);
      if (expiresAt !== undefined && expiresAt > at) return false;
      events.set(eventId, at + ttlSeconds * 1000);
      return true;
    },
    async loadState(key) {
      const entry = states.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        states.delete(key);
        return undefined;
      }
      return decodeState(entry.value);
    },
    async saveState(key, state, ttlSeconds) {
      states.set(key, { value: encodeState(state), expiresAt: now() + ttlSeconds * 1000 });
    },
    async deleteState(key) {
      states.delete(key);
    },
    async getUser(userId) {
      const user = users.get(userId);
      return user && { ...user };
    },
    async markFollowed(userId, at) {
      const prev = users.get(userId);
      users.set(
        userId,
        UserRecordSchema.parse({ ...prev, status: 'followed', followedAt: at.toISOString() }),
      );
    },
    async markBlocked(userId, at) {
      const prev = users.get(userId);
      users.set(
        userId,
        UserRecordSchema.parse({ ...prev, status: 'blocked', blockedAt: at.toISOString() }),
      );
    },
    async ping() {},
    async close() {},
  };
}
