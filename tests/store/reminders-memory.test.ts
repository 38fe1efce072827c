import { createMemoryReminderStore } from '../../src/store/index.js';
import { reminderContract } from '../contract/reminders.js';

reminderContract('memory', async () => ({
  store: createMemoryReminderStore(),
  cleanup: async () => {},
}));
