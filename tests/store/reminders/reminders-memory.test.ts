import { createMemoryReminderStore } from '../../../src/store/reminders/index.js';
import { reminderContract } from '../../contract/reminders.js';

reminderContract('memory', async () => ({
  store: createMemoryReminderStore(),
  cleanup: async () => {},
}));
