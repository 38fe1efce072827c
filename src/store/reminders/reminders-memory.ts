/**
 * The `ReminderStore` in memory: local mode, the `chat` CLI and tests. Same behaviour as Redis
 * (one contract suite). Records are validated on write and copied on read, like a real store.
 */
import type { ReminderStore } from '../../ports.js';
import {
  ClassAnnouncementSchema,
  ClassReminderSchema,
  type ClassAnnouncement,
  type ClassReminder,
} from '../../schema/index.js';

export function createMemoryReminderStore(): ReminderStore {
  /** userId → classId → reminder JSON. */
  const byUser = new Map<string, Map<string, string>>();
  let announced: Set<string> | undefined;
  const weeks = new Map<string, string>();

  const read = (json: string): ClassReminder => ClassReminderSchema.parse(JSON.parse(json));
  const write = (r: ClassReminder): string => JSON.stringify(ClassReminderSchema.parse(r));

  return {
    async listForUser(userId) {
      return [...(byUser.get(userId)?.values() ?? [])].map(read);
    },
    async add(userId, reminder, max) {
      const mine = byUser.get(userId) ?? new Map<string, string>();
      if (mine.has(reminder.classId)) return 'exists';
      if (mine.size >= max) return 'full';
      mine.set(reminder.classId, write(reminder));
      byUser.set(userId, mine);
      return 'added';
    },
    async remove(userId, classId) {
      const mine = byUser.get(userId);
      const had = mine?.delete(classId) ?? false;
      if (mine && mine.size === 0) byUser.delete(userId);
      return had;
    },
    async classIds() {
      const ids = new Set<string>();
      for (const mine of byUser.values()) for (const id of mine.keys()) ids.add(id);
      return [...ids].sort();
    },
    async listForClass(classId) {
      const out: Array<{ userId: string; reminder: ClassReminder }> = [];
      for (const [userId, mine] of byUser) {
        const json = mine.get(classId);
        if (json) out.push({ userId, reminder: read(json) });
      }
      return out.sort((a, b) => a.userId.localeCompare(b.userId));
    },
    async update(userId, classId, version, next) {
      const mine = byUser.get(userId);
      const json = mine?.get(classId);
      if (!mine || !json || read(json).version !== version) return false;
      if (next === null) {
        mine.delete(classId);
        if (mine.size === 0) byUser.delete(userId);
      } else mine.set(classId, write(next));
      return true;
    },
    async announcedIds() {
      return announced && new Set(announced);
    },
    async markAnnounced(classIds) {
      announced ??= new Set();
      for (const id of classIds) announced.add(id);
    },
    async getAnnouncement(week) {
      const json = weeks.get(week);
      return json === undefined ? undefined : ClassAnnouncementSchema.parse(JSON.parse(json));
    },
    async putAnnouncement(a: ClassAnnouncement) {
      const json = weeks.get(a.week);
      const stored =
        json === undefined ? 0 : ClassAnnouncementSchema.parse(JSON.parse(json)).version;
      if (stored !== a.version - 1) return false;
      weeks.set(a.week, JSON.stringify(ClassAnnouncementSchema.parse(a)));
      return true;
    },
  };
}
