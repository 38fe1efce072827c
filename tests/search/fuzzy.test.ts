import { describe, expect, it } from 'vitest';
import { buildVocabulary, closestKnownWord } from '../../src/search/fuzzy.js';

describe('closestKnownWord', () => {
  const vocab = buildVocabulary([
    ['資産', 'しさん'],
    ['粗大ごみ', 'そだいごみ'],
    ['住民', 'じゆうみん'],
    ['手当', ''],
  ]);

  it('prefers a word that reads the same (the IME picked the wrong kanji)', () => {
    expect(closestKnownWord(vocab, 'しさん')).toEqual({ word: '資産', distance: 0 });
  });

  it('accepts one kana edit on longer readings', () => {
    expect(closestKnownWord(vocab, 'そだいこみ')).toEqual({ word: '粗大ごみ', distance: 1 });
    expect(closestKnownWord(vocab, 'じゆみん')).toEqual({ word: '住民', distance: 1 });
  });

  it('leaves short or distant readings alone', () => {
    expect(closestKnownWord(vocab, 'しさ')).toBeUndefined();
    expect(closestKnownWord(vocab, 'てんき')).toBeUndefined();
    expect(closestKnownWord(vocab, 'し')).toBeUndefined();
  });
});
