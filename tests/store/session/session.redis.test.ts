import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisSessionStore } from '../../../src/store/session/index.js';
import { manualClock } from '../../contract/manual-clock.js';
import { session, sessionStoreContract } from '../../contract/session-store.js';
import { deleteKeys, elapseKeys, redisUrl, uniquePrefix } from '../../setup/redis-test.js';

const url = redisUrl();

describe.skipIf(!url)('redis session store', () => {
  sessionStoreContract('redis', async () => {
    const prefix = uniquePrefix('sessions');
    const clock = manualClock();
    const store = createRedisSessionStore({ url, prefix, clock });
    await store.ready();
    return {
      store,
      clock,
      elapse: async (seconds) => {
        clock.advance(seconds);
        await elapseKeys(url, prefix, seconds);
      },
      cleanup: async () => {
        await store.close();
        await deleteKeys(url, prefix);
      },
    };
  });

  describe('Redis specifics', () => {
    const prefix = uniquePrefix('sessions-x');
    const raw = new Redis(url);
    afterAll(async () => {
      await deleteKeys(url, prefix);
      raw.disconnect();
    });

    it('keeps a session under its id in a {tag} slot, its TTL = min(idle, time left)', async () => {
      const clock = manualClock();
      const store = createRedisSessionStore({ url, prefix, clock });
      await store.ready();
      const id = 'd'.repeat(64);
      await store.create(id, session(clock, 8), 1800);
      const key = `${prefix}session:{${id}}`;
      expect(await raw.keys(`${prefix}*`)).toEqual([key]);
      expect(await raw.pttl(key)).toBeGreaterThan(1_799_000);
      expect(await raw.pttl(key)).toBeLessThanOrEqual(1_800_000);
      clock.advance(8 * 3600 - 600);
      expect(await store.touch(id, 1800)).toMatchObject({ name: 'sato' });
      expect(await raw.pttl(key)).toBeLessThanOrEqual(600_000);
      await store.close();
    });

    it('a stored session that no longer matches its schema is an error, not a guess', async () => {
      const store = createRedisSessionStore({ url, prefix });
      await store.ready();
      await raw.set(`${prefix}session:{${'e'.repeat(64)}}`, '{"name":"x"}', 'EX', 60);
      await expect(store.get('e'.repeat(64))).rejects.toMatchObject({ code: 'store/bad-state' });
      await store.close();
    });
  });
});
