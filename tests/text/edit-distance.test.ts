import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/index.js';

describe('editDistance', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('counts kana edits and stops early past the limit', () => {
    expect(editDistance('しさん', 'しさん', 1)).toBe(0);
    expect(editDistance('そだいごみ', 'そだいこみ', 1)).toBe(1);
    expect(editDistance('まいなんば', 'まいなんばかど', 1)).toBe(2);
  });
});
