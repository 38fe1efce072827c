import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, search } from '../../src/search/index.js';
import type { SearchIndex } from '../../src/search/index.js';
import { loadTokenizer } from '../../src/content/tokenizer.js';
import { fixtureEntries, fixtureIndex } from './fixture-pack.js';

let index: SearchIndex;
beforeAll(async () => {
  index = await fixtureIndex();
});

const topId = (query: string): string | undefined => search(index, query).results[0]?.entry.id;

describe('ranking on the fixture pack', () => {
  it.each([
    ['コンビニで住民票の写しはとれますか', 'fx-conveni-juminhyo'],
    ['マイナンバーカードを失くしてしまった', 'fx-mynumber-lost'],
    ['粗大ごみを出したい', 'fx-sodaigomi'],
    ['パスポートをネットで更新したい', 'fx-passport'],
    ['LINEのお知らせの設定を変えるには', 'fx-line-segment'],
  ])('%s → %s', (query, id) => {
    expect(topId(query)).toBe(id);
  });

  it('meets kana-only spellings of kanji and katakana words', () => {
    expect(topId('こんびにで住民票とれる？')).toBe('fx-conveni-juminhyo');
    expect(topId('まいなんばーかーど なくした')).toBe('fx-mynumber-lost');
    expect(topId('そだいごみ')).toBe('fx-sodaigomi');
  });

  it('survives typos that read the same (固定試算税 for 固定資産税)', () => {
    expect(topId('固定試算税の納付書がない')).toBe('fx-kotei-shisanzei');
    const outcome = search(index, '固定試算税');
    expect(outcome.results[0]!.entry.id).toBe('fx-kotei-shisanzei');
    expect(outcome.status).not.toBe('no_answer');
  });

  it('returns results best first, at most `top`, with scores in [0, 1]', () => {
    const { results } = search(index, 'マイナンバーカード', { top: 2 });
    expect(results).toHaveLength(2);
    expect(results[0]!.score).toBeGreaterThanOrEqual(results[1]!.score);
    for (const r of results) expect(r.score).toBeGreaterThan(0);
    for (const r of results) expect(r.score).toBeLessThanOrEqual(1);
  });

  it('returns nothing for an empty or symbol-only query', () => {
    expect(search(index, '').results).toEqual([]);
    expect(search(index, '？？？').status).toBe('no_answer');
  });
});

describe('synonyms', () => {
  it('finds an entry through any spelling of its group', () => {
    expect(topId('ぺいぺいで払える？')).toBe('fx-paypay-tax');
    expect(topId('印鑑証明がほしい')).toBe('fx-inkan');
    expect(topId('個人番号カードをなくした')).toBe('fx-mynumber-lost');
  });

  it('matches a spelling by its reading too (kana-only 個人番号カード)', () => {
    expect(topId('こじんばんごうかーど なくした')).toBe('fx-mynumber-lost');
  });

  it('does not find them without the dictionary', async () => {
    const plain = buildIndex(fixtureEntries, { tokenize: await loadTokenizer() });
    expect(search(plain, 'ぺいぺい').results.map((r) => r.entry.id)).not.toContain('fx-paypay-tax');
  });
});

describe('verdicts', () => {
  it('answers a clear question', () => {
    const outcome = search(index, '粗大ごみの出し方');
    expect(outcome.status).toBe('answered');
    expect(outcome.results[0]!.entry.id).toBe('fx-sodaigomi');
  });

  it('offers a choice when the query fits several entries equally', () => {
    const outcome = search(index, 'マイナンバーカード');
    expect(outcome.status).toBe('ambiguous');
    expect(outcome.results.length).toBeGreaterThan(1);
  });

  it('hands off when nothing fits', () => {
    expect(search(index, '明日の天気は晴れますか').status).toBe('no_answer');
    expect(search(index, 'おすすめのラーメン屋').status).toBe('no_answer');
  });
});

describe('scores', () => {
  it('gives full coverage to an entry asked in its own words', () => {
    const { results } = search(index, '粗大ごみの出し方を教えてください');
    expect(results[0]!.entry.id).toBe('fx-sodaigomi');
    expect(results[0]!.score).toBe(1);
  });

  it('orders results by relevance', () => {
    const { results } = search(index, 'マイナンバーカード 申し込み', { top: 5 });
    for (let i = 1; i < results.length; i++) {
      expect(results[i - 1]!.relevance!).toBeGreaterThanOrEqual(results[i]!.relevance!);
    }
  });

  it('returns nothing when asked for no results', () => {
    expect(search(index, '粗大ごみ', { top: 0 })).toEqual({ status: 'no_answer', results: [] });
  });
});

describe('index', () => {
  it('builds an empty pack and answers nothing from it', async () => {
    const empty = buildIndex([], { tokenize: await loadTokenizer() });
    expect(search(empty, '住民票')).toEqual({ status: 'no_answer', results: [] });
  });
});
