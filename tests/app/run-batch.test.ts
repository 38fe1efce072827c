import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
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

const worlds = worldMaker();
runBatchSuite('runBatch and LINE (memory)', worlds.make, () => {
  nock.cleanAll();
  return worlds.cleanup();
});
