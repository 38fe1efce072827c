import { describe, expect, it } from 'vitest';
import { VERDICT, decideVerdict } from '../../src/search/verdict.js';

const hit = (score: number, relevance: number) => ({ score, relevance });

describe('decideVerdict', () => {
  it('hands off when there is no result or the best covers too little of the query', () => {
    expect(decideVerdict([])).toBe('no_answer');
    expect(decideVerdict([hit(VERDICT.minScore - 0.01, 20)])).toBe('no_answer');
  });

  it('answers when the best covers the query and stands clear of the runner-up', () => {
    expect(decideVerdict([hit(1, 10)])).toBe('answered');
    expect(decideVerdict([hit(0.8, 10), hit(0.9, 5)])).toBe('answered');
  });

  it('offers a choice when the runner-up is close', () => {
    expect(decideVerdict([hit(1, 10), hit(0.5, 9.5)])).toBe('ambiguous');
  });

  it('offers a choice when the runner-up covers the query as fully and is not far behind', () => {
    expect(decideVerdict([hit(1, 10), hit(1, 8)])).toBe('ambiguous');
    expect(decideVerdict([hit(1, 10), hit(1, 5)])).toBe('answered');
  });

  it('offers a choice when the best covers the query only in part', () => {
    expect(decideVerdict([hit(VERDICT.answerScore - 0.01, 10)])).toBe('ambiguous');
  });
});
