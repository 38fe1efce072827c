import { createMemoryStore } from '../../../src/store/state/index.js';
import { manualClock } from '../../contract/manual-clock.js';
import { storeContract } from '../../contract/store.js';

storeContract('memory', async () => {
  const clock = manualClock();
  const store = createMemoryStore({ clock });
  return {
    store,
    elapse: async (seconds) => clock.advance(seconds),
    cleanup: () => store.close(),
  };
});
