/**
 * The `Audience` in memory: local mode, the `chat` CLI and tests. Same behaviour as Redis
 * (checked by the same contract suite), including the order of recipients (by the index a
 * resident got when first seen), so batches are numbered the same way. Counting scans every
 * resident: fine for local mode, not meant for a million.
 */
import type { Audience, SnapshotBatch } from '../../ports.js';
import type { ResidentSettings } from '../../schema/index.js';
import { matchesTarget } from '../../segments/index.js';
import {
  checkBatching,
  checkedSettings,
  checkedSnapshotKey,
  checkUserId,
} from './audience-bits.js';
import { AudienceError } from './audience-error.js';

interface Resident {
  userId: string;
  settings: ResidentSettings;
  blocked: boolean;
}

export function createMemoryAudience(): Audience {
  /** In index order: a resident's position is their index. */
  const residents: Resident[] = [];
  const byId = new Map<string, Resident>();
  const snapshots = new Map<string, readonly string[]>();

  const copy = (s: ResidentSettings): ResidentSettings => ({ ...s, topics: [...s.topics] });

  function upsert(userId: string, settings: ResidentSettings): Resident {
    const existing = byId.get(userId);
    if (existing) {
      existing.settings = copy(settings);
      return existing;
    }
    const resident = { userId, settings: copy(settings), blocked: false };
    residents.push(resident);
    byId.set(userId, resident);
    return resident;
  }

  function matching(target: Parameters<Audience['count']>[0]): Resident[] {
    return residents.filter((r) => !r.blocked && matchesTarget(r.settings, target));
  }

  return {
    async getSettings(userId) {
      const r = byId.get(checkUserId(userId));
      return r && copy(r.settings);
    },
    async setSettings(userId, settings) {
      upsert(checkUserId(userId), checkedSettings(settings));
    },
    async markFollowed(userId, initial) {
      const r = byId.get(checkUserId(userId));
      if (r) r.blocked = false;
      else upsert(userId, checkedSettings(initial));
    },
    async markBlocked(userId) {
      const r = byId.get(checkUserId(userId));
      if (r) r.blocked = true;
    },
    async count(target) {
      return matching(target).length;
    },
    async snapshot(target, snapshotKey) {
      checkedSnapshotKey(snapshotKey);
      const existing = snapshots.get(snapshotKey);
      if (existing) return existing.length;
      const ids = matching(target).map((r) => r.userId);
      snapshots.set(snapshotKey, ids);
      return ids.length;
    },
    async *readSnapshot(snapshotKey, fromBatch, batchSize): AsyncGenerator<SnapshotBatch> {
      checkedSnapshotKey(snapshotKey);
      checkBatching(fromBatch, batchSize);
      const ids = snapshots.get(snapshotKey);
      if (!ids) throw new AudienceError('audience/no-snapshot', `no snapshot "${snapshotKey}"`);
      for (let batch = fromBatch; batch * batchSize < ids.length; batch++) {
        yield { batch, userIds: ids.slice(batch * batchSize, (batch + 1) * batchSize) };
      }
    },
    async dropSnapshot(snapshotKey) {
      snapshots.delete(checkedSnapshotKey(snapshotKey));
    },
    async stats() {
      let blocked = 0;
      let stopped = 0;
      for (const r of residents) {
        if (r.blocked) blocked++;
        else if (r.settings.stopped) stopped++;
      }
      return { friends: residents.length - blocked, blocked, stopped };
    },
  };
}
