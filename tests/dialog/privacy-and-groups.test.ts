import { describe, expect, it } from 'vitest';
import {
  handleTurn,
  initialDialogState,
  looksLikeMyNumber,
  type TurnInput,
} from '../../src/dialog/index.js';
import { expectWithinLimits, makeDeps, scriptedSearch, textOf } from './fixture.js';

describe('a マイナンバー-like number', () => {
  const cases = [
    '123456789012',
    '私の番号は 1234 5678 9012 です',
    '1234-5678-9012 住民票コンビニ',
    '１２３４５６７８９０１２',
    '１２３４－５６７８－９０１２',
    '１２３４　５６７８　９０１２のカード',
  ];

  it.each(cases)('%s: warned, never searched, never stored, never echoed', (t) => {
    const calls: string[] = [];
    const deps = makeDeps({ search: scriptedSearch({}, calls) });
    const state = { v: 1 as const, lastEntryId: 'conveni', candidates: ['apply'] };
    const r = handleTurn(state, { kind: 'text', text: t, source: 'user' }, deps);
    expect(calls).toEqual([]);
    expect(r.effects).toEqual([]);
    expect(r.next).toEqual({ v: 1, lastEntryId: 'conveni', candidates: [] });
    const all = JSON.stringify(r);
    const digits = t.normalize('NFKC').replace(/\D/g, '');
    expect(all.replace(/\D/g, '')).not.toContain(digits.slice(0, 8));
    expect(textOf(r.replies)).toContain('マイナンバー（個人番号）は大切な個人情報です');
    expectWithinLimits(r.replies);
  });

  it('is not confused with phone numbers, dates or short numbers', () => {
    for (const t of ['0568-76-1111', '2024年3月1日', '09012345678', '123', '1234567890123']) {
      expect(looksLikeMyNumber(t), t).toBe(false);
    }
  });
});

describe('groups and rooms', () => {
  const group = (t: string, mentioned?: boolean): TurnInput => ({
    kind: 'text',
    text: t,
    source: 'group',
    mentioned,
  });

  it('join: a short self-introduction that says how to address the bot', () => {
    const r = handleTurn(initialDialogState, { kind: 'join', source: 'group' }, makeDeps());
    expect(r.replies).toHaveLength(1);
    expect(textOf(r.replies)).toContain('「窓口」で始まるメッセージ');
    expect(r.effects).toEqual([]);
  });

  it('ordinary group talk is ignored: no reply, no search, no effect', () => {
    const calls: string[] = [];
    const deps = makeDeps({ search: scriptedSearch({}, calls) });
    for (const t of [
      '住民票コンビニ',
      'メニュー',
      '123456789012',
      '窓口に行ったよ',
      '窓口で聞いた',
    ]) {
      expect(handleTurn(initialDialogState, group(t), deps)).toEqual({
        replies: [],
        next: initialDialogState,
        effects: [],
      });
    }
    expect(
      handleTurn(initialDialogState, { kind: 'media', media: 'sticker', source: 'room' }, deps)
        .replies,
    ).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('a message starting with 「窓口」 or mentioning the bot is answered', () => {
    const a = handleTurn(initialDialogState, group('窓口 住民票コンビニ'), makeDeps());
    expect(textOf(a.replies)).toContain('住民票の写しはコンビニで取れますか？');
    const b = handleTurn(initialDialogState, group('@テスト市 住民票コンビニ', true), makeDeps());
    expect(textOf(b.replies)).toContain('住民票の写しはコンビニで取れますか？');
    const c = handleTurn(initialDialogState, group('まどぐちさん、メニュー'), makeDeps());
    expect(textOf(c.replies)).toContain('メニュー');
    const hello = handleTurn(initialDialogState, group('窓口'), makeDeps());
    expect(textOf(hello.replies)).toContain('「窓口」で始まるメッセージ');
  });

  it('buttons tapped in a group still work', () => {
    const r = handleTurn(
      initialDialogState,
      { kind: 'postback', data: 'a=show&id=conveni', source: 'group' },
      makeDeps(),
    );
    expect(textOf(r.replies)).toContain('住民票の写しはコンビニで取れますか？');
  });
});
