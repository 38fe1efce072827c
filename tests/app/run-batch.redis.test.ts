import nock from 'nock';
import { afterAll, beforeAll, describe } from 'vitest';
import { redisUrl } from '../setup/redis-test.js';
import { worldMaker } from './broadcast-fixture.js';
import { runBatchSuite } from './run-batch-suite.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const url = redisUrl();
const worlds = worldMaker(url);
describe.skipIf(!url)('on Redis', () => {
  runBatchSuite('runBatch and LINE (Redis)', worlds.make, () => {
    nock.cleanAll();
    return worlds.cleanup();
  });
});
