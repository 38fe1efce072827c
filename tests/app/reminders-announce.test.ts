// The weekly announcement of new classes, through the real broadcast engine (memory stores, the
// in-process queue, the real LINE sender with nock at api.line.me): residents subscribed to the
// digital topic get the new classes of their area, once, whatever reruns happen.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  announceNewClasses,
  createBotContent,
  createBroadcastService,
  type AnnounceDeps,
  type BotContent,
  type BroadcastDeps,
} from '../../src/app/index.js';
import { loadTokenizer } from '../../src/content/index.js';
import { createLineSender } from '../../src/line/index.js';
import { createInlineDelivery, type InlineDelivery } from '../../src/queue/index.js';
import { ClassScheduleSchema, type ClassItemInput } from '../../src/schema/index.js';
import { createMemoryAudience } from '../../src/store/audience/index.js';
import { createMemoryAuditLog } from '../../src/store/audit/index.js';
import { createMemoryBroadcastStore } from '../../src/store/broadcasts/index.js';
import { createMemoryReminderStore } from '../../src/store/reminders/index.js';
import { CITY, CLASSES, NOW } from '../classes/fixture.js';
import { manualClock, type ManualClock } from '../contract/manual-clock.js';
import { captureLogger } from '../setup/capture-logger.js';
import { fakeLine, type FakeLine } from './broadcast-fixture.js';
import { ENTRIES } from './fixture.js';

const u = (n: number) => 'U' + n.toString(16).padStart(32, '0');
/** Monday 2026-11-16 10:00 JST. */
const MON = new Date('2026-11-16T01:00:00Z');

const NEW: ClassItemInput[] = [
  {
    id: 'new-chubu',
    title: 'スマホ教室（LINE）',
    kind: 'classroom',
    date: '2026-11-28',
    start: '10:00',
    end: '12:00',
    venue: { name: '中央図書館', area: '中部' },
    join: { how: 'phone', phone: '0568-00-1111' },
  },
  {
    id: 'new-tobu',
    title: 'スマホ個別相談会',
    kind: 'consultation',
    date: '2026-12-02',
    start: '13:00',
    end: '15:00',
    venue: { name: '東部市民センター', area: '東部' },
    join: { how: 'phone', phone: '0568-00-1111' },
  },
  {
    id: 'new-everyone',
    title: '出張スマホ相談（市民まつり）',
    kind: 'outreach',
    date: '2026-11-29',
    start: '10:00',
    end: '15:00',
    venue: { name: '市民まつり会場' },
    join: { how: 'none' },
  },
];

beforeAll(() => {
  vi.stubEnv('TZ', 'UTC');
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  vi.unstubAllEnvs();
  nock.enableNetConnect();
});

const tokenize = loadTokenizer();

let clock: ManualClock;
let line: FakeLine;
let queue: InlineDelivery;
let deps: AnnounceDeps;
let bdeps: BroadcastDeps;
let content: BotContent;

async function setSchedule(classes: ClassItemInput[]) {
  content = createBotContent({
    city: CITY,
    entries: ENTRIES,
    tokenize: await tokenize,
    classes: ClassScheduleSchema.parse({ classes }),
  });
}

beforeEach(async () => {
  clock = manualClock(NOW);
  const logger = captureLogger();
  const audience = createMemoryAudience();
  queue = createInlineDelivery({ clock, logger, auto: false, delay: async () => {} });
  let n = 0;
  bdeps = {
    broadcasts: createMemoryBroadcastStore(),
    audit: createMemoryAuditLog(),
    audience,
    sender: createLineSender({ channelAccessToken: 't', logger, delay: async () => {} }),
    queue,
    clock,
    logger,
    city: () => CITY,
    // Different leading bytes: broadcast ids are made from them.
    uuid: () => `${(++n * 0x1f3b5d).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
  };
  queue.bind(bdeps);
  line = fakeLine();
  await setSchedule(CLASSES);
  deps = {
    reminders: createMemoryReminderStore(),
    broadcasts: createBroadcastService(bdeps),
    audience,
    clock,
    logger,
    content: () => content,
  };
  // 1, 2: digital in 中部; 3: digital in 東部; 4: digital, no area; 5: 中部 without digital.
  await audience.markFollowed(u(1), { topics: ['digital'], area: '中部', stopped: false });
  await audience.markFollowed(u(2), {
    topics: ['bousai', 'digital'],
    area: '中部',
    stopped: false,
  });
  await audience.markFollowed(u(3), { topics: ['digital'], area: '東部', stopped: false });
  await audience.markFollowed(u(4), { topics: ['digital'], stopped: false });
  await audience.markFollowed(u(5), { topics: ['bousai'], area: '中部', stopped: false });
});
afterEach(() => {
  queue.close();
  nock.cleanAll();
});

const received = (userId: string) =>
  line.accepted
    .filter((c) => c.to.includes(userId))
    .map((c) => c.messages.map((m) => m.text ?? '').join('\n'));

describe('weekly announcements of new classes', () => {
  it('the first run notes the listed classes as a baseline and sends nothing', async () => {
    expect(await announceNewClasses(deps)).toEqual({ status: 'baseline', classes: 6 });
    expect(await announceNewClasses(deps)).toEqual({ status: 'done-already' });
    await queue.runDue();
    expect(line.calls).toEqual([]);
  });

  it('the next week: each area its new classes, classes without an area to every subscriber', async () => {
    await announceNewClasses(deps);
    await setSchedule([...CLASSES, ...NEW]);
    clock.set(new Date('2026-11-16T00:59:00Z'));
    expect(await announceNewClasses(deps)).toEqual({ status: 'not-due' });
    clock.set(MON);
    const r = await announceNewClasses(deps);
    expect(r).toMatchObject({
      status: 'announced',
      week: '2026-11-16',
      groups: [
        { area: '中部', classIds: ['new-chubu'], published: true, recipients: 2 },
        { area: '東部', classIds: ['new-tobu'], published: true, recipients: 1 },
        { classIds: ['new-everyone'], published: true, recipients: 4 },
      ],
    });
    await queue.runDue();
    expect(received(u(1))).toHaveLength(2);
    expect(received(u(1)).join()).toContain('11月28日(土) 10:00〜12:00');
    expect(received(u(1)).join()).not.toContain('個別相談会');
    expect(received(u(3)).join()).toContain('スマホ個別相談会');
    expect(received(u(4))).toHaveLength(1);
    expect(received(u(4)).join()).toContain('市民まつり');
    expect(received(u(5))).toEqual([]);
    expect(received(u(1)).join()).toContain('新しいスマホ教室・相談会の予定です（中部）');
    // The audit log says who sent them.
    const audit = await bdeps.audit.list({ limit: 50 });
    expect(audit.filter((a) => a.action === 'broadcast.confirm').map((a) => a.actor)).toEqual([
      'classes-weekly',
      'classes-weekly',
      'classes-weekly',
    ]);
  });

  it('a rerun in the same week, or the week after with nothing new, sends nothing more', async () => {
    await announceNewClasses(deps);
    await setSchedule([...CLASSES, ...NEW]);
    clock.set(MON);
    await announceNewClasses(deps);
    await queue.runDue();
    const sent = line.accepted.length;
    clock.advance(300);
    expect(await announceNewClasses(deps)).toEqual({ status: 'done-already' });
    clock.set(new Date('2026-11-23T01:00:00Z'));
    expect(await announceNewClasses(deps)).toMatchObject({ status: 'announced', groups: [] });
    await queue.runDue();
    expect(line.accepted).toHaveLength(sent);
    expect((await bdeps.broadcasts.list({ limit: 50 })).length).toBe(3);
  });

  it('a run that stopped after creating a broadcast: the rerun confirms that one, no second one', async () => {
    await announceNewClasses(deps);
    await setSchedule([...CLASSES, NEW[0]!]);
    clock.set(MON);
    const confirm = deps.broadcasts.confirm;
    deps.broadcasts = {
      ...deps.broadcasts,
      confirm: async () => Promise.reject(new Error('killed')),
    };
    await expect(announceNewClasses(deps)).rejects.toThrow('killed');
    const drafts = await bdeps.broadcasts.list({ limit: 50 });
    expect(drafts.map((b) => b.state)).toEqual(['draft']);
    deps.broadcasts = { ...deps.broadcasts, confirm };
    expect(await announceNewClasses(deps)).toMatchObject({ status: 'announced' });
    const after = await bdeps.broadcasts.list({ limit: 50 });
    expect(after.map((b) => [b.id, b.state])).toEqual([[drafts[0]!.id, 'scheduled']]);
    await queue.runDue();
    expect(line.accepted.flatMap((c) => c.to).sort()).toEqual([u(1), u(2)]);
  });

  it('nobody subscribed in the area: no broadcast at all', async () => {
    await announceNewClasses(deps);
    await setSchedule([
      ...CLASSES,
      { ...NEW[0]!, id: 'new-ajioka', venue: { name: '味岡市民センター', area: '味岡' } },
    ]);
    clock.set(MON);
    expect(await announceNewClasses(deps)).toMatchObject({
      groups: [{ area: '味岡', published: true, recipients: 0 }],
    });
    expect(await bdeps.broadcasts.list({ limit: 50 })).toEqual([]);
  });
});
