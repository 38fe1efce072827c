/**
 * The console's data endpoints through the express app with bearer tokens: /meta, /dashboard,
 * /faq/search, /notices/render, /unanswered and the /reports additions (department, CSV).
 * Memory stores, the fixture search pack with the real tokenizer, April 2026's fixture log.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBotContent } from '../../src/app/index.js';
import type { BotContent } from '../../src/app/index.js';
import { loadTokenizer } from '../../src/content/tokenizer.js';
import { createHttpApp, createMetricsRegistry } from '../../src/http/index.js';
import { AdminTokenListSchema } from '../../src/schema/index.js';
import { createMemoryQuestionLog } from '../../src/store/question-log/index.js';
import { CITY, jst, makeWorld, userId } from '../app/broadcast-fixture.js';
import type { World } from '../app/broadcast-fixture.js';
import { APRIL_LOG } from '../reports/fixture.js';
import { fixtureEntries, fixtureSynonyms } from '../search/fixture-pack.js';
import { offlineExceptLocalhost } from '../setup/offline.js';

const TOKENS = { viewer: 'v'.repeat(32), broadcaster: 'b'.repeat(32), admin: 'a'.repeat(32) };
type Role = keyof typeof TOKENS;

offlineExceptLocalhost();

let world: World;
let app: ReturnType<typeof createHttpApp>;
let content: BotContent | undefined;

beforeAll(async () => {
  world = await makeWorld();
  world.clock.set(jst('2026-04-30 12:00'));
  const questionLog = createMemoryQuestionLog({ clock: world.clock });
  for (const { id: _id, ...r } of APRIL_LOG) await questionLog.append(r);
  // Six residents: 1-3 中部 (bousai), 4-5 北部 (kosodate), 6 none; 5 stops, 6 blocks.
  await world.addResidents(6, (i) => ({
    topics: i <= 3 ? ['bousai'] : i <= 5 ? ['kosodate', 'bousai'] : [],
    ...(i <= 3 ? { area: '中部' } : i <= 5 ? { area: '北部' } : {}),
    stopped: false,
  }));
  await world.audience.setSettings(userId(5), {
    topics: ['kosodate'],
    area: '北部',
    stopped: true,
  });
  await world.audience.markBlocked(userId(6));
  content = createBotContent({
    city: { ...CITY, departments: [{ name: '市民課', handles: [] }] },
    entries: fixtureEntries,
    synonyms: fixtureSynonyms,
    tokenize: await loadTokenizer(),
  });
  app = createHttpApp({
    dispatch: () => {},
    contentReady: () => true,
    checks: {},
    metrics: createMetricsRegistry(),
    logger: world.logger,
    admin: {
      service: world.service,
      tokens: AdminTokenListSchema.parse(
        `ito:viewer:${TOKENS.viewer},sato:broadcaster:${TOKENS.broadcaster},boss:admin:${TOKENS.admin}`,
      ),
      logger: world.logger,
      reports: {
        questionLog,
        city: 'testcity',
        clock: world.clock,
        departments: () => ['市民課', '税務課', '福祉課'],
        logger: world.logger,
      },
      console: {
        content: () => content,
        audience: world.audience,
        questionLog,
        clock: world.clock,
        testAccounts: 2,
      },
    },
  });
});

const get = (path: string, role: Role = 'viewer') =>
  request(app).get(`/admin/api${path}`).set('Authorization', `Bearer ${TOKENS[role]}`);
const post = (path: string, body: object, role: Role = 'broadcaster') =>
  request(app).post(`/admin/api${path}`).set('Authorization', `Bearer ${TOKENS[role]}`).send(body);

describe('GET /meta', () => {
  it('gives the city, the caller, the lists and the template fields the forms offer', async () => {
    const res = await get('/meta');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      city: 'testcity',
      cityName: 'テスト市',
      role: 'viewer',
      name: 'ito',
      topics: [{ id: 'bousai', label: '防災・緊急' }, { id: 'kosodate' }, { id: 'event' }],
      areas: [{ id: '中部', label: '中部' }, { id: '北部' }, { id: '南部' }],
      quietHours: { start: 21, end: 8 },
      testAccounts: 2,
    });
    expect(res.body.ages).toHaveLength(7);
    expect(res.body.ages[6]).toEqual({ id: '70plus', label: '70代以上' });
    const event = res.body.templates.find((t: { id: string }) => t.id === 'event');
    expect(event.label).toBe('イベント・講座');
    expect(event.params.filter((p: { required: boolean }) => p.required)).toEqual([
      { name: 'date', label: '日時', required: true, multiline: false, kind: 'date' },
      { name: 'place', label: '場所', required: true, multiline: false, kind: 'text' },
    ]);
    expect(event.params.find((p: { name: string }) => p.name === 'linkUrl').kind).toBe('url');
    expect(res.body.departments[0]).toBe('市民課');
  });

  it('answers 503 while the FAQ is loading, and 401 without a token', async () => {
    const kept = content;
    content = undefined;
    try {
      const res = await get('/meta');
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('admin/not-ready');
    } finally {
      content = kept;
    }
    expect((await request(app).get('/admin/api/meta')).status).toBe(401);
  });
});

describe('GET /dashboard', () => {
  it('shows residents, segment sizes and the last 30 days of questions', async () => {
    await world.service.create(
      { name: 'sato', role: 'broadcaster' },
      {
        title: '防災訓練',
        message: { type: 'text', text: '訓練があります。' },
        department: '危機管理課',
        contact: '0568-00-0000',
        target: { topics: ['bousai'] },
      },
    );
    const res = await get('/dashboard');
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b.residents).toEqual({ friends: 5, blocked: 1, stopped: 1 });
    // Who a notice to the topic / area would reach now: 5 stopped and 6 blocked do not count.
    expect(b.topics).toEqual([
      { id: 'bousai', label: '防災・緊急', count: 4 },
      { id: 'kosodate', label: '子育て', count: 1 },
      { id: 'event', label: 'イベント・講座', count: 0 },
    ]);
    expect(b.areas).toEqual([
      { id: '中部', label: '中部', count: 3 },
      { id: '北部', label: '北部', count: 1 },
      { id: '南部', label: '南部', count: 0 },
    ]);
    const q = b.questions;
    expect(q.days).toHaveLength(30);
    expect([q.days[0], q.days[29]]).toEqual(['2026-04-01', '2026-04-30']);
    expect([q.daily[0], q.daily[9], q.daily[29]]).toEqual([3, 6, 2]);
    expect(q).toMatchObject({ total: 11, answered: 4, ambiguous: 2, noAnswer: 5 });
    expect(q).toMatchObject({ feedback: 5, helpful: 3, helpfulShare: 0.6 });
    expect(q.answeredShare).toBeCloseTo(4 / 11);
    expect(b.broadcasts.map((x: { notice: { title: string } }) => x.notice.title)).toEqual([
      '防災訓練',
    ]);
    expect(b.generatedAt).toBe(jst('2026-04-30 12:00').toISOString());
  });
});

describe('GET /faq/search', () => {
  it('ranks entries with confidence, relevance and the terms each matched (kana only)', async () => {
    const res = await get(`/faq/search?q=${encodeURIComponent('そだいごみ')}&top=3`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      query: 'そだいごみ',
      verdict: 'answered',
      terms: ['粗大ごみ'],
    });
    const [first] = res.body.results;
    expect(first).toMatchObject({ rank: 1, id: 'fx-sodaigomi', status: 'live' });
    expect(first.score).toBeGreaterThan(0.5);
    expect(first.relevance).toBeGreaterThan(0);
    expect(first.matched).toEqual([{ term: '粗大ごみ', fields: ['question'] }]);
    expect(res.body.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('shows the word a typo was searched as', async () => {
    const res = await get(`/faq/search?q=${encodeURIComponent('固定試算税の納付書がない')}`);
    expect(res.body.terms).toContain('資産');
    expect(res.body.repaired).toEqual([{ typed: '試算', term: '資産' }]);
    expect(res.body.results[0].id).toBe('fx-kotei-shisanzei');
    expect(res.body.results.length).toBeLessThanOrEqual(10);
  });

  it('says which field is wrong (400): no question, a bad top', async () => {
    let res = await get('/faq/search?q=%20%20');
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual(['q: 質問を入力してください']);
    res = await get('/faq/search?q=x&top=0');
    expect(res.status).toBe(400);
    expect(res.body.problems[0]).toMatch(/^top: /);
  });
});

describe('POST /notices/render', () => {
  const draft = {
    title: '防災訓練のお知らせ',
    department: '危機管理課',
    contact: '0568-76-1111',
    message: {
      type: 'flex',
      template: 'event',
      params: { date: '5月10日 9時', place: '中部公民館' },
    },
  };

  it('draws a complete draft exactly as it would be sent, without problems', async () => {
    const res = await post('/notices/render', draft);
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([]);
    expect(res.body.messages).toHaveLength(1);
    expect(res.body.messages[0]).toMatchObject({
      type: 'flex',
      altText: '【お知らせ】防災訓練のお知らせ',
    });
    expect(JSON.stringify(res.body.messages[0])).toContain('テスト市 危機管理課からのお知らせ');
    expect(res.body.text).toContain('中部公民館');
  });

  it('still draws an incomplete draft, with each problem beside its field', async () => {
    const res = await post('/notices/render', {
      message: {
        type: 'flex',
        template: 'event',
        params: { date: '5月10日', linkUrl: 'http://x' },
      },
      department: '危機管理課',
    });
    expect(res.status).toBe(200);
    expect(res.body.messages).toHaveLength(1);
    expect(res.body.problems.map((p: { field: string }) => p.field)).toEqual([
      'title',
      'message.params.place',
      'message.params.linkUrl',
      'message.params.linkLabel',
      'contact',
    ]);
    expect(res.body.problems[0]).toEqual({ field: 'title', message: 'タイトルを入力してください' });
  });

  it('renders text notices, and is refused to a viewer (403)', async () => {
    const text = { ...draft, message: { type: 'text', text: '明日は訓練です。' } };
    const ok = await post('/notices/render', text);
    expect(ok.body.messages[0].type).toBe('text');
    expect(ok.body.messages[0].text).toContain('明日は訓練です。');
    const refused = await post('/notices/render', text, 'viewer');
    expect(refused.status).toBe(403);
  });
});

describe('GET /unanswered', () => {
  it('groups the month’s unanswered and unhelpful questions, each with its department', async () => {
    const res = await get('/unanswered?month=2026-04');
    expect(res.status).toBe(200);
    expect(res.body.month).toBe('2026-04');
    const [first] = res.body.groups;
    expect(first).toMatchObject({
      text: '粗大ごみの出し方',
      count: 3,
      department: '（担当課なし）',
    });
    expect(res.body.departmentNames.slice(0, 3)).toEqual(['市民課', '税務課', '福祉課']);
  });

  it('filters by department', async () => {
    const res = await get(`/unanswered?month=2026-04&department=${encodeURIComponent('市民課')}`);
    expect(res.body.department).toBe('市民課');
    expect(res.body.groups.length).toBeGreaterThan(0);
    for (const g of res.body.groups) expect(g.department).toBe('市民課');
  });

  it('downloads CSV for Excel: BOM, header, filename with the department', async () => {
    const res = await get(
      `/unanswered?month=2026-04&department=${encodeURIComponent('市民課')}&format=csv`,
    ).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = res.text;
    expect(body.charCodeAt(0)).toBe(0xfeff);
    expect(body.slice(1).split('\r\n')[0]).toBe(
      'rank,question,count,no_answer,not_helpful,entries,last_at,variants,department',
    );
    // Japanese in filename* (RFC 6266); an ASCII fallback in filename.
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="unanswered-testcity-2026-04-___.csv"; filename*=UTF-8''${encodeURIComponent('unanswered-testcity-2026-04-市民課.csv')}`,
    );
  });

  it('says what is wrong (400)', async () => {
    const res = await get('/unanswered?month=2026-4&format=xls');
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([
      'month: use YYYY-MM, e.g. 2026-04',
      'format: must be json or csv',
    ]);
  });
});

describe('GET /reports (console additions)', () => {
  it('filters by department and lists department names for the select', async () => {
    const res = await get(`/reports?month=2026-04&department=${encodeURIComponent('税務課')}`);
    expect(res.status).toBe(200);
    expect(res.body.department).toBe('税務課');
    expect(res.body.overall).toMatchObject({ questions: 3, answered: 2, ambiguous: 1, helpful: 2 });
    expect(res.body.departments).toHaveLength(1);
    expect(res.body.departmentNames).toEqual(['市民課', '税務課', '福祉課', '（担当課なし）']);
  });

  it('downloads the month as CSV with a BOM and the contract’s filename', async () => {
    const res = await get('/reports?month=2026-04&format=csv').buffer(true);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="report-testcity-2026-04.csv"',
    );
    const lines = res.text.slice(1).split('\r\n');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe('section,department,rank,item,count,share,detail');
    expect(lines[1]).toBe('summary,(全体),,questions,11,,');
  });
});
