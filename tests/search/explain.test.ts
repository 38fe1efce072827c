// explainSearch: the terms a query was searched with and where each hit has them (console FAQ
// tester). The fixture pack and the real tokenizer, as in search.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { explainSearch, search } from '../../src/search/index.js';
import type { SearchIndex } from '../../src/search/index.js';
import { fixtureIndex } from './fixture-pack.js';

let index: SearchIndex;
beforeAll(async () => {
  index = await fixtureIndex();
});

const explain = (query: string) => {
  const outcome = search(index, query, { top: 3 });
  return { outcome, ex: explainSearch(index, query, outcome.results) };
};

describe('explainSearch', () => {
  it('shows a kana-only word as the known word it was read as, found in the question', () => {
    const { outcome, ex } = explain('そだいごみ');
    expect(outcome.results[0]!.entry.id).toBe('fx-sodaigomi');
    expect(ex.terms).toEqual(['粗大ごみ']);
    expect(ex.repaired).toContainEqual({ typed: expect.any(String), term: '粗大ごみ' });
    expect(ex.hits[0]).toEqual({
      id: 'fx-sodaigomi',
      matched: [{ term: '粗大ごみ', fields: ['question'] }],
    });
  });

  it('shows a typo as the word searched instead (試算 → 資産), and which entries have it', () => {
    const { ex } = explain('固定試算税の納付書がない');
    expect(ex.terms).toEqual(['固定', '資産', '税', '納付', '書']);
    expect(ex.repaired).toEqual([{ typed: '試算', term: '資産' }]);
    expect(ex.hits[0]!.id).toBe('fx-kotei-shisanzei');
    expect(ex.hits[0]!.matched.map((m) => m.term)).toEqual(['固定', '資産', '税', '納付', '書']);
    // The next entries share only part of the query: only those terms are listed.
    expect(ex.hits[1]!.matched.map((m) => m.term)).toEqual(['税']);
  });

  it('names synonym groups and the fields beyond the question (keywords, answer)', () => {
    const { ex } = explain('ぺいぺいで払える？');
    expect(ex.hits[0]!.id).toBe('fx-paypay-tax');
    expect(ex.hits[0]!.matched).toContainEqual({ term: 'paypay', fields: ['keywords', 'answer'] });
    expect(ex.terms).not.toContainEqual(expect.stringMatching(/^~/));
  });

  it('changes nothing in the search: the same query ranks the same after an explanation', () => {
    for (const q of ['そだいごみ', '固定試算税', 'マイナンバーカードを失くしてしまった']) {
      const before = search(index, q, { top: 10 });
      explainSearch(index, q, before.results);
      expect(search(index, q, { top: 10 })).toEqual(before);
    }
  });

  it('explains no hits for an empty query', () => {
    expect(explainSearch(index, '', [])).toEqual({ terms: [], repaired: [], hits: [] });
  });
});
