// When reminders are due and what a registered resident must be told; which classes a weekly
// announcement carries, to whom. The server runs in UTC; every time here is an instant.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  announcementNotice,
  announcementWeek,
  canRegister,
  newClassGroups,
  nextReminderAction,
  parseWeeklyTime,
  reminderAt,
  slotOf,
  weeklyInstant,
} from '../../src/classes/index.js';
import { NoticeSchema, type ClassReminder } from '../../src/schema/index.js';
import { CITY, NOW, catalog } from './fixture.js';

beforeAll(() => {
  vi.stubEnv('TZ', 'UTC');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const cat = catalog();
const cls = (id: string) => cat.byId(id)!;
const at = (iso: string) => new Date(iso);

function reminder(id: string, over: Partial<ClassReminder> = {}): ClassReminder {
  return {
    classId: id,
    title: cls(id).title,
    registeredAt: NOW.toISOString(),
    slot: slotOf(cls(id)),
    version: 1,
    ...over,
  };
}

describe('reminder time', () => {
  it('is 10:00 JST the day before (01:00 UTC), across a month and a year', () => {
    expect(reminderAt(cls('sat-beginners')).toISOString()).toBe('2026-11-13T01:00:00.000Z');
    expect(reminderAt({ date: '2026-12-01' }).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(reminderAt({ date: '2027-01-01' }).toISOString()).toBe('2026-12-31T01:00:00.000Z');
  });

  it('registering: ok before the reminder time, refused after it, for cancelled or past', () => {
    const c = cls('sat-beginners');
    expect(canRegister(c, NOW)).toBe('ok');
    expect(canRegister(c, at('2026-11-13T00:59:00Z'))).toBe('ok');
    expect(canRegister(c, at('2026-11-13T01:00:00Z'))).toBe('too-late');
    expect(canRegister(c, at('2026-11-14T01:00:00Z'))).toBe('past');
    expect(canRegister(cls('wed-cancelled'), NOW)).toBe('cancelled');
    expect(canRegister(undefined, NOW)).toBe('not-found');
  });
});

describe('the next action for a reminder', () => {
  const r = reminder('sat-beginners');
  const c = cls('sat-beginners');

  it('nothing before the reminder time; the reminder from 10:00 JST the day before', () => {
    expect(nextReminderAction(r, c, at('2026-11-13T00:59:00Z'))).toBeUndefined();
    expect(nextReminderAction(r, c, at('2026-11-13T01:00:00Z'))).toMatchObject({
      type: 'remind',
      for: 'remind 2026-11-14 10:00-12:00 味岡市民センター',
    });
  });

  it('once sent (or failed), nothing more; while sending, due again (same key is reused)', () => {
    const t = at('2026-11-13T02:00:00Z');
    const delivery = {
      for: 'remind 2026-11-14 10:00-12:00 味岡市民センター',
      retryKey: '00000000-0000-4000-8000-000000000000',
      keyAt: t.toISOString(),
    };
    expect(
      nextReminderAction({ ...r, remind: { ...delivery, status: 'sent' } }, c, t),
    ).toBeUndefined();
    expect(
      nextReminderAction({ ...r, remind: { ...delivery, status: 'failed' } }, c, t),
    ).toBeUndefined();
    expect(
      nextReminderAction({ ...r, remind: { ...delivery, status: 'sending' } }, c, t),
    ).toMatchObject({ type: 'remind' });
  });

  it('a scheduler that was down sends late in the day, waits overnight, never after the start', () => {
    expect(nextReminderAction(r, c, at('2026-11-13T11:00:00Z'))).toMatchObject({ type: 'remind' }); // 20:00
    expect(nextReminderAction(r, c, at('2026-11-13T13:00:00Z'))).toBeUndefined(); // 22:00
    expect(nextReminderAction(r, c, at('2026-11-13T22:30:00Z'))).toBeUndefined(); // 07:30
    expect(nextReminderAction(r, c, at('2026-11-13T23:00:00Z'))).toMatchObject({ type: 'remind' }); // 08:00
    expect(nextReminderAction(r, c, at('2026-11-14T01:00:00Z'))).toBeUndefined(); // started
  });

  it('moved: a new date, time or venue is told, with the old slot', () => {
    const moved = { ...c, date: '2026-11-28' };
    expect(nextReminderAction(r, moved, NOW)).toMatchObject({
      type: 'moved',
      from: r.slot,
      for: 'moved 2026-11-28 10:00-12:00 味岡市民センター',
    });
    const room = { ...c, venue: { ...c.venue, name: '味岡児童館' } };
    expect(nextReminderAction(r, room, NOW)).toMatchObject({ type: 'moved' });
  });

  it('cancelled or gone from the schedule: a cancellation notice', () => {
    expect(nextReminderAction(r, { ...c, cancelled: true }, NOW)).toMatchObject({
      type: 'cancelled',
      for: 'cancelled 2026-11-14 10:00-12:00 味岡市民センター',
    });
    expect(nextReminderAction(r, undefined, NOW)).toMatchObject({ type: 'cancelled' });
  });

  it('notices wait for the daytime (08:00–21:00 JST)', () => {
    const night = at('2026-11-11T13:30:00Z'); // 22:30 JST
    expect(nextReminderAction(r, undefined, night)).toBeUndefined();
    expect(nextReminderAction(r, { ...c, date: '2026-11-28' }, night)).toBeUndefined();
  });

  it('over: dropped without a word', () => {
    expect(nextReminderAction(r, c, at('2026-11-14T03:00:00Z'))).toEqual({ type: 'drop' });
    expect(nextReminderAction(r, undefined, at('2026-11-14T03:00:00Z'))).toEqual({ type: 'drop' });
  });
});

describe('weekly announcements', () => {
  it('the week is the JST Monday, also across the year', () => {
    expect(announcementWeek(NOW)).toBe('2026-11-09');
    expect(announcementWeek(at('2026-12-31T15:30:00Z'))).toBe('2026-12-28');
    expect(announcementWeek(at('2027-01-03T15:00:00Z'))).toBe('2027-01-04');
  });

  it('new upcoming classes by area (city order), never past, cancelled or announced ones', () => {
    const groups = newClassGroups(cat, new Set(['jan-dropin']), CITY.areas, NOW);
    expect(groups.map((g) => ({ area: g.area, ids: g.classes.map((c) => c.id) }))).toEqual([
      { area: '中部', ids: ['now-dropin', 'tue-dropin', 'sat-kobetsu'] },
      { area: '東部', ids: ['dec-mynumber'] },
      { area: '味岡', ids: ['sat-beginners'] },
    ]);
  });

  it('no areas in the city (or a class without one): every subscriber', () => {
    const groups = newClassGroups(cat, new Set(), [], NOW);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.area).toBeUndefined();
    expect(groups[0]!.classes).toHaveLength(6);
  });

  it('nothing new: no group', () => {
    const all = new Set(cat.classes.map((c) => c.id));
    expect(newClassGroups(cat, all, CITY.areas, NOW)).toEqual([]);
  });

  it('the notice is a valid text notice to the digital topic in the area', () => {
    const [group] = newClassGroups(catalog(undefined, true), new Set(), CITY.areas, NOW);
    const notice = NoticeSchema.parse(announcementNotice(group!, catalog(undefined, true), NOW));
    expect(notice.target).toEqual({ topics: ['digital'], areas: ['中部'] });
    expect(notice.department).toBe('行政改革課');
    expect(notice.contact).toBe('行政改革課 0568-00-1111');
    const text = notice.message.type === 'text' ? notice.message.text : '';
    expect(text).toContain('新しいスマホ教室・相談会の予定です（中部）');
    expect(text).toContain('11月17日(火) 13:30〜15:30');
    expect(text).toContain('予約不要');
    expect(text).toContain('見本');
  });
});

describe('the weekly time', () => {
  it('reads "mon 10:00", 「金曜 18:30」 and off; refuses the rest', () => {
    expect(parseWeeklyTime('mon 10:00')).toEqual({ weekday: 1, time: '10:00' });
    expect(parseWeeklyTime('Fri 9:05')).toEqual({ weekday: 5, time: '09:05' });
    expect(parseWeeklyTime('金曜 18:30')).toEqual({ weekday: 5, time: '18:30' });
    expect(parseWeeklyTime('off')).toBeUndefined();
    expect(() => parseWeeklyTime('monday')).toThrow('mon 10:00');
    expect(() => parseWeeklyTime('mon 25:00')).toThrow();
  });

  it('falls in the JST week of its Monday (Sunday is the last day)', () => {
    expect(weeklyInstant('2026-11-09', { weekday: 1, time: '10:00' }).toISOString()).toBe(
      '2026-11-09T01:00:00.000Z',
    );
    expect(weeklyInstant('2026-12-28', { weekday: 0, time: '09:00' }).toISOString()).toBe(
      '2027-01-03T00:00:00.000Z',
    );
  });
});
