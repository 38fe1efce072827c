// Schedule questions told apart from general ones, and the classes each gets (past and cancelled
// never), with the server in UTC.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  findClasses,
  jstDay,
  parseClassQuery,
  type QueryContext,
} from '../../src/classes/index.js';
import type { ClassItemInput } from '../../src/schema/index.js';
import { CLASSES, NOW, catalog } from './fixture.js';

beforeAll(() => {
  vi.stubEnv('TZ', 'UTC');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const cat = catalog();
const ctx = (over: Partial<QueryContext> = {}): QueryContext => ({
  today: jstDay(NOW),
  areas: cat.areas,
  venues: cat.venues,
  ...over,
});
const ids = (text: string, at = NOW, over: Partial<QueryContext> = {}) => {
  const q = parseClassQuery(text, ctx({ today: jstDay(at), ...over }));
  if (!q) return undefined;
  return findClasses(cat, q, at).matches.map((c) => c.id);
};

describe('schedule questions and their classes', () => {
  it.each([
    [
      '次のスマホ教室いつ？',
      ['now-dropin', 'sat-beginners', 'tue-dropin', 'sat-kobetsu', 'dec-mynumber', 'jan-dropin'],
    ],
    ['予約なしで行ける相談会ある？', ['now-dropin', 'tue-dropin', 'jan-dropin']],
    ['予約いらない相談会', ['now-dropin', 'tue-dropin', 'jan-dropin']],
    ['味岡の近くでやってる？', ['sat-beginners']],
    ['来週のスマホ教室ある？', ['tue-dropin', 'sat-kobetsu']],
    ['今日やってるスマホ相談ある？', ['now-dropin']],
    ['週末のスマホ教室', ['sat-beginners']],
    ['土曜のスマホ教室は？', ['sat-beginners', 'sat-kobetsu', 'dec-mynumber', 'jan-dropin']],
    ['12月のスマホ教室', ['dec-mynumber']],
    ['12/5にスマホ教室ある？', ['dec-mynumber']],
    ['初心者向けのスマホ教室はいつ？', ['sat-beginners']],
    ['図書館でスマホ相談やってる？', ['sat-kobetsu']],
    ['LINEを習える教室は次いつ？', ['sat-beginners']],
    ['マイナンバーのスマホ講座いつ', ['dec-mynumber']],
    ['個別相談会の日程', ['sat-kobetsu']],
    ['ふらっと相談会 来年1月', ['jan-dropin']],
    ['高齢者向けのスマホ教室の予定', ['sat-beginners']],
    [
      'すまほきょうしつ いつ',
      ['now-dropin', 'sat-beginners', 'tue-dropin', 'sat-kobetsu', 'dec-mynumber', 'jan-dropin'],
    ],
    ['東部市民センターのスマホ教室', ['dec-mynumber']],
    ['午後のスマホ相談会の予定', ['tue-dropin', 'jan-dropin']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('reads back the conditions', () => {
    expect(parseClassQuery('来週の予約いらない相談会', ctx())?.label).toBe(
      '来週（11月16日〜22日）・予約不要・相談会',
    );
    expect(parseClassQuery('味岡の近くでやってる？', ctx())?.label).toBe('味岡');
    expect(parseClassQuery('次のスマホ教室いつ？', ctx())?.label).toBe('');
  });

  it.each([
    'スマホ教室って何をするの？',
    'スマホ教室はありますか？',
    'スマホ教室の参加費はいくら',
    '小牧市にスマホ教室はありますか',
    '住民票をコンビニで取りたい',
    '来週、料理教室ある？',
    '税務相談会はいつ？',
    '明日の天気',
    '来週',
    'スマホで税金を払いたい 来週まで',
    '市役所は土曜日やってる？',
    '味岡支所は土曜やってる？',
    '明日、税金の相談できる？',
    '中央図書館は土曜もやってる？',
  ])('not a schedule question: %s', (text) => {
    expect(parseClassQuery(text, ctx())).toBeUndefined();
  });

  it('a short follow-up after a class list is a schedule question too', () => {
    expect(parseClassQuery('来週は？', ctx())).toBeUndefined();
    expect(ids('来週は？', NOW, { followUp: true })).toEqual(['tue-dropin', 'sat-kobetsu']);
    expect(ids('味岡は？', NOW, { followUp: true })).toEqual(['sat-beginners']);
    expect(parseClassQuery('ありがとう', ctx({ followUp: true }))).toBeUndefined();
  });
});

describe('past, cancelled, the cap and alternatives', () => {
  it('a class leaves the list when it starts; a drop-in only when it ends', () => {
    const at1130 = new Date('2026-11-11T02:30:00Z');
    expect(ids('次のスマホ教室いつ？', at1130)?.[0]).toBe('now-dropin');
    const at1200 = new Date('2026-11-11T03:00:00Z');
    expect(ids('次のスマホ教室いつ？', at1200)?.[0]).toBe('sat-beginners');
    const sat1000 = new Date('2026-11-14T01:00:00Z');
    expect(ids('次のスマホ教室いつ？', sat1000)?.[0]).toBe('tue-dropin');
  });

  it('cancelled classes never show, even when asked by date', () => {
    expect(ids('11月18日のスマホ教室')).toEqual([]);
  });

  it('at most ten, soonest first, and the total', () => {
    const many: ClassItemInput[] = Array.from({ length: 15 }, (_, i) => ({
      ...CLASSES[3]!,
      id: `d${String(i).padStart(2, '0')}`,
      date: `2026-12-${String(20 - i).padStart(2, '0')}`,
    }));
    const big = catalog(many);
    const q = parseClassQuery('次のスマホ教室いつ？', ctx())!;
    const r = findClasses(big, q, NOW);
    expect(r.total).toBe(15);
    expect(r.matches).toHaveLength(10);
    expect(r.matches[0]!.date).toBe('2026-12-06');
    expect(r.matches.map((c) => c.date)).toEqual([...r.matches.map((c) => c.date)].sort());
  });

  it('nothing matches: the nearest alternatives (most conditions met, then nearest date)', () => {
    const q = parseClassQuery('明日のスマホ教室', ctx())!;
    const r = findClasses(cat, q, NOW);
    expect(r.matches).toEqual([]);
    expect(r.alternatives.map((c) => c.id)).toEqual(['now-dropin', 'sat-beginners', 'tue-dropin']);
    const q2 = parseClassQuery('東部で予約不要の相談会ある？', ctx())!;
    expect(findClasses(cat, q2, NOW).alternatives.map((c) => c.id)).toEqual([
      'now-dropin',
      'tue-dropin',
      'jan-dropin',
    ]);
  });

  it('nothing upcoming at all: no alternatives either', () => {
    const q = parseClassQuery('次のスマホ教室いつ？', ctx())!;
    const r = findClasses(cat, q, new Date('2027-02-01T00:00:00Z'));
    expect(r).toEqual({ matches: [], total: 0, alternatives: [] });
  });
});
