/**
 * A スマホ教室 world for app tests: the test city and schedule (tests/classes/fixture.ts), the
 * real content (tokenizer, Flex templates), memory stores, a manual clock, and the real LINE
 * sender against `api.line.me` faked by nock (push and reply), recording every retry key.
 */
import nock from 'nock';
import type { messagingApi, webhook } from '@line/bot-sdk';
import { createBotContent, handleEvent } from '../../src/app/index.js';
import type { AppDeps, BotContent, ReminderJobDeps } from '../../src/app/index.js';
import { loadTemplates, loadTokenizer } from '../../src/content/index.js';
import { createLineSender } from '../../src/line/index.js';
import type { ReminderStore } from '../../src/ports.js';
import { ClassScheduleSchema, type ClassItemInput } from '../../src/schema/index.js';
import { createMemoryReminderStore } from '../../src/store/reminders/index.js';
import { createMemoryStore } from '../../src/store/state/index.js';
import { CITY, CLASSES, NOW } from '../classes/fixture.js';
import { manualClock, type ManualClock } from '../contract/manual-clock.js';
import { captureLogger, type CaptureLogger } from '../setup/capture-logger.js';
import { ENTRIES, ev } from './fixture.js';

export const LINE = 'https://api.line.me';
export const RESIDENT = 'U' + 'a'.repeat(31) + '1';
export const OTHER = 'U' + 'a'.repeat(31) + '2';

/** One push LINE received. */
export interface PushCall {
  to: string;
  retryKey: string;
  messages: messagingApi.Message[];
  /** 200 (delivered), 409 (a repeat of an accepted key), or what `answer` chose. */
  status: number | 'network';
}

export interface ClassWorld {
  clock: ManualClock;
  logger: CaptureLogger;
  reminders: ReminderStore;
  app: AppDeps;
  job: ReminderJobDeps;
  /** Replaces the schedule (staff edited classes.yaml and the bot reloaded it). */
  setSchedule(classes: ClassItemInput[]): void;
  /** Every push, in order; `delivered` only those that reached the resident (200). */
  pushes: PushCall[];
  delivered(): PushCall[];
  /** LINE's answer to push number `i` (default 200, 409 for an accepted key). */
  answer: (call: PushCall, i: number) => number | 'network';
  replies: messagingApi.Message[][];
  /** Sends a webhook event through the front door and returns the reply messages. */
  send(event: Record<string, unknown>): Promise<messagingApi.Message[]>;
}

const tokenize = loadTokenizer();
const templates = loadTemplates();

export async function classWorld(
  options: { reminders?: ReminderStore; classes?: ClassItemInput[] } = {},
): Promise<ClassWorld> {
  const clock = manualClock(NOW);
  const logger = captureLogger();
  const reminders = options.reminders ?? createMemoryReminderStore();
  const parts = {
    city: CITY,
    entries: ENTRIES,
    tokenize: await tokenize,
    templates: await templates,
  };
  let content: BotContent = createBotContent({
    ...parts,
    classes: ClassScheduleSchema.parse({ classes: options.classes ?? CLASSES }),
  });
  const sender = createLineSender({
    channelAccessToken: 'test-token',
    logger,
    delay: async () => {},
    backoff: { random: () => 0.5 },
    maxAttempts: 1,
  });
  const world: ClassWorld = {
    clock,
    logger,
    reminders,
    app: {
      store: createMemoryStore({ clock }),
      sender,
      clock,
      logger,
      content: () => content,
      reminders,
    },
    job: { reminders, sender, clock, logger, content: () => content },
    setSchedule(classes) {
      content = createBotContent({ ...parts, classes: ClassScheduleSchema.parse({ classes }) });
    },
    pushes: [],
    delivered: () => world.pushes.filter((p) => p.status === 200),
    answer: (call) =>
      world.pushes.some((p) => p.status === 200 && p.retryKey === call.retryKey) ? 409 : 200,
    replies: [],
    async send(event) {
      const before = world.replies.length;
      await handleEvent(event as unknown as webhook.Event, world.app);
      return world.replies.slice(before).flat();
    },
  };
  nock(LINE)
    .persist()
    .post('/v2/bot/message/push')
    .reply((request, cb) => {
      void request.json().then((body: unknown) => {
        const b = body as { to: string; messages: messagingApi.Message[] };
        const call: PushCall = {
          to: b.to,
          retryKey: request.headers.get('x-line-retry-key') ?? '',
          messages: b.messages,
          status: 200,
        };
        call.status = world.answer(call, world.pushes.length);
        world.pushes.push(call);
        if (call.status === 'network') {
          return cb(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [0]);
        }
        const bodyOut =
          call.status === 409
            ? { message: 'The retry key is already accepted' }
            : call.status === 429
              ? { message: 'You have reached your monthly limit.' }
              : { sentMessages: [] };
        const accepted: Record<string, string> =
          call.status === 409 ? { 'x-line-accepted-request-id': 'req-first' } : {};
        cb(null, [
          call.status,
          bodyOut,
          { 'x-line-request-id': `req-${world.pushes.length}`, ...accepted },
        ]);
      });
    });
  nock(LINE)
    .persist()
    .post('/v2/bot/message/reply')
    .reply((request, cb) => {
      void request.json().then((body: unknown) => {
        world.replies.push((body as { messages: messagingApi.Message[] }).messages);
        cb(null, [200, { sentMessages: [] }]);
      });
    });
  return world;
}

export { ev };

/** Every string in messages: what the resident can read. */
export function textOf(messages: readonly unknown[]): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(messages);
  return out.join('\n');
}

/** Every postback data in messages. */
export function postbacksOf(messages: readonly unknown[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['type'] === 'postback' && typeof o['data'] === 'string') out.push(o['data']);
      Object.values(o).forEach(walk);
    }
  };
  walk(messages);
  return out;
}
