import { describe, expect, it } from 'vitest';
import { cleanText, isContentToken, isKana, normalize, toHiragana } from '../../src/text/index.js';

describe('normalize', () => {
  it('folds katakana to hiragana so kana-only and katakana spellings meet', () => {
    expect(normalize('マイナンバーカード')).toBe(normalize('まいなんばーかーど'));
    expect(normalize('ペイペイ')).toBe('ぺいぺい');
  });

  it('folds width and case (NFKC) before anything else', () => {
    expect(normalize('ＰａｙＰａｙ')).toBe('paypay');
    expect(normalize('ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ')).toBe(normalize('マイナンバーカード'));
    expect(normalize('１２３')).toBe('123');
  });

  it('drops long-vowel marks and wave dashes, and enlarges small kana', () => {
    expect(normalize('カード')).toBe('かど');
    expect(normalize('かーど')).toBe(normalize('カ〜ド'));
    expect(normalize('キャッシュレス')).toBe('きやつしゆれす');
    expect(normalize('ヴァイオリン')).toBe(normalize('ぶあいおりん'));
  });

  it('reads a hyphen typed after kana as the long-vowel mark', () => {
    expect(normalize('マイナンバーカ-ド')).toBe(normalize('マイナンバーカード'));
    expect(cleanText('カ－ド')).toBe('カード');
    expect(cleanText('3-5')).toBe('3-5');
  });

  it('keeps kanji and dakuten (パ and ハ stay apart)', () => {
    expect(normalize('住民票')).toBe('住民票');
    expect(normalize('パスワード')).not.toBe(normalize('ハスワード'));
  });

  it('collapses spaces', () => {
    expect(normalize('  住民票　 コンビニ ')).toBe('住民票 こんびに');
  });
});

describe('cleanText', () => {
  it('fixes width, case and spaces but keeps katakana for the tokenizer', () => {
    expect(cleanText('ﾏｲﾅﾝﾊﾞｰ　ＣＡＲＤ')).toBe('マイナンバー card');
  });
});

describe('toHiragana and isKana', () => {
  it('maps katakana only', () => {
    expect(toHiragana('コンビニで住民票')).toBe('こんびにで住民票');
    expect(isKana('まいなんばー')).toBe(true);
    expect(isKana('住民票')).toBe(false);
  });
});

describe('isContentToken', () => {
  it('drops particles, auxiliaries, symbols and dependent nouns, keeps topic words', () => {
    expect(isContentToken({ surface: '住民', base: '住民', pos: '名詞', posDetail: '一般' })).toBe(
      true,
    );
    expect(isContentToken({ surface: 'を', base: 'を', pos: '助詞', posDetail: '格助詞' })).toBe(
      false,
    );
    expect(isContentToken({ surface: 'です', base: 'です', pos: '助動詞' })).toBe(false);
    expect(
      isContentToken({ surface: 'こと', base: 'こと', pos: '名詞', posDetail: '非自立' }),
    ).toBe(false);
    expect(isContentToken({ surface: '？', base: '？', pos: '記号', posDetail: '一般' })).toBe(
      false,
    );
  });
});
