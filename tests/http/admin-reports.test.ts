/** `GET /admin/api/reports`: the question-log report as JSON, role viewer or above. */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, createMetricsRegistry } from '../../src/http/index.js';
import type { QuestionLog } from '../../src/ports.js';
import { AdminTokenListSchema } from '../../src/schema/index.js';
import { createMemoryQuestionLog } from '../../src/store/question-log/index.js';
import { makeWorld } from '../app/broadcast-fixture.js';
import { manualClock } from '../contract/manual-clock.js';
import { APRIL_LOG } from '../reports/fixture.js';
import { captureLogger } from '../setup/capture-logger.js';

const TOKENS = { viewer: 'v'.repeat(32), admin: 'a'.repeat(32) };
const clock = manualClock(new Date('2026-05-03T00:00:00Z'));

async function appWith(questionLog: QuestionLog) {
  const world = await makeWorld();
  const logger = captureLogger();
  return createHttpApp({
    dispatch: () => {},
    contentReady: () => true,
    checks: {},
    metrics: createMetricsRegistry(),
    logger,
    admin: {
      service: world.service,
      tokens: AdminTokenListSchema.parse(`ito:viewer:${TOKENS.viewer},boss:admin:${TOKENS.admin}`),
      logger,
      reports: {
        questionLog,
        city: 'testcity',
        cityName: () => 'テスト市',
        clock,
        entryQuestion: (id) => (id === 'paypay' ? '市税はPayPayで払えますか？' : undefined),
        logger,
      },
    },
  });
}

let app: Awaited<ReturnType<typeof appWith>>;
beforeAll(async () => {
  const log = createMemoryQuestionLog({ clock });
  for (const { id: _id, ...r } of APRIL_LOG) await log.append(r);
  app = await appWith(log);
});
const get = (path: string, token = TOKENS.viewer) =>
  request(app).get(`/admin/api${path}`).set('Authorization', `Bearer ${token}`);

describe('GET /admin/api/reports', () => {
  it('answers the month’s report as JSON for a viewer', async () => {
    const res = await get('/reports?city=testcity&month=2026-04');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      cityName: 'テスト市',
      city: 'testcity',
      month: '2026-04',
      overall: { questions: 11, answered: 4, ambiguous: 2, noAnswer: 5, feedback: 5, helpful: 3 },
    });
    expect(res.body.overall.topEntries).toContainEqual({
      id: 'paypay',
      question: '市税はPayPayで払えますか？',
      count: 2,
    });
    expect(res.body.overall.unanswered[0]).toMatchObject({ text: '粗大ごみの出し方', count: 3 });
    expect(res.body.departments.map((d: { department: string }) => d.department)).toEqual([
      '市民課',
      '（担当課なし）',
      '税務課',
    ]);
    expect(res.body.days).toHaveLength(30);
  });

  it('defaults to the server’s city and last month', async () => {
    const res = await get('/reports', TOKENS.admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ city: 'testcity', month: '2026-04' });
  });

  it('needs a token', async () => {
    expect((await request(app).get('/admin/api/reports')).status).toBe(401);
  });

  it('says what is wrong with the query (400) and refuses other cities (404)', async () => {
    let res = await get('/reports?month=2026-4&city=Komaki');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'reports/bad-request' });
    expect(res.body.problems).toEqual([
      'city: must be a city id like komaki',
      'month: use YYYY-MM, e.g. 2026-04',
    ]);
    res = await get('/reports?city=kashima');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('reports/unknown-city');
  });

  it('answers 503 when the question log cannot be read', async () => {
    const down = await appWith({
      append: async () => {},
      read: async () => {
        throw new Error('redis away');
      },
      purge: async () => 0,
      daily: async () => {
        throw new Error('redis away');
      },
    });
    const res = await request(down)
      .get('/admin/api/reports?month=2026-04')
      .set('Authorization', `Bearer ${TOKENS.viewer}`);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('reports/unavailable');
  });
});
