import { describe, expect, it } from 'vitest';
import { CityConfigSchema } from '../../src/schema/index.js';
import {
  applyChange,
  cleanSettings,
  defaultSettings,
  describeTarget,
  matchesTarget,
  parseTarget,
} from '../../src/segments/index.js';

const city = CityConfigSchema.parse({
  id: 'testcity',
  name: 'テスト市',
  prefecture: '愛知県',
  contact: { name: 'テスト市役所' },
  areas: ['中部', '東部'],
  topics: [
    { id: 'bousai', label: '防災・緊急' },
    { id: 'kosodate', label: '子育て' },
    { id: 'event', label: 'イベント・講座' },
  ],
});

describe('targets', () => {
  it('parses a good target and describes it for staff', () => {
    const t = parseTarget(
      { topics: ['kosodate', 'event'], areas: ['中部'], ages: ['70plus'] },
      city,
    );
    expect(describeTarget(t, city)).toBe(
      '分野: 子育て、イベント・講座 ／ 地区: 中部 ／ 年代: 70代以上',
    );
    expect(describeTarget(parseTarget({ all: true }, city), city)).toContain('すべての友だち');
  });

  it('lists every problem at once, naming the bad values', () => {
    expect(() => parseTarget({ topics: ['kosodate', 'gomi'], areas: ['西部'] }, city)).toThrow(
      /unknown topic "gomi".*unknown area "西部"/,
    );
    for (const bad of [
      {},
      { all: false },
      { topics: [] },
      { ages: ['80s'] },
      { all: true, topics: ['bousai'] },
    ]) {
      expect(() => parseTarget(bad, city), JSON.stringify(bad)).toThrow(
        expect.objectContaining({ code: 'segment/bad-target' }),
      );
    }
  });

  it('matches any value within a dimension and every given dimension', () => {
    const s = { topics: ['kosodate'], area: '中部', age: '30s' as const, stopped: false };
    expect(matchesTarget(s, { topics: ['bousai', 'kosodate'] })).toBe(true);
    expect(matchesTarget(s, { topics: ['kosodate'], areas: ['東部'] })).toBe(false);
    expect(matchesTarget(s, { ages: ['30s'], areas: ['中部', '東部'] })).toBe(true);
    expect(matchesTarget({ topics: [], stopped: false }, { ages: ['30s'] })).toBe(false);
    expect(matchesTarget({ ...s, stopped: true }, { all: true })).toBe(false);
  });
});

describe('settings', () => {
  it('starts a new friend with the first topic only', () => {
    expect(defaultSettings(city)).toEqual({ topics: ['bousai'], stopped: false });
    expect(defaultSettings({ ...city, topics: [] })).toEqual({ topics: [], stopped: false });
  });

  it('applies each change idempotently, in the city order, dropping what the city lacks', () => {
    let s = defaultSettings(city);
    s = applyChange(s, { kind: 'topic', topic: 'event', on: true }, city);
    s = applyChange(s, { kind: 'topic', topic: 'kosodate', on: true }, city);
    s = applyChange(s, { kind: 'topic', topic: 'kosodate', on: true }, city);
    expect(s.topics).toEqual(['bousai', 'kosodate', 'event']);
    s = applyChange(s, { kind: 'area', area: '東部' }, city);
    s = applyChange(s, { kind: 'age', age: '60s' }, city);
    expect(s).toEqual({
      topics: ['bousai', 'kosodate', 'event'],
      area: '東部',
      age: '60s',
      stopped: false,
    });
    expect(applyChange(s, { kind: 'area' }, city)).toEqual({
      topics: s.topics,
      age: '60s',
      stopped: false,
    });
    expect(applyChange(s, { kind: 'area', area: '火星' }, city).area).toBeUndefined();
    expect(applyChange(s, { kind: 'topic', topic: 'gomi', on: true }, city).topics).toEqual(
      s.topics,
    );
    expect(applyChange(s, { kind: 'stop' }, city).stopped).toBe(true);
    expect(applyChange({ ...s, stopped: true }, { kind: 'resume' }, city).stopped).toBe(false);
    expect(
      cleanSettings({ topics: ['event', 'old'], area: '旧地区', stopped: false }, city),
    ).toEqual({
      topics: ['event'],
      stopped: false,
    });
  });
});
