import { runOnWorlds } from './broadcast-fixture.js';
import { runBatchSuite } from './run-batch-suite.js';

runOnWorlds(runBatchSuite, 'runBatch and LINE (memory)');
