import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/index.js';
import type { Config } from '../../src/config/index.js';
import { createLogger } from '../../src/log/index.js';
import { createStores } from '../../src/wiring/index.js';
import { captureLogger } from '../setup/capture-logger.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../setup/redis-test.js';

const url = redisUrl();
const clock = { now: () => new Date('2026-04-15T00:00:00Z') };

function config(env: Record<string, string>): Config {
  const result = readConfig(env);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
}

describe('createStores', () => {
  it('keeps state in memory without REDIS_URL, and says so', async () => {
    const logger = Object.assign(createLogger({ level: 'silent' }), captureLogger());
    const stores = createStores({ config: config({}), logger, clock });
    expect(stores.redis).toBeUndefined();
    expect(logger.messages('warn')).toEqual([
      'REDIS_URL is not set: state and dedup keys live in memory (lost on restart)',
    ]);
    expect(await stores.store.claimEvent('E1', 60)).toBe(true);
    await stores.close();
  });

  it.skipIf(!url)('puts every store on one Redis connection and closes it once', async () => {
    const prefix = uniquePrefix('wiring');
    const logger = createLogger({ level: 'silent' });
    const stores = createStores({
      config: config({ REDIS_URL: url, REDIS_PREFIX: prefix }),
      logger,
      clock,
    });
    try {
      const client = stores.redis!.client;
      if (client.status !== 'ready') await new Promise((r) => client.once('ready', r));
      expect(await stores.store.claimEvent('E1', 60)).toBe(true);
      await stores.audience.markFollowed('U1', { topics: [], stopped: false });
      expect(await stores.reminders.classIds()).toEqual([]);
      expect(await stores.sessions.get('f'.repeat(64))).toBeUndefined();
      expect(await stores.audit.list({ limit: 1 })).toEqual([]);
      await stores.close();
      // Closing the one connection stops every store: none has a connection of its own.
      await expect(stores.store.ping()).rejects.toThrow();
      await expect(stores.audience.count({ all: true })).rejects.toThrow();
      await expect(stores.reminders.classIds()).rejects.toThrow();
      await expect(stores.sessions.get('f'.repeat(64))).rejects.toThrow();
    } finally {
      await deleteKeys(url, prefix);
    }
  });
});
