// 「前日に通知」 end to end, with the server in UTC and a fixed clock: a resident registers through
// the front door, the due-reminder job pushes at 10:00 JST the day before through the real LINE
// sender (nock at api.line.me), never twice, also when the job runs again or stops midway; moves
// and cancellations are told; the resident lists and cancels.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runClassReminders } from '../../src/app/index.js';
import { checkMessages } from '../../src/messages/index.js';
import type { ReminderStore } from '../../src/ports.js';
import { createMemoryReminderStore } from '../../src/store/reminders/index.js';
import { CLASSES } from '../classes/fixture.js';
import {
  OTHER,
  RESIDENT,
  classWorld,
  ev,
  postbacksOf,
  textOf,
  type ClassWorld,
} from './reminders-fixture.js';

const at = (iso: string) => new Date(iso);
/** 2026-11-13 (Fri) 10:00 JST: the day before the Saturday class, at reminder time. */
const FRI_10 = at('2026-11-13T01:00:00Z');

beforeAll(() => {
  vi.stubEnv('TZ', 'UTC');
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  vi.unstubAllEnvs();
  nock.enableNetConnect();
});

let w: ClassWorld;
beforeEach(async () => {
  w = await classWorld();
});
afterEach(() => {
  nock.cleanAll();
});

const register = (userId: string, classId: string) =>
  w.send(ev.postback(userId, `a=rem&c=${classId}`));

describe('registering, listing and cancelling (through handleEvent)', () => {
  it('「前日に通知」 registers; the reply says when; a second tap says it is there', async () => {
    const r = await register(RESIDENT, 'sat-beginners');
    expect(textOf(r)).toContain('通知を登録しました');
    expect(textOf(r)).toContain('11月13日(金) 10時ごろ');
    expect(checkMessages(r)).toEqual([]);
    expect(await w.reminders.listForUser(RESIDENT)).toMatchObject([
      {
        classId: 'sat-beginners',
        title: 'スマホ教室（はじめての方）',
        slot: { date: '2026-11-14', start: '10:00', end: '12:00', venue: '味岡市民センター' },
      },
    ]);
    expect(textOf(await register(RESIDENT, 'sat-beginners'))).toContain('もう登録しています');
    expect(await w.reminders.listForUser(RESIDENT)).toHaveLength(1);
  });

  it('「通知の確認」 lists them soonest first; a tap cancels, 元に戻す registers again', async () => {
    await register(RESIDENT, 'dec-mynumber');
    await register(RESIDENT, 'sat-beginners');
    const list = await w.send(ev.text(RESIDENT, '通知の確認'));
    const seen = textOf(list);
    expect(seen).toContain('登録している通知');
    expect(seen.indexOf('11月14日(土)')).toBeLessThan(seen.indexOf('12月5日(土)'));
    expect(postbacksOf(list)).toEqual(
      expect.arrayContaining(['a=unrem&c=sat-beginners', 'a=unrem&c=dec-mynumber']),
    );
    const cancelled = await w.send(ev.postback(RESIDENT, 'a=unrem&c=sat-beginners'));
    expect(textOf(cancelled)).toContain('通知を取り消しました');
    expect(postbacksOf(cancelled)).toContain('a=rem&c=sat-beginners');
    expect((await w.reminders.listForUser(RESIDENT)).map((r) => r.classId)).toEqual([
      'dec-mynumber',
    ]);
    await w.send(ev.postback(RESIDENT, 'a=rem&c=sat-beginners'));
    expect(await w.reminders.listForUser(RESIDENT)).toHaveLength(2);
  });

  it('too late, cancelled or unknown classes are not registered, and say why', async () => {
    w.clock.set(at('2026-11-13T02:00:00Z'));
    expect(textOf(await register(RESIDENT, 'sat-beginners'))).toContain('通知は登録できません');
    expect(textOf(await register(RESIDENT, 'wed-cancelled'))).toContain('中止になりました');
    expect(textOf(await register(RESIDENT, 'no-such-class'))).toContain('見つかりませんでした');
    expect(await w.reminders.listForUser(RESIDENT)).toEqual([]);
  });

  it('a store that fails: an apology, never a false 「登録しました」', async () => {
    const broken: ReminderStore = {
      ...createMemoryReminderStore(),
      add: async () => {
        throw new Error('redis down');
      },
    };
    nock.cleanAll();
    w = await classWorld({ reminders: broken });
    const r = await register(RESIDENT, 'sat-beginners');
    expect(textOf(r)).not.toContain('登録しました');
    expect(textOf(r)).toContain('ごめんなさい');
  });
});

describe('the due-reminder job', () => {
  beforeEach(async () => {
    await register(RESIDENT, 'sat-beginners');
    await register(OTHER, 'sat-beginners');
    await register(RESIDENT, 'tue-dropin');
  });

  it('nothing before 10:00 JST the day before; then one push each, with a retry key', async () => {
    w.clock.set(at('2026-11-13T00:59:00Z'));
    expect((await runClassReminders(w.job)).reminded).toBe(0);
    expect(w.pushes).toEqual([]);
    w.clock.set(FRI_10);
    expect(await runClassReminders(w.job)).toMatchObject({ reminded: 2, failed: 0 });
    expect(w.pushes.map((p) => p.to).sort()).toEqual([RESIDENT, OTHER].sort());
    const push = w.pushes[0]!;
    expect(push.retryKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(textOf(push.messages)).toContain('あすはスマホ教室の日です');
    expect(textOf(push.messages)).toContain('11月14日(土) 10:00〜12:00');
    expect(textOf(push.messages)).toContain('味岡市民センター');
    expect(checkMessages(push.messages)).toEqual([]);
    expect(new Set(w.pushes.map((p) => p.retryKey)).size).toBe(2);
  });

  it('running the job twice (a restarted scheduler) sends nothing twice', async () => {
    w.clock.set(FRI_10);
    await runClassReminders(w.job);
    const second = await runClassReminders(w.job);
    w.clock.advance(3600);
    const third = await runClassReminders(w.job);
    expect(second.reminded + third.reminded).toBe(0);
    expect(w.pushes).toHaveLength(2);
  });

  it('a push cut off midway is sent again with the same key; LINE delivers it once', async () => {
    w.clock.set(FRI_10);
    w.answer = (call, i) =>
      i === 0
        ? 'network'
        : w.pushes.some((p) => p.status === 200 && p.retryKey === call.retryKey)
          ? 409
          : 200;
    const first = await runClassReminders(w.job);
    expect(first).toMatchObject({ reminded: 1, retrying: 1 });
    const cut = w.pushes[0]!;
    const stored = (await w.reminders.listForUser(cut.to)).find(
      (r) => r.classId === 'sat-beginners',
    );
    expect(stored?.remind).toMatchObject({ status: 'sending', retryKey: cut.retryKey });
    w.clock.advance(300);
    expect(await runClassReminders(w.job)).toMatchObject({ reminded: 1, retrying: 0 });
    expect(w.pushes[2]).toMatchObject({ to: cut.to, retryKey: cut.retryKey, status: 200 });
    expect(await runClassReminders(w.job)).toMatchObject({ reminded: 0 });
    expect(
      w
        .delivered()
        .map((p) => p.to)
        .sort(),
    ).toEqual([RESIDENT, OTHER].sort());
  });

  it('a run that died after LINE accepted the push: the rerun gets 409 and counts it delivered', async () => {
    w.clock.set(FRI_10);
    // The first run's pushes reach LINE, but their results are never stored (the process died).
    const { update } = w.reminders;
    let dying = true;
    w.reminders.update = async (userId, classId, version, next) =>
      dying && next?.remind?.status === 'sent'
        ? false
        : update.call(w.reminders, userId, classId, version, next);
    await runClassReminders(w.job);
    dying = false;
    w.clock.advance(300);
    expect(await runClassReminders(w.job)).toMatchObject({ reminded: 2 });
    expect(w.pushes.map((p) => p.status)).toEqual([200, 200, 409, 409]);
    expect(w.pushes[2]!.retryKey).toBe(w.pushes[0]!.retryKey);
    expect(w.delivered()).toHaveLength(2);
    expect(await runClassReminders(w.job)).toMatchObject({ reminded: 0 });
  });

  it('waits for the daytime; never after the class started; forgets classes that are over', async () => {
    w.clock.set(at('2026-11-13T13:00:00Z')); // 22:00 JST, a scheduler that was down until now
    expect((await runClassReminders(w.job)).reminded).toBe(0);
    w.clock.set(at('2026-11-13T23:00:00Z')); // 08:00 JST on the day
    expect((await runClassReminders(w.job)).reminded).toBe(2);
    w.clock.set(at('2026-11-18T00:00:00Z'));
    const later = await runClassReminders(w.job);
    expect(later.dropped).toBe(3);
    expect(await w.reminders.classIds()).toEqual([]);
  });
});

describe('changes after registration', () => {
  beforeEach(async () => {
    await register(RESIDENT, 'sat-beginners');
  });
  const moved = (over: Record<string, unknown>) =>
    CLASSES.map((c) => (c.id === 'sat-beginners' ? { ...c, ...over } : c));

  it('moved: a change notice (before → after), then the reminder for the new date', async () => {
    w.setSchedule(moved({ date: '2026-11-28', start: '13:30', end: '15:30' }));
    w.clock.advance(3600);
    expect(await runClassReminders(w.job)).toMatchObject({ moved: 1 });
    const notice = textOf(w.pushes[0]!.messages);
    expect(notice).toContain('【変更のお知らせ】');
    expect(notice).toContain('変更前: 11月14日(土) 10:00〜12:00');
    expect(notice).toContain('変更後: 11月28日(土) 13:30〜15:30');
    expect(checkMessages(w.pushes[0]!.messages)).toEqual([]);
    expect((await runClassReminders(w.job)).moved).toBe(0);
    w.clock.set(FRI_10);
    expect((await runClassReminders(w.job)).reminded).toBe(0);
    w.clock.set(at('2026-11-27T01:00:00Z'));
    expect((await runClassReminders(w.job)).reminded).toBe(1);
    expect(textOf(w.pushes[1]!.messages)).toContain('11月28日(土) 13:30〜15:30');
    expect(w.pushes).toHaveLength(2);
  });

  it('a new venue is a move too', async () => {
    w.setSchedule(moved({ venue: { name: '味岡児童館', area: '味岡' } }));
    expect(await runClassReminders(w.job)).toMatchObject({ moved: 1 });
    expect(textOf(w.pushes[0]!.messages)).toContain('味岡児童館');
  });

  it('cancelled: a notice, then the reminder is gone (no reminder the day before)', async () => {
    w.setSchedule(moved({ cancelled: true, notes: '講師の都合により中止します' }));
    expect(await runClassReminders(w.job)).toMatchObject({ cancelled: 1 });
    const notice = textOf(w.pushes[0]!.messages);
    expect(notice).toContain(
      '【中止のお知らせ】「スマホ教室（はじめての方）」（11月14日(土) 10:00〜12:00）は中止',
    );
    expect(notice).toContain('講師の都合');
    expect(notice).toContain('行政改革課');
    expect(await w.reminders.listForUser(RESIDENT)).toEqual([]);
    w.clock.set(FRI_10);
    await runClassReminders(w.job);
    expect(w.pushes).toHaveLength(1);
  });

  it('removed from the schedule: told with the title it was registered with', async () => {
    w.setSchedule(CLASSES.filter((c) => c.id !== 'sat-beginners'));
    expect(await runClassReminders(w.job)).toMatchObject({ cancelled: 1 });
    expect(textOf(w.pushes[0]!.messages)).toContain(
      '「スマホ教室（はじめての方）」（11月14日(土) 10:00〜12:00）は中止',
    );
  });

  it('the monthly quota is used up: the run stops, nothing is retried blindly', async () => {
    await register(OTHER, 'sat-beginners');
    w.answer = () => 429;
    w.clock.set(FRI_10);
    const r = await runClassReminders(w.job);
    expect(r.failed).toBeGreaterThanOrEqual(1);
    expect(r.reminded).toBe(0);
    expect(w.logger.messages('error')).toContain(
      'LINE monthly quota used up: class notices stopped',
    );
  });

  it('LINE refuses the push (400): given up, recorded, not retried every run', async () => {
    w.answer = () => 400;
    w.clock.set(FRI_10);
    expect(await runClassReminders(w.job)).toMatchObject({ failed: 1 });
    expect((await w.reminders.listForUser(RESIDENT))[0]?.remind).toMatchObject({
      status: 'failed',
    });
    await runClassReminders(w.job);
    expect(w.pushes).toHaveLength(1);
  });
});
