import { createMemoryQuestionLog } from '../../../src/store/question-log/index.js';
import { manualClock } from '../../contract/manual-clock.js';
import { questionLogContract } from '../../contract/question-log.js';

questionLogContract('memory', async ({ retentionMonths, start }) => {
  const clock = manualClock(start);
  return {
    log: createMemoryQuestionLog({ clock, ...(retentionMonths ? { retentionMonths } : {}) }),
    clock,
    cleanup: async () => {},
  };
});
