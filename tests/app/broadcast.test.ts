import { runOnWorlds } from './broadcast-fixture.js';
import { broadcastSuite } from './broadcast-suite.js';

runOnWorlds(broadcastSuite, 'broadcast life (memory)');
