import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../../src/store/state/index.js';
import { storeContract } from '../../contract/store.js';
import { deleteKeys, elapseKeys, redisUrl, uniquePrefix } from '../../setup/redis-test.js';

const url = redisUrl();

describe.skipIf(!url)('redis store', () => {
  storeContract('redis', async () => {
    const prefix = uniquePrefix('store');
    const store = createRedisStore({ url, prefix });
    await store.ready();
    return {
      store,
      elapse: (seconds) => elapseKeys(url, prefix, seconds),
      cleanup: async () => {
        await store.close();
        await deleteKeys(url, prefix);
      },
    };
  });

  describe('Redis specifics', () => {
    const prefix = uniquePrefix('store-x');
    const store = createRedisStore({ url, prefix });
    const raw = new Redis(url);
    afterAll(async () => {
      await store.close();
      await deleteKeys(url, prefix);
      raw.disconnect();
    });

    it('builds every key under its prefix, with the id in a {tag} slot', async () => {
      await store.ready();
      await store.claimEvent('01HZEVENT', 60);
      await store.saveState('user:U1', { v: 1, candidates: [] }, 60);
      await store.markFollowed('U1', new Date('2026-04-01T00:00:00Z'));
      const keys = (await raw.keys(`${prefix}*`)).sort();
      expect(keys).toEqual([
        `${prefix}event:{01HZEVENT}`,
        `${prefix}state:{user:U1}`,
        `${prefix}user:{U1}`,
      ]);
      expect(await raw.ttl(`${prefix}event:{01HZEVENT}`)).toBeGreaterThan(55);
    });

    it('rejects a stored state that no longer matches the schema (store/bad-state)', async () => {
      await raw.set(`${prefix}state:{user:U9}`, JSON.stringify({ v: 99 }));
      await expect(store.loadState('user:U9')).rejects.toMatchObject({ code: 'store/bad-state' });
      await raw.set(`${prefix}state:{user:U8}`, '{not json');
      await expect(store.loadState('user:U8')).rejects.toMatchObject({ code: 'store/bad-state' });
    });

    it('refuses a prefix that could collide with other keys', () => {
      expect(() => createRedisStore({ url, prefix: 'has space' })).toThrow(/prefix/);
    });
  });
});
