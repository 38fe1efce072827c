/**
 * Helpers for `*.redis.test.ts` files: the URL of the run's redis-server, a unique key prefix
 * per file, and cleanup of everything under that prefix.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

/** The run's Redis URL ('' when redis-server is missing outside CI: see tests/setup/redis.ts). */
export function redisUrl(): string {
  return inject('redisUrl');
}

/** A key prefix no other test file uses. */
export function uniquePrefix(label: string): string {
  return `test-${label}-${randomUUID().slice(0, 8)}:`;
}

/** Deletes every key under `prefix`. */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Simulates `seconds` passing for every key under `prefix` that has a TTL: Redis cannot move
 * its clock, so the remaining TTL is shortened (or the key dropped) instead of sleeping.
 */
export async function elapseKeys(url: string, prefix: string, seconds: number): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const pttl = await redis.pttl(key);
        if (pttl < 0) continue;
        const left = pttl - seconds * 1000;
        if (left <= 0) await redis.del(key);
        else await redis.pexpire(key, left);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
