/** The audit log in memory (local mode, tests): append-only, ids increase like Redis stream ids. */
import type { AuditLog } from '../../ports.js';
import { AuditEntrySchema } from '../../schema/index.js';
import type { AuditEntry } from '../../schema/index.js';

export function createMemoryAuditLog(): AuditLog {
  const entries: AuditEntry[] = [];
  return {
    async append(input) {
      const entry = AuditEntrySchema.parse({ ...input, id: String(entries.length + 1) });
      entries.push(entry);
      return { ...entry };
    },
    async list({ limit, before }) {
      const end =
        before === undefined ? entries.length : Math.min(entries.length, Number(before) - 1);
      if (!Number.isFinite(end) || end <= 0) return [];
      return entries
        .slice(Math.max(0, end - Math.max(0, limit)), end)
        .reverse()
        .map((e) => ({ ...e }));
    },
  };
}
