import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisReminderStore } from '../../../src/store/reminders/index.js';
import { reminder, reminderContract } from '../../contract/reminders.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../../setup/redis-test.js';

const url = redisUrl();

describe.skipIf(!url)('redis reminder store', () => {
  reminderContract('redis', async () => {
    const prefix = uniquePrefix('reminders');
    const store = createRedisReminderStore({ url, prefix });
    await store.ready();
    return {
      store,
      cleanup: async () => {
        await store.close();
        await deleteKeys(url, prefix);
      },
    };
  });

  describe('Redis specifics', () => {
    const prefix = uniquePrefix('reminders-x');
    const raw = new Redis(url);
    afterAll(async () => {
      await deleteKeys(url, prefix);
      raw.disconnect();
    });

    it('keeps every key in one {rem} slot, and reminders survive a new connection', async () => {
      const store = createRedisReminderStore({ url, prefix });
      await store.ready();
      await store.add('U1', reminder('a'), 8);
      await store.markAnnounced(['a']);
      await store.close();
      const keys = (await raw.keys(`${prefix}*`)).sort();
      expect(keys.every((k) => k.startsWith(`${prefix}rem:{rem}:`))).toBe(true);
      const again = createRedisReminderStore({ url, prefix });
      await again.ready();
      expect(await again.listForClass('a')).toEqual([{ userId: 'U1', reminder: reminder('a') }]);
      expect(await again.announcedIds()).toEqual(new Set(['a']));
      await again.close();
    });

    it('a stored value that no longer matches its schema is an error, not a guess', async () => {
      const store = createRedisReminderStore({ url, prefix });
      await store.ready();
      await raw.hset(`${prefix}rem:{rem}:u:U9`, 'x', '{"classId":"x"}');
      await expect(store.listForUser('U9')).rejects.toMatchObject({ code: 'store/bad-state' });
      await store.close();
    });
  });
});
