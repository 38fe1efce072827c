import { createMemoryAuditLog } from '../../../src/store/audit/index.js';
import { createMemoryBroadcastStore } from '../../../src/store/broadcasts/index.js';
import { broadcastStoreContract } from '../../contract/broadcast-store.js';

broadcastStoreContract('memory', async () => ({
  broadcasts: createMemoryBroadcastStore(),
  audit: createMemoryAuditLog(),
  cleanup: async () => {},
}));
