import { beforeAll, describe, expect, it } from 'vitest';
import { createBotContent } from '../../src/app/index.js';
import { loadTokenizer } from '../../src/content/index.js';
import type { Tokenize } from '../../src/text/index.js';
import { CITY, ENTRIES } from './fixture.js';

let tokenize: Tokenize;
beforeAll(async () => {
  tokenize = await loadTokenizer();
});

/** A tokenizer that counts how often the search had to analyze a text. */
function counting() {
  const calls = { n: 0 };
  const t: Tokenize = (text) => {
    calls.n++;
    return tokenize(text);
  };
  return { t, calls };
}

describe('createBotContent', () => {
  it('looks entries up by id and lists them by category, in pack order', () => {
    const content = createBotContent({ city: CITY, entries: ENTRIES, tokenize });
    expect(content.entry('gomi-sodai')?.question).toContain('粗大ごみ');
    expect(content.entry('nope')).toBeUndefined();
    expect(content.topic?.('cashless').map((e) => e.id)).toEqual(['paypay-tax']);
    expect(content.topic?.('none')).toEqual([]);
  });

  it('answers a repeated question from its cache, with a fresh results list each time', () => {
    const { t, calls } = counting();
    const content = createBotContent({ city: CITY, entries: ENTRIES, tokenize: t });
    const first = content.search!('コンビニで住民票');
    const afterFirst = calls.n;
    first.results.length = 0; // a caller changing its copy changes nothing for the next one
    const second = content.search!('コンビニで住民票');
    expect(calls.n).toBe(afterFirst);
    expect(second.status).toBe('answered');
    expect(second.results[0]?.entry.id).toBe('conveni-juminhyo');
  });

  it('forgets the least recently used question beyond its size', () => {
    const { t, calls } = counting();
    const content = createBotContent({
      city: CITY,
      entries: ENTRIES,
      tokenize: t,
      searchCacheSize: 2,
    });
    content.search!('粗大ごみ');
    content.search!('スマホ教室');
    content.search!('粗大ごみ'); // now the most recent
    content.search!('PayPay'); // evicts スマホ教室
    const before = calls.n;
    content.search!('粗大ごみ');
    expect(calls.n).toBe(before);
    content.search!('スマホ教室');
    expect(calls.n).toBeGreaterThan(before);
  });
});
