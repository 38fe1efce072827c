import { describe } from 'vitest';
import { redisUrl } from '../setup/redis-test.js';
import { runOnWorlds } from './broadcast-fixture.js';
import { runBatchSuite } from './run-batch-suite.js';

const url = redisUrl();
describe.skipIf(!url)('on Redis', () => {
  runOnWorlds(runBatchSuite, 'runBatch and LINE (Redis)', url);
});
