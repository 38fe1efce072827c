import { createMemoryStore } from '../../../src/store/state/index.js';
import { manualClock } from '../../contract/manual-clock.js';
import { storeContract } from '../../contract/store.js';

storeContract('memory', async ({ maxListLength }) => {
  const clock = manualClock();
  const store = createMemoryStore({ clock, maxListLength });
  return {
    store,
    elapse: async (seconds) => clock.advance(seconds),
    cleanup: () => store.close(),
  };
});
