import { createMemoryAudience } from '../../../src/store/audience/index.js';
import { audienceContract } from '../../contract/audience.js';

audienceContract('memory', async () => ({
  audience: createMemoryAudience(),
  cleanup: async () => {},
}));
