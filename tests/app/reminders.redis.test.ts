// The reminder job on Redis across a restart: a scheduler process stops after storing the retry
// key (its push cut off); a new process with a new connection finds the key and resends with
// it; LINE gets each reminder once. Nothing is sent twice however often the job runs.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runClassReminders } from '../../src/app/index.js';
import { createRedisReminderStore } from '../../src/store/reminders/index.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../setup/redis-test.js';
import { OTHER, RESIDENT, classWorld, ev } from './reminders-fixture.js';

const url = redisUrl();
const prefix = uniquePrefix('class-reminders');

beforeAll(() => {
  vi.stubEnv('TZ', 'UTC');
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  nock.enableNetConnect();
  if (url) await deleteKeys(url, prefix);
});
afterEach(() => {
  nock.cleanAll();
});

describe.skipIf(!url)('reminders on Redis', () => {
  it('a restarted scheduler resends an interrupted push with its stored key, once', async () => {
    const first = createRedisReminderStore({ url, prefix });
    await first.ready();
    const w = await classWorld({ reminders: first });
    await w.send(ev.postback(RESIDENT, 'a=rem&c=sat-beginners'));
    await w.send(ev.postback(OTHER, 'a=rem&c=sat-beginners'));
    w.clock.set(new Date('2026-11-13T01:00:00Z'));
    // The first process: one push is cut off (no answer); then the process is gone.
    w.answer = (_call, i) => (i === 0 ? 'network' : 200);
    expect(await runClassReminders(w.job)).toMatchObject({ reminded: 1, retrying: 1 });
    await first.close();

    // A new process: a new connection to the same Redis.
    const second = createRedisReminderStore({ url, prefix });
    await second.ready();
    w.job.reminders = second;
    w.answer = (call) =>
      w.pushes.some((p) => p.status === 200 && p.retryKey === call.retryKey) ? 409 : 200;
    w.clock.advance(300);
    expect(await runClassReminders(w.job)).toMatchObject({ reminded: 1, retrying: 0 });
    expect(await runClassReminders(w.job)).toMatchObject({ reminded: 0 });
    expect(w.pushes[2]!.retryKey).toBe(w.pushes[0]!.retryKey);
    expect(
      w
        .delivered()
        .map((p) => p.to)
        .sort(),
    ).toEqual([RESIDENT, OTHER].sort());
    const stored = await second.listForClass('sat-beginners');
    expect(stored.map((s) => s.reminder.remind?.status)).toEqual(['sent', 'sent']);
    await second.close();
  });
});
