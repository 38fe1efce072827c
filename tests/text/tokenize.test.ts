// The `Tokenize` contract as the kuromoji loader (src/content/tokenizer.ts) fulfils it. It lives
// here because src/content's tests belong to the pack loader; move it to tests/content/ if wanted.
import { describe, expect, it } from 'vitest';
import { loadTokenizer } from '../../src/content/tokenizer.js';

describe('loadTokenizer', () => {
  it('builds kuromoji once per process', async () => {
    const [a, b] = await Promise.all([loadTokenizer(), loadTokenizer()]);
    expect(a).toBe(b);
    expect(await loadTokenizer()).toBe(a);
  });

  it('gives base forms, readings and parts of speech', async () => {
    const tokenize = await loadTokenizer();
    const tokens = tokenize('住民票を取りたい');
    expect(tokens.map((t) => t.surface)).toEqual(['住民', '票', 'を', '取り', 'たい']);
    expect(tokens[0]).toMatchObject({
      base: '住民',
      reading: 'ジュウミン',
      pos: '名詞',
      posDetail: '一般',
    });
    expect(tokens[3]).toMatchObject({ base: '取る', pos: '動詞' });
  });

  it('cleans width first (kuromoji does not fold half-width kana) and keeps unknown words whole', async () => {
    const tokenize = await loadTokenizer();
    const tokens = tokenize('ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ');
    expect(tokens.map((t) => t.surface).join('')).toBe('マイナンバーカード');
    expect(tokens.every((t) => t.base !== '*')).toBe(true);
  });
});
