import { describe } from 'vitest';
import { createRedisAudience } from '../../src/store/audience/index.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../setup/redis-test.js';
import { settingsFlow } from './settings-flow.js';

const url = redisUrl();

describe.skipIf(!url)('通知設定 on Redis', () => {
  settingsFlow('redis', async () => {
    const prefix = uniquePrefix('settings');
    const audience = createRedisAudience({ url, prefix });
    await audience.ready();
    return {
      audience,
      cleanup: async () => {
        await audience.close();
        await deleteKeys(url, prefix);
      },
    };
  });
});
