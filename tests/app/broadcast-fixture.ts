/**
 * A whole broadcast world for app and HTTP tests: a small city, residents in the memory
 * audience, memory stores, the in-process queue under a manual clock, and the real LINE sender
 * against `api.line.me` faked by nock (the only thing faked), recording every multicast.
 */
import nock from 'nock';
import { createBroadcastService } from '../../src/app/index.js';
import type { BroadcastDeps, BroadcastOptions, BroadcastService } from '../../src/app/index.js';
import { createLineSender } from '../../src/line/index.js';
import type { Audience, AuditLog, BroadcastStore, Sender } from '../../src/ports.js';
import { createInlineDelivery } from '../../src/queue/index.js';
import type { InlineDelivery } from '../../src/queue/index.js';
import type { CityConfig, ResidentSettings } from '../../src/schema/index.js';
import { parseSendAt } from '../../src/schema/index.js';
import { closeRedisConnection, createRedisConnection } from '../../src/store/index.js';
import { createMemoryAudience, createRedisAudience } from '../../src/store/audience/index.js';
import { createMemoryAuditLog, createRedisAuditLog } from '../../src/store/audit/index.js';
import {
  createMemoryBroadcastStore,
  createRedisBroadcastStore,
} from '../../src/store/broadcasts/index.js';
import { manualClock } from '../contract/manual-clock.js';
import type { ManualClock } from '../contract/manual-clock.js';
import { captureLogger } from '../setup/capture-logger.js';
import { offlineExceptLocalhost } from '../setup/offline.js';
import { deleteKeys, uniquePrefix } from '../setup/redis-test.js';
import type { CaptureLogger } from '../setup/capture-logger.js';

export const CITY: CityConfig = {
  id: 'testcity',
  name: 'テスト市',
  prefecture: '愛知県',
  contact: { name: 'テスト市役所', phone: '0568-00-0000' },
  departments: [],
  areas: ['中部', '北部', '南部'],
  topics: [
    { id: 'bousai', label: '防災・緊急' },
    { id: 'kosodate', label: '子育て' },
    { id: 'event', label: 'イベント・講座' },
  ],
  source: [],
};

export const TEST_USERS = ['U' + 'f'.repeat(31) + '1', 'U' + 'f'.repeat(31) + '2'];
export const userId = (n: number) => 'U' + n.toString(16).padStart(32, '0');
export const jst = (s: string) => parseSendAt(s)!;
export const ADMIN = { name: 'sato', role: 'broadcaster' as const };

/** A draft body as the admin API receives it. */
export const noticeBody = (over: Record<string, unknown> = {}) => ({
  title: '中部地区の断水',
  message: { type: 'text', text: '4月2日 9時から12時まで断水します。' },
  department: '上下水道部',
  contact: '水道課 0568-76-1111',
  target: { areas: ['中部'] },
  ...over,
});

/** One multicast LINE received (or refused). */
export interface LineCall {
  retryKey: string;
  to: string[];
  messages: Array<{ type: string; text?: string }>;
}

/** What the fake LINE answers to call number `i`: [status, body, headers] or 'network'. */
export type LineAnswer = [number, object?, Record<string, string>?] | 'network';

export interface World {
  service: BroadcastService;
  deps: BroadcastDeps;
  audience: Audience;
  broadcasts: BroadcastStore;
  audit: AuditLog;
  queue: InlineDelivery;
  clock: ManualClock;
  logger: CaptureLogger;
  /** Every multicast LINE saw, in order; `accepted` only those answered 200. */
  calls: LineCall[];
  accepted: LineCall[];
  /** Decides LINE's answer; default 200 (409 for a key already accepted). */
  answer: (call: LineCall, i: number) => LineAnswer;
  /** Residents 1…n: settings by resident number. */
  addResidents(n: number, settings: (i: number) => ResidentSettings): Promise<void>;
  /** Closes the Redis connection of a Redis world. */
  close(): Promise<void>;
}

export async function makeWorld(
  options: BroadcastOptions = {},
  start = '2026-04-01 10:00',
  /** Another sender than the LINE sender (against nock). */
  senderOverride?: Sender,
  /** Keep audience, broadcasts and audit log in this Redis (under `prefix`) instead of memory. */
  redis?: { url: string; prefix: string },
): Promise<World> {
  const clock = manualClock(jst(start));
  const logger = captureLogger();
  let close = async () => {};
  let audience: Audience = createMemoryAudience();
  let broadcasts: BroadcastStore = createMemoryBroadcastStore();
  let audit: AuditLog = createMemoryAuditLog();
  if (redis) {
    // One connection for the three stores, as src/wiring shares one in production.
    const client = createRedisConnection({ url: redis.url });
    const a = createRedisAudience({ client, prefix: redis.prefix });
    await a.ready();
    audience = a;
    broadcasts = createRedisBroadcastStore({ client, prefix: redis.prefix });
    audit = createRedisAuditLog({ client, prefix: redis.prefix });
    close = () => closeRedisConnection(client);
  }
  const queue = createInlineDelivery({ clock, logger, auto: false, delay: async () => {} });
  const sender =
    senderOverride ??
    createLineSender({
      channelAccessToken: 'test-token',
      logger,
      delay: async () => {},
      backoff: { random: () => 0.5 },
    });
  let n = 0;
  const deps: BroadcastDeps = {
    broadcasts,
    audit,
    audience,
    sender,
    queue,
    clock,
    logger,
    city: () => CITY,
    options: { testUserIds: TEST_USERS, batchSize: 2, ...options },
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
  queue.bind(deps);
  const world: World = {
    service: createBroadcastService(deps),
    deps,
    audience,
    broadcasts,
    audit,
    queue,
    clock,
    logger,
    calls: [],
    accepted: [],
    answer: () => [200],
    async addResidents(count, settings) {
      for (let i = 1; i <= count; i++) await audience.markFollowed(userId(i), settings(i));
    },
    close: () => close(),
  };
  const line = fakeLine();
  Object.defineProperty(world, 'answer', { get: () => line.answer, set: (f) => (line.answer = f) });
  world.calls = line.calls;
  world.accepted = line.accepted;
  return world;
}

/** Settings with `area` and the default topic. */
export const inArea = (area: string, topics = ['bousai']): ResidentSettings => ({
  topics,
  area,
  stopped: false,
});

export interface FakeLine {
  calls: LineCall[];
  accepted: LineCall[];
  answer: (call: LineCall, i: number) => LineAnswer;
}

/**
 * Fakes LINE's multicast with nock: records every call and answers with `answer` (default 200,
 * and 409 for a retry key LINE already accepted, as LINE does).
 */
export function fakeLine(): FakeLine {
  const line: FakeLine = {
    calls: [],
    accepted: [],
    answer: (call) =>
      line.accepted.some((a) => a.retryKey === call.retryKey)
        ? [
            409,
            { message: 'The retry key is already accepted' },
            { 'x-line-accepted-request-id': 'req-0' },
          ]
        : [200, {}],
  };
  nock('https://api.line.me')
    .persist()
    .post('/v2/bot/message/multicast')
    .reply((request, cb) => {
      void request.json().then((body: unknown) => {
        const b = body as { to: string[]; messages: LineCall['messages'] };
        const call: LineCall = {
          retryKey: request.headers.get('x-line-retry-key') ?? '',
          to: b.to,
          messages: b.messages,
        };
        const i = line.calls.length;
        line.calls.push(call);
        const a = line.answer(call, i);
        if (a === 'network') {
          return cb(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [0]);
        }
        if (a[0] === 200) line.accepted.push(call);
        cb(null, [a[0], a[1] ?? {}, { 'x-line-request-id': `req-${i}`, ...a[2] }]);
      });
    });
  return line;
}

export type MakeWorld = (options?: BroadcastOptions, start?: string) => Promise<World>;

/**
 * Makes worlds in memory, or on Redis (a fresh key prefix each) when `redisUrl` is given;
 * `cleanup` closes them and deletes their keys.
 */
export function worldMaker(redisUrl?: string): { make: MakeWorld; cleanup(): Promise<void> } {
  const made: Array<{ world: World; prefix?: string }> = [];
  return {
    async make(options, start) {
      const prefix = redisUrl ? uniquePrefix('bcw') : undefined;
      const world = await makeWorld(
        options,
        start,
        undefined,
        redisUrl && prefix ? { url: redisUrl, prefix } : undefined,
      );
      made.push({ world, ...(prefix ? { prefix } : {}) });
      return world;
    },
    async cleanup() {
      for (const m of made.splice(0)) {
        await m.world.close();
        if (redisUrl && m.prefix) await deleteKeys(redisUrl, m.prefix);
      }
    },
  };
}

/** A suite over fresh worlds (`broadcastSuite`, `runBatchSuite`). */
export type WorldSuite = (label: string, make: MakeWorld, cleanup: () => Promise<void>) => void;

/**
 * Runs `suite` on fresh worlds, in memory or on Redis at `redisUrl`, with nothing but LINE
 * faked: the hooks each suite file used to repeat.
 */
export function runOnWorlds(suite: WorldSuite, label: string, redisUrl?: string): void {
  offlineExceptLocalhost();
  const worlds = worldMaker(redisUrl);
  suite(label, worlds.make, () => worlds.cleanup());
}
