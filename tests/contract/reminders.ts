/**
 * The contract of the `ReminderStore` port: run on the memory store and on Redis
 * (`tests/store/reminders/reminders*.test.ts`), so both behave the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReminderStore } from '../../src/ports.js';
import type { ClassAnnouncement, ClassReminder } from '../../src/schema/index.js';

export interface ReminderFixture {
  store: ReminderStore;
  cleanup(): Promise<void>;
}

const U1 = 'U11111111111111111111111111111111';
const U2 = 'U22222222222222222222222222222222';

export function reminder(classId: string, over: Partial<ClassReminder> = {}): ClassReminder {
  return {
    classId,
    title: 'スマホ教室',
    registeredAt: '2026-11-11T01:00:00.000Z',
    slot: { date: '2026-11-14', start: '10:00', end: '12:00', venue: '味岡市民センター' },
    version: 1,
    ...over,
  };
}

export function reminderContract(name: string, make: () => Promise<ReminderFixture>): void {
  describe(`ReminderStore contract (${name})`, () => {
    let f: ReminderFixture;
    beforeEach(async () => {
      f = await make();
    });
    afterEach(async () => {
      await f.cleanup();
    });

    it('adds once per resident and class, and reads back what was stored', async () => {
      expect(await f.store.add(U1, reminder('a'), 8)).toBe('added');
      expect(await f.store.add(U1, reminder('a', { title: 'ほか' }), 8)).toBe('exists');
      expect(await f.store.add(U2, reminder('a'), 8)).toBe('added');
      expect(await f.store.listForUser(U1)).toEqual([reminder('a')]);
      expect(await f.store.listForUser('U00000000000000000000000000000000')).toEqual([]);
    });

    it('refuses more than the maximum per resident', async () => {
      for (const id of ['a', 'b', 'c'])
        expect(await f.store.add(U1, reminder(id), 3)).toBe('added');
      expect(await f.store.add(U1, reminder('d'), 3)).toBe('full');
      expect(await f.store.add(U2, reminder('d'), 3)).toBe('added');
    });

    it('lists classes with reminders and the residents of a class', async () => {
      await f.store.add(U2, reminder('b'), 8);
      await f.store.add(U1, reminder('b'), 8);
      await f.store.add(U1, reminder('a'), 8);
      expect(await f.store.classIds()).toEqual(['a', 'b']);
      expect(await f.store.listForClass('b')).toEqual([
        { userId: U1, reminder: reminder('b') },
        { userId: U2, reminder: reminder('b') },
      ]);
      expect(await f.store.listForClass('zzz')).toEqual([]);
    });

    it('removes: the class leaves the list with its last reminder', async () => {
      await f.store.add(U1, reminder('a'), 8);
      await f.store.add(U2, reminder('a'), 8);
      expect(await f.store.remove(U1, 'a')).toBe(true);
      expect(await f.store.remove(U1, 'a')).toBe(false);
      expect(await f.store.classIds()).toEqual(['a']);
      expect(await f.store.remove(U2, 'a')).toBe(true);
      expect(await f.store.classIds()).toEqual([]);
      expect(await f.store.listForUser(U2)).toEqual([]);
    });

    it('update is compare-and-set on the version; null deletes', async () => {
      await f.store.add(U1, reminder('a'), 8);
      const sending = reminder('a', {
        version: 2,
        remind: {
          status: 'sending',
          for: 'remind 2026-11-14 10:00-12:00 味岡市民センター',
          retryKey: '0f8fad5b-d9cb-469f-a165-70867728950e',
          keyAt: '2026-11-13T01:00:00.000Z',
        },
      });
      expect(await f.store.update(U1, 'a', 1, sending)).toBe(true);
      expect(await f.store.update(U1, 'a', 1, reminder('a', { version: 2 }))).toBe(false);
      expect(await f.store.listForUser(U1)).toEqual([sending]);
      expect(await f.store.update(U1, 'a', 2, null)).toBe(true);
      expect(await f.store.classIds()).toEqual([]);
      expect(await f.store.update(U1, 'a', 2, null)).toBe(false);
      expect(await f.store.update(U2, 'nope', 1, reminder('nope'))).toBe(false);
    });

    it('rejects a malformed reminder instead of storing it', async () => {
      const bad = { ...reminder('a'), slot: { date: 'soon' } } as unknown as ClassReminder;
      await expect(f.store.add(U1, bad, 8)).rejects.toThrow();
      expect(await f.store.listForUser(U1)).toEqual([]);
    });

    it('announced classes: undefined before the first run, then a growing set', async () => {
      expect(await f.store.announcedIds()).toBeUndefined();
      await f.store.markAnnounced([]);
      expect(await f.store.announcedIds()).toEqual(new Set());
      await f.store.markAnnounced(['a', 'b']);
      await f.store.markAnnounced(['b', 'c']);
      expect(await f.store.announcedIds()).toEqual(new Set(['a', 'b', 'c']));
    });

    it('announcement records: compare-and-set by version', async () => {
      const a: ClassAnnouncement = {
        week: '2026-11-09',
        version: 1,
        status: 'publishing',
        groups: [{ area: '中部', classIds: ['a'], published: false }],
        createdAt: '2026-11-09T01:00:00.000Z',
      };
      expect(await f.store.getAnnouncement('2026-11-09')).toBeUndefined();
      expect(await f.store.putAnnouncement(a)).toBe(true);
      expect(await f.store.putAnnouncement(a)).toBe(false);
      const done = { ...a, version: 2, status: 'done' as const };
      expect(await f.store.putAnnouncement(done)).toBe(true);
      expect(await f.store.getAnnouncement('2026-11-09')).toEqual(done);
      expect(await f.store.getAnnouncement('2026-11-16')).toBeUndefined();
    });
  });
}
