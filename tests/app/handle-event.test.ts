import type { webhook } from '@line/bot-sdk';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecordingSender, handleEvent } from '../../src/app/index.js';
import type { AppDeps, BotContent, RecordingSender } from '../../src/app/index.js';
import { createMetricsRegistry } from '../../src/http/index.js';
import { createLineSender } from '../../src/line/index.js';
import type { QuestionLog, QuestionLogRecord, Store } from '../../src/ports.js';
import { createMemoryQuestionLog } from '../../src/store/question-log/index.js';
import { createMemoryStore } from '../../src/store/state/index.js';
import { manualClock } from '../contract/manual-clock.js';
import { captureLogger } from '../setup/capture-logger.js';
import type { CaptureLogger } from '../setup/capture-logger.js';
import { ev, GROUP_1, testContent, USER_1 } from './fixture.js';

const E = (e: Record<string, unknown>) => e as unknown as webhook.Event;
const texts = (sender: RecordingSender) =>
  sender.sent.map((s) => s.messages.map((m) => ('text' in m ? m.text : m.type)).join('\n'));

/** A store whose every call fails, as Redis does while it is down. */
function brokenStore(): Store {
  const fail = async (): Promise<never> => {
    throw new Error('Stream isn\u2019t writeable and enableOfflineQueue options is false');
  };
  return {
    claimEvent: fail,
    loadState: fail,
    saveState: fail,
    deleteState: fail,
    getUser: fail,
    markFollowed: fail,
    markBlocked: fail,
    ping: fail,
    close: async () => {},
  };
}

let content: BotContent;
let logger: CaptureLogger;
let sender: RecordingSender;
let store: Store;
let questionLog: QuestionLog;
let deps: AppDeps;
const clock = manualClock(new Date('2026-04-01T09:00:00Z'));

beforeAll(async () => {
  content = await testContent();
});
beforeEach(() => {
  logger = captureLogger();
  sender = createRecordingSender();
  store = createMemoryStore({ clock });
  questionLog = createMemoryQuestionLog({ clock });
  deps = {
    store,
    sender,
    clock,
    logger,
    content: () => content,
    metrics: createMetricsRegistry(),
    questionLog,
  };
});

/** The question log's records of one kind: where questions and feedback are recorded. */
async function logged(kind: QuestionLogRecord['kind']): Promise<QuestionLogRecord[]> {
  const all = await questionLog.read(
    content.city.id,
    new Date('2026-01-01'),
    new Date('2027-01-01'),
  );
  return all.filter((r) => r.kind === kind);
}

describe('every event type reaches the dialog', () => {
  it('follow: greets and marks the user followed', async () => {
    await handleEvent(E(ev.follow(USER_1)), deps);
    expect(texts(sender)[0]).toContain('友だち追加、ありがとうございます');
    expect(await store.getUser(USER_1)).toEqual({
      status: 'followed',
      followedAt: '2026-04-01T09:00:00.000Z',
    });
  });

  it('unfollow: no reply, the user is marked blocked (broadcasts skip them)', async () => {
    await handleEvent(E(ev.follow(USER_1)), deps);
    await handleEvent(E(ev.unfollow(USER_1)), deps);
    expect(sender.sent).toHaveLength(1);
    expect(await store.getUser(USER_1)).toMatchObject({ status: 'blocked' });
  });

  it('text: answers from the FAQ and records the question with its verdict', async () => {
    await handleEvent(E(ev.text(USER_1, 'コンビニで住民票はとれる？')), deps);
    expect(sender.sent[0]).toMatchObject({
      kind: 'reply',
      replyToken: expect.stringMatching(/^rt-/),
    });
    expect(texts(sender)[0]).toContain('マルチコピー機');
    expect(await logged('question')).toEqual([
      expect.objectContaining({ verdict: 'answered', topId: 'conveni-juminhyo' }),
    ]);
    expect(await store.loadState(`user:${USER_1}`)).toMatchObject({
      lastEntryId: 'conveni-juminhyo',
    });
  });

  it('media (sticker, image): a kind reply', async () => {
    await handleEvent(E(ev.sticker(USER_1)), deps);
    await handleEvent(E(ev.image(USER_1)), deps);
    expect(sender.sent).toHaveLength(2);
  });

  it('postback: feedback on an answer is stored with its entry id', async () => {
    await handleEvent(E(ev.text(USER_1, 'コンビニで住民票はとれる？')), deps);
    const quick = JSON.stringify(sender.sent[0]?.messages);
    const data = [...quick.matchAll(/"data":"([^"]+)"/g)].map((m) => m[1]!);
    const helpful = data.find((d) => d.includes('fb'));
    expect(helpful, `feedback postback among ${data.join(', ')}`).toBeDefined();
    await handleEvent(E(ev.postback(USER_1, helpful!)), deps);
    expect(await logged('feedback')).toEqual([
      expect.objectContaining({ entryId: 'conveni-juminhyo', at: '2026-04-01T09:00:00.000Z' }),
    ]);
  });

  it('join: the bot introduces itself in the group', async () => {
    await handleEvent(E(ev.join(GROUP_1)), deps);
    expect(texts(sender)[0]).toContain('グループ');
  });

  it('an unknown event type is ignored safely', async () => {
    await handleEvent(E(ev.unknown(USER_1)), deps);
    await handleEvent(E({ type: 'leave', source: { type: 'group', groupId: GROUP_1 } }), deps);
    expect(sender.sent).toEqual([]);
  });

  it('standby mode: another channel answers; only follow status is kept', async () => {
    await handleEvent(E(ev.text(USER_1, '粗大ごみ', { mode: 'standby' })), deps);
    await handleEvent(E({ ...ev.follow(USER_1), mode: 'standby' }), deps);
    expect(sender.sent).toEqual([]);
    expect(await logged('question')).toEqual([]);
    expect(await store.getUser(USER_1)).toMatchObject({ status: 'followed' });
  });
});

describe('redelivery', () => {
  it('handles an event id once, however often LINE sends it', async () => {
    const first = ev.text(USER_1, '粗大ごみ');
    await handleEvent(E(first), deps);
    await handleEvent(E({ ...first, deliveryContext: { isRedelivery: true } }), deps);
    expect(sender.sent).toHaveLength(1);
    expect(await logged('question')).toHaveLength(1);
    expect(logger.messages('info').join()).toMatch(/redelivered/);
  });
});

describe('when the store fails (Redis away)', () => {
  it('still answers from the FAQ, with an empty state, and logs each failure', async () => {
    deps.store = brokenStore();
    await handleEvent(E(ev.text(USER_1, 'コンビニで住民票はとれる？')), deps);
    expect(texts(sender)[0]).toContain('マルチコピー機');
    const ops = logger.lines
      .filter((l) => l.level === 'warn')
      .map((l) => (l.obj as { op: string }).op);
    expect(ops.sort()).toEqual(['claimEvent', 'loadState', 'saveState']);
    expect(createMetricsText(deps)).toContain('madoguchi_store_errors_total{op="loadState"} 1');
  });

  it('falls back to the initial state when a stored state no longer parses', async () => {
    const failingLoad: Store = {
      ...store,
      loadState: async () => {
        throw Object.assign(new Error('stored dialog state does not match its schema'), {
          code: 'store/bad-state',
        });
      },
    };
    deps.store = failingLoad;
    await handleEvent(E(ev.text(USER_1, '粗大ごみ')), deps);
    expect(texts(sender)[0]).toContain('粗大ごみは申し込みが必要です');
  });
});

describe('when the dialog throws', () => {
  it('replies with an apology and the city’s phone number, and logs the error', async () => {
    const broken: BotContent = {
      ...content,
      search: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'qw')");
      },
    };
    deps.content = () => broken;
    await handleEvent(E(ev.text(USER_1, '粗大ごみ')), deps);
    expect(texts(sender)[0]).toContain('0568-00-0000');
    expect(logger.messages('error')).toContain('handleTurn failed');
  });
});

describe('when the reply fails (LINE at the nock boundary)', () => {
  const LINE = 'https://api.line.me';
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());

  it('pushes the answer when the reply token expired, with a retry key from the event id', async () => {
    deps.sender = createLineSender({ channelAccessToken: 't', logger, delay: async () => {} });
    const event = ev.text(USER_1, '粗大ごみ');
    nock(LINE).post('/v2/bot/message/reply').reply(400, { message: 'Invalid reply token' });
    let pushed: unknown;
    const push = nock(LINE)
      .post('/v2/bot/message/push', (body) => {
        pushed = body;
        return true;
      })
      .matchHeader(
        'x-line-retry-key',
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      )
      .reply(200, {});
    await handleEvent(E(event), deps);
    expect(push.isDone()).toBe(true);
    expect(pushed).toMatchObject({ to: USER_1 });
    expect(JSON.stringify(pushed)).toContain('粗大ごみは申し込みが必要です');
    const error = logger.lines.find((l) => l.msg === 'reply failed');
    expect(error?.obj).toMatchObject({ code: 'line/api-error', status: 400 });
    // Recovered by the push: a warning, not an error.
    expect(error?.level).toBe('warn');
    expect(logger.messages('error')).toEqual([]);
  });

  it('logs a refused reply once, as an error with what an operator needs', async () => {
    deps.sender = createLineSender({ channelAccessToken: 't', logger, delay: async () => {} });
    nock(LINE).post('/v2/bot/message/reply').reply(
      400,
      { message: 'A message (messages[0]) in the request body is invalid' },
      {
        'x-line-request-id': 'req-1',
      },
    );
    await handleEvent(E(ev.text(USER_1, '粗大ごみ')), deps);
    const refused = logger.lines.filter((l) => JSON.stringify(l).includes('messages[0]'));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      level: 'error',
      msg: 'reply failed',
      obj: { code: 'line/api-error', status: 400, requestId: 'req-1', userId: USER_1 },
    });
    // The user id is only under `userId`, which the logger hashes (tests/log).
    const { userId: _, err: __, ...rest } = refused[0]!.obj as Record<string, unknown>;
    expect(JSON.stringify(rest)).not.toContain(USER_1);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('does not push after a 500 (the reply may have arrived) but keeps the error', async () => {
    deps.sender = createLineSender({ channelAccessToken: 't', logger, delay: async () => {} });
    nock(LINE).post('/v2/bot/message/reply').reply(500, { message: 'oops' });
    await handleEvent(E(ev.text(USER_1, '粗大ごみ')), deps);
    expect(nock.pendingMocks()).toEqual([]);
    expect(logger.lines.find((l) => l.msg === 'reply failed')?.obj).toMatchObject({ status: 500 });
    // The turn still completed: state and question are recorded.
    expect(await logged('question')).toHaveLength(1);
  });
});

function createMetricsText(d: AppDeps): string {
  return (d.metrics as ReturnType<typeof createMetricsRegistry>).render();
}
