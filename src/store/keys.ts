/**
 * Every Redis key the bot uses, built in one place (BullMQ's queue-keys habit). A configurable
 * prefix lets several cities, test files or benchmarks share one Redis. Per-chat keys put the
 * id in a `{tag}` slot so that, on a Redis Cluster, all keys of one chat live in one hash slot.
 */
import { StoreError } from './store-error.js';

export interface StoreKeys {
  readonly prefix: string;
  /** Dedup claim of one webhook event (`SET NX EX`). */
  event(webhookEventId: string): string;
  /** Dialog state of one chat (user, group or room). */
  state(conversationKey: string): string;
  /** Hash: status, followedAt, blockedAt of one LINE user. */
  user(userId: string): string;
  /** List of feedback records, newest first. */
  feedback(): string;
  /** List of asked questions, newest first. */
  asked(): string;
  /** A SCAN pattern matching every key under the prefix (for cleanup in tests and tools). */
  all(): string;
}

const PREFIX = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Builds the key names under `prefix` (default `madoguchi:`). */
export function createKeys(prefix = 'madoguchi:'): StoreKeys {
  if (!PREFIX.test(prefix)) {
    throw new StoreError(
      'store/bad-prefix',
      `key prefix must be 1-64 characters of letters, digits, "_", ".", ":" or "-"; got ${JSON.stringify(prefix)}`,
    );
  }
  return {
    prefix,
    event: (id) => `${prefix}event:{${id}}`,
    state: (key) => `${prefix}state:{${key}}`,
    user: (userId) => `${prefix}user:{${userId}}`,
    feedback: () => `${prefix}feedback`,
    asked: () => `${prefix}asked`,
    all: () => `${prefix}*`,
  };
}
