import { createMemoryAudience } from '../../src/store/index.js';
import { audienceContract } from '../contract/audience.js';

audienceContract('memory', async () => ({
  audience: createMemoryAudience(),
  cleanup: async () => {},
}));
