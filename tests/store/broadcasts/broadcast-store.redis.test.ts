import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisAuditLog } from '../../../src/store/audit/index.js';
import { createRedisBroadcastStore } from '../../../src/store/broadcasts/index.js';
import { broadcastStoreContract, record } from '../../contract/broadcast-store.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../../setup/redis-test.js';

const url = redisUrl();

describe.skipIf(!url)('redis broadcast store', () => {
  broadcastStoreContract('redis', async () => {
    const prefix = uniquePrefix('bc');
    const broadcasts = createRedisBroadcastStore({ url, prefix });
    const audit = createRedisAuditLog({ url, prefix });
    await Promise.all([broadcasts.ready(), audit.ready()]);
    return {
      broadcasts,
      audit,
      cleanup: async () => {
        await broadcasts.close();
        await audit.close();
        await deleteKeys(url, prefix);
      },
    };
  });

  describe('Redis specifics', () => {
    const prefix = uniquePrefix('bc-x');
    const store = createRedisBroadcastStore({ url, prefix });
    const raw = new Redis(url);
    afterAll(async () => {
      await store.close();
      await deleteKeys(url, prefix);
      raw.disconnect();
    });

    it('keeps every broadcast key in the {bc} slot', async () => {
      await store.ready();
      await store.create(record('20260401-slot01'));
      await store.claimBatch(
        '20260401-slot01',
        0,
        '00000000-0000-4000-8000-000000000001',
        '2026-04-01T00:00:00.000Z',
      );
      const keys = await raw.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const k of keys) expect(k).toContain('bc:{bc}:');
    });

    it('rejects a stored record that no longer matches the schema (store/bad-state)', async () => {
      await raw.set(`${prefix}bc:{bc}:rec:20260401-broken`, JSON.stringify({ id: 'x' }));
      await expect(store.get('20260401-broken')).rejects.toMatchObject({ code: 'store/bad-state' });
    });
  });
});
