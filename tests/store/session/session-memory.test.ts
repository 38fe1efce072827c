import { createMemorySessionStore } from '../../../src/store/session/index.js';
import { manualClock } from '../../contract/manual-clock.js';
import { sessionStoreContract } from '../../contract/session-store.js';

sessionStoreContract('memory', async () => {
  const clock = manualClock();
  return {
    store: createMemorySessionStore({ clock }),
    clock,
    elapse: async (seconds) => clock.advance(seconds),
    cleanup: async () => {},
  };
});
