import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisAudience } from '../../../src/store/audience/index.js';
import { audienceContract } from '../../contract/audience.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../../setup/redis-test.js';

const url = redisUrl();

describe.skipIf(!url)('redis audience', () => {
  audienceContract('redis', async () => {
    const prefix = uniquePrefix('audience');
    // Small chunks, so reading a snapshot crosses several GETRANGE calls even in a small test.
    const audience = createRedisAudience({ url, prefix, chunkBytes: 2 });
    await audience.ready();
    return {
      audience,
      cleanup: async () => {
        await audience.close();
        await deleteKeys(url, prefix);
      },
    };
  });

  describe('Redis specifics', () => {
    const prefix = uniquePrefix('audience-x');
    const audience = createRedisAudience({ url, prefix });
    const raw = new Redis(url);
    afterAll(async () => {
      await audience.close();
      await deleteKeys(url, prefix);
      raw.disconnect();
    });

    it('keeps every audience key under the prefix in one {aud} slot, and no scratch keys', async () => {
      await audience.ready();
      await audience.markFollowed('U1', { topics: ['bousai'], stopped: false });
      await audience.setSettings('U2', {
        topics: ['gomi'],
        area: '中部',
        age: '30s',
        stopped: false,
      });
      await audience.count({ topics: ['bousai', 'gomi'], areas: ['中部', '東部'], ages: ['30s'] });
      await audience.snapshot({ all: true }, 'bc:1');
      const keys = (await raw.keys(`${prefix}*`)).sort();
      expect(keys.every((k) => k.startsWith(`${prefix}aud:{aud}:`))).toBe(true);
      expect(keys.some((k) => k.includes('scratch'))).toBe(false);
      expect(keys).toContain(`${prefix}aud:{aud}:snap:bc:1`);
      expect(keys).toContain(`${prefix}aud:{aud}:d:a:中部`);
    });

    it('keeps a snapshot across a new connection (a restarted worker)', async () => {
      await audience.snapshot({ topics: ['gomi'] }, 'bc:restart');
      const again = createRedisAudience({ url, prefix });
      try {
        await again.ready();
        expect(await again.snapshot({ all: true }, 'bc:restart')).toBe(1);
        const batches = [];
        for await (const b of again.readSnapshot('bc:restart', 0, 500)) batches.push(b);
        expect(batches).toEqual([{ batch: 0, userIds: ['U2'] }]);
      } finally {
        await again.close();
      }
    });

    it('rejects stored settings that no longer match the schema', async () => {
      await raw.hset(`${prefix}aud:{aud}:settings`, 'U9', JSON.stringify({ topics: 'x' }));
      await expect(audience.getSettings('U9')).rejects.toMatchObject({ code: 'store/bad-state' });
    });
  });
});
