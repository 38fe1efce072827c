import { describe } from 'vitest';
import { redisUrl } from '../setup/redis-test.js';
import { runOnWorlds } from './broadcast-fixture.js';
import { broadcastSuite } from './broadcast-suite.js';

const url = redisUrl();
describe.skipIf(!url)('on Redis', () => {
  runOnWorlds(broadcastSuite, 'broadcast life (Redis)', url);
});
