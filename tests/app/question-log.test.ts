import type { webhook } from '@line/bot-sdk';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBotContent, createRecordingSender, handleEvent } from '../../src/app/index.js';
import type { AppDeps, BotContent } from '../../src/app/index.js';
import { loadTokenizer } from '../../src/content/index.js';
import { encodePostback } from '../../src/dialog/index.js';
import { createUserIdHasher } from '../../src/log/index.js';
import type { QuestionLog, QuestionLogRecord } from '../../src/ports.js';
import { buildMonthlyReport } from '../../src/reports/index.js';
import { createMemoryQuestionLog } from '../../src/store/question-log/index.js';
import { createMemoryStore } from '../../src/store/state/index.js';
import { manualClock } from '../contract/manual-clock.js';
import { captureLogger } from '../setup/capture-logger.js';
import { CITY, ENTRIES, ev, USER_1, USER_2 } from './fixture.js';

const E = (e: Record<string, unknown>) => e as unknown as webhook.Event;
const hash = createUserIdHasher('question-log-test-key');
const clock = manualClock(new Date('2026-04-10T01:00:00Z'));
const WITH_DEPARTMENTS = ENTRIES.map((e) =>
  e.id === 'conveni-juminhyo' ? { ...e, department: '市民課' } : e,
);

let content: BotContent;
let log: QuestionLog;
let deps: AppDeps;
const all = () => log.read('testcity', new Date('2026-04-01'), new Date('2026-05-01'));

beforeAll(async () => {
  const tokenize = await loadTokenizer();
  content = createBotContent({ city: CITY, entries: WITH_DEPARTMENTS, tokenize });
});
beforeEach(() => {
  log = createMemoryQuestionLog({ clock });
  deps = {
    store: createMemoryStore({ clock }),
    sender: createRecordingSender(),
    clock,
    logger: captureLogger(),
    content: () => content,
    questionLog: log,
    hashUserId: hash,
  };
});

describe('every question goes to the question log', () => {
  it('records time, city, verdict, top entry, score and its department, with a hashed user', async () => {
    await handleEvent(E(ev.text(USER_1, 'コンビニで住民票はとれる？')), deps);
    const [r] = await all();
    expect(r).toMatchObject({
      kind: 'question',
      at: '2026-04-10T01:00:00.000Z',
      city: 'testcity',
      query: 'コンビニで住民票はとれる?',
      verdict: 'answered',
      topId: 'conveni-juminhyo',
      department: '市民課',
      user: hash(USER_1),
    });
    expect((r as { score: number }).score).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toContain(USER_1);
  });

  it('records unanswered questions too', async () => {
    await handleEvent(E(ev.text(USER_1, 'ワニを飼いたいです')), deps);
    const [r] = await all();
    expect(r).toMatchObject({ kind: 'question', verdict: 'no_answer' });
  });

  it('masks phone numbers, e-mails and postal codes before writing', async () => {
    await handleEvent(
      E(ev.text(USER_1, '〒485-0041 の者です。粗大ごみ 090-1234-5678 taro@example.jp')),
      deps,
    );
    const [r] = await all();
    const query = (r as { query: string }).query;
    expect(query).not.toMatch(/\d{3}/);
    expect(query).not.toContain('taro@');
    expect(query).toContain('粗大ごみ');
  });

  it('never writes a マイナンバー-like number', async () => {
    await handleEvent(E(ev.text(USER_1, '私の番号は1234 5678 9012です')), deps);
    await handleEvent(E(ev.text(USER_2, '１２３４５６７８９０１２')), deps);
    const records = await all();
    expect(JSON.stringify(records)).not.toMatch(/1234|5678|9012|１２３４/);
  });

  it('records the resident’s feedback, joined to their question in the report', async () => {
    await handleEvent(E(ev.text(USER_1, 'コンビニで住民票はとれる？')), deps);
    clock.advance(30);
    await handleEvent(
      E(ev.postback(USER_1, encodePostback({ a: 'fb', id: 'conveni-juminhyo', helpful: false }))),
      deps,
    );
    const records: QuestionLogRecord[] = await all();
    expect(records.map((r) => r.kind)).toEqual(['question', 'feedback']);
    expect(records[1]).toMatchObject({
      entryId: 'conveni-juminhyo',
      helpful: false,
      department: '市民課',
      user: hash(USER_1),
    });
    const report = buildMonthlyReport(records, { city: 'testcity', month: '2026-04' });
    expect(report.overall.worstEntries[0]).toMatchObject({ id: 'conveni-juminhyo', notHelpful: 1 });
  });

  it('leaves the user out when no hasher is configured', async () => {
    delete deps.hashUserId;
    await handleEvent(E(ev.text(USER_1, 'スマホ教室はありますか')), deps);
    const [r] = await all();
    expect(r!.user).toBeUndefined();
  });

  it('still answers when the question log is down', async () => {
    const sender = createRecordingSender();
    const logger = captureLogger();
    const broken: QuestionLog = {
      append: async () => {
        throw new Error('redis away');
      },
      read: async () => [],
      purge: async () => 0,
      daily: async () => [],
    };
    await handleEvent(E(ev.text(USER_1, 'コンビニで住民票はとれる？')), {
      ...deps,
      sender,
      logger,
      questionLog: broken,
    });
    expect(sender.sent).toHaveLength(1);
    expect(logger.lines.some((l) => (l.obj as { op?: string }).op === 'questionLog')).toBe(true);
  });
});
