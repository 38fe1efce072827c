// Date words against a fixed clock, with the server in UTC and in a zone far from Japan: the
// answers depend only on the instant, never on process.env.TZ.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jstDay, parseDateWords } from '../../src/classes/index.js';

/** 2026-11-11 (Wed) 10:00 JST. */
const WED = new Date('2026-11-11T01:00:00Z');

describe.each(['UTC', 'America/Los_Angeles'])('with TZ=%s', (tz) => {
  beforeAll(() => {
    vi.stubEnv('TZ', tz);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('the server really runs in that zone', () => {
    expect(new Date('2026-11-11T01:00:00Z').getTimezoneOffset()).toBe(tz === 'UTC' ? 0 : 480);
  });

  const today = jstDay(WED);
  const range = (text: string, at = today) => {
    const f = parseDateWords(text, at);
    return f && { from: f.from, to: f.to, weekdays: f.weekdays, part: f.part, label: f.label };
  };

  it.each([
    ['今日のスマホ教室', '2026-11-11', '2026-11-11', '今日（11月11日(水)）'],
    ['きょうやってる？', '2026-11-11', '2026-11-11', '今日（11月11日(水)）'],
    ['明日ある？', '2026-11-12', '2026-11-12', '明日（11月12日(木)）'],
    ['あしたの相談会', '2026-11-12', '2026-11-12', '明日（11月12日(木)）'],
    ['あさっては？', '2026-11-13', '2026-11-13', 'あさって（11月13日(金)）'],
    ['今週のスマホ教室', '2026-11-11', '2026-11-15', '今週（11月11日〜15日）'],
    ['来週のスマホ教室ある？', '2026-11-16', '2026-11-22', '来週（11月16日〜22日）'],
    ['らいしゅう', '2026-11-16', '2026-11-22', '来週（11月16日〜22日）'],
    ['再来週', '2026-11-23', '2026-11-29', '再来週（11月23日〜29日）'],
    ['週末にやってる？', '2026-11-14', '2026-11-15', '週末（11月14日〜15日）'],
    ['土日', '2026-11-14', '2026-11-15', '週末（11月14日〜15日）'],
    ['来週末', '2026-11-21', '2026-11-22', '来週末（11月21日〜22日）'],
    ['12月', '2026-12-01', '2026-12-31', '12月'],
    ['十二月のスマホ教室', '2026-12-01', '2026-12-31', '12月'],
    ['11月中に', '2026-11-11', '2026-11-30', '11月'],
    ['10月', '2027-10-01', '2027-10-31', '2027年10月'],
    ['12/5', '2026-12-05', '2026-12-05', '12月5日(土)'],
    ['12月5日は？', '2026-12-05', '2026-12-05', '12月5日(土)'],
    ['１２／５', '2026-12-05', '2026-12-05', '12月5日(土)'],
    ['十二月五日', '2026-12-05', '2026-12-05', '12月5日(土)'],
    ['20日', '2026-11-20', '2026-11-20', '11月20日(金)'],
    ['5日', '2026-12-05', '2026-12-05', '12月5日(土)'],
    ['2027/1/9', '2027-01-09', '2027-01-09', '2027年1月9日(土)'],
    ['2027年1月9日', '2027-01-09', '2027-01-09', '2027年1月9日(土)'],
    ['11/1', '2027-11-01', '2027-11-01', '2027年11月1日(月)'],
    ['今月', '2026-11-11', '2026-11-30', '今月'],
    ['来月', '2026-12-01', '2026-12-31', '来月（12月）'],
  ])('%s → %s..%s', (text, from, to, label) => {
    expect(range(text)).toMatchObject({ from, to, label });
  });

  it('土曜: every Saturday ahead; 来週の土曜: next week only', () => {
    expect(range('土曜にある？')).toMatchObject({ from: today, weekdays: [6], label: '土曜' });
    expect(range('どようびは')).toMatchObject({ weekdays: [6] });
    expect(range('（土）')).toMatchObject({ weekdays: [6] });
    expect(range('来週の土曜日')).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-22',
      weekdays: [6],
      label: '来週（11月16日〜22日）の土曜',
    });
    expect(range('12月の日曜')).toMatchObject({ from: '2026-12-01', weekdays: [0] });
    expect(range('平日')).toMatchObject({ weekdays: [1, 2, 3, 4, 5], label: '平日' });
  });

  it('午前 and 午後', () => {
    expect(range('明日の午前')).toMatchObject({ part: 'am', label: '明日（11月12日(木)）の午前' });
    expect(range('午後にやってる？')).toMatchObject({ part: 'pm', label: '午後' });
  });

  it('no date word: undefined (also きょうしつ, 日曜 alone is a weekday, 2月30日 is nothing)', () => {
    expect(parseDateWords('次のスマホ教室いつ？', today)).toBeUndefined();
    expect(parseDateWords('すまほきょうしつ', today)).toBeUndefined();
    expect(parseDateWords('予約いらない相談会', today)).toBeUndefined();
    expect(range('2月30日')).toBeUndefined();
  });

  it('the turn of a day: 00:30 JST is already the next day while UTC still says the 11th', () => {
    const at = new Date('2026-11-11T15:30:00Z');
    expect(jstDay(at)).toBe('2026-11-12');
    expect(range('今日', jstDay(at))).toMatchObject({ from: '2026-11-12', to: '2026-11-12' });
    expect(range('明日', jstDay(at))).toMatchObject({ from: '2026-11-13' });
    // 23:59 JST on the 11th is still the 11th.
    expect(jstDay(new Date('2026-11-11T14:59:00Z'))).toBe('2026-11-11');
  });

  it('the turn of a year: New Year 00:30 JST while the server still says Dec 31', () => {
    const at = new Date('2026-12-31T15:30:00Z');
    const ny = jstDay(at);
    expect(ny).toBe('2027-01-01');
    expect(range('今日', ny)).toMatchObject({ from: '2027-01-01', label: '今日（1月1日(金)）' });
    expect(range('明日', ny)).toMatchObject({ from: '2027-01-02' });
    expect(range('今週', ny)).toMatchObject({ from: '2027-01-01', to: '2027-01-03' });
    expect(range('来週', ny)).toMatchObject({ from: '2027-01-04', to: '2027-01-10' });
    expect(range('12月', ny)).toMatchObject({ from: '2027-12-01', to: '2027-12-31' });
    // Asked in late December: 「1月」 and 「1/9」 are next year's, 「来週」 crosses the year.
    const dec = '2026-12-28';
    expect(range('1月', dec)).toMatchObject({ from: '2027-01-01', label: '2027年1月' });
    expect(range('1/9', dec)).toMatchObject({ from: '2027-01-09', label: '2027年1月9日(土)' });
    expect(range('来週', dec)).toMatchObject({
      from: '2027-01-04',
      to: '2027-01-10',
      label: '来週（1月4日〜10日）',
    });
    expect(range('今週', dec)).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
  });
});
