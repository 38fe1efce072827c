import { describe, expect, it } from 'vitest';
import { groupWordings, wordingKey } from '../../src/reports/index.js';

const group = (texts: string[]) => groupWordings(texts, (t) => t);
const sets = (texts: string[]) => group(texts).map((g) => g.items.slice().sort());

describe('wordingKey', () => {
  it('folds width, kana, punctuation, spaces and polite endings', () => {
    expect(wordingKey('粗大ゴミの出し方を教えてください。')).toBe(wordingKey('粗大ごみの出し方'));
    expect(wordingKey('ｺﾝﾋﾞﾆ で 住民票？')).toBe(wordingKey('コンビニで住民票'));
    expect(wordingKey('図書館は何時までですか？？')).toBe(wordingKey('図書館は何時まで'));
  });

  it('drops the masks written by maskQuestion', () => {
    expect(wordingKey('[電話番号]に電話していい？')).toBe(wordingKey('に電話していい'));
  });
});

describe('groupWordings', () => {
  it('counts near-identical wordings together, the most frequent group first (ties by text)', () => {
    const groups = group([
      '図書館 何時まで',
      '粗大ごみの出し方',
      '粗大ごみの出し方を教えてください',
      '粗大ゴミの出し方？',
      '図書館は何時まで？',
      '粗大ごみの出し方',
      'そだいごみ の だしかた',
      'そだいごみのだしかた',
    ]);
    expect(groups.map((g) => [g.text, g.count])).toEqual([
      ['粗大ごみの出し方', 4],
      ['そだいごみ の だしかた', 2],
      ['図書館 何時まで', 2],
    ]);
    expect(groups[0]!.variants).toEqual([
      { text: '粗大ごみの出し方を教えてください', count: 1 },
      { text: '粗大ゴミの出し方？', count: 1 },
    ]);
  });

  it('groups reordered and shortened wordings of one question', () => {
    expect(
      sets(['住民票をコンビニで取りたい', '住民票 コンビニ', 'コンビニで住民票とれますか？']),
    ).toEqual([['コンビニで住民票とれますか？', '住民票 コンビニ', '住民票をコンビニで取りたい']]);
  });

  it('keeps questions apart that differ in what they are about', () => {
    expect(group(['犬の登録をしたい', '猫の登録をしたい'])).toHaveLength(2);
    expect(group(['住民票をコンビニで取りたい', '印鑑証明をコンビニで取りたい'])).toHaveLength(2);
    expect(group(['図書館の開館時間は？', '市役所の開庁時間は？'])).toHaveLength(2);
  });

  it('keeps the items of each group in their input order, with any item type', () => {
    const items = [
      { q: 'ワクチンの予約をしたい', n: 1 },
      { q: '犬の登録', n: 2 },
      { q: 'ワクチン接種の予約', n: 3 },
    ];
    const groups = groupWordings(items, (i) => i.q);
    expect(groups[0]!.items.map((i) => i.n)).toEqual([1, 3]);
  });

  it('is deterministic whatever the input order', () => {
    const texts = [
      '粗大ごみの出し方',
      '粗大ゴミの出し方？',
      '図書館 何時まで',
      '図書館は何時まで？',
    ];
    const a = group(texts).map((g) => [g.text, g.count]);
    const b = group([...texts].reverse()).map((g) => [g.text, g.count]);
    expect(b).toEqual(a);
  });

  it('handles empty input, empty wordings and single characters', () => {
    expect(group([])).toEqual([]);
    expect(group(['？', '!!', '犬', '犬？']).map((g) => g.count)).toEqual([2, 2]);
  });

  it('groups 50,000 wordings quickly enough for a monthly report', () => {
    const topics = [
      '粗大ごみ',
      '住民票',
      '図書館',
      '児童手当',
      '犬の登録',
      '水道料金',
      'パスポート',
    ];
    const tails = ['の出し方', 'について', 'を知りたい', 'はどこ？', 'の手続き', '　教えて'];
    const texts = Array.from(
      { length: 50_000 },
      (_, i) => `${topics[i % 7]}${tails[(i >> 3) % 6]}${i % 11 === 0 ? `その${i}` : ''}`,
    );
    const groups = group(texts);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(50_000);
    expect(groups.length).toBeLessThan(6_000);
  });
});
