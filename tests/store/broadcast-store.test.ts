import { createMemoryAuditLog, createMemoryBroadcastStore } from '../../src/store/index.js';
import { broadcastStoreContract } from '../contract/broadcast-store.js';

broadcastStoreContract('memory', async () => ({
  broadcasts: createMemoryBroadcastStore(),
  audit: createMemoryAuditLog(),
  cleanup: async () => {},
}));
