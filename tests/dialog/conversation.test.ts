import { describe, expect, it } from 'vitest';
import { handleTurn, initialDialogState, TOPICS, type TurnInput } from '../../src/dialog/index.js';
import { DialogStateSchema } from '../../src/schema/index.js';
import { expectWithinLimits, makeDeps, postbacksOf, textOf } from './fixture.js';

const text = (t: string): TurnInput => ({ kind: 'text', text: t, source: 'user' });
const postback = (data: string): TurnInput => ({ kind: 'postback', data, source: 'user' });

describe('follow and unfollow', () => {
  it('greets with what the bot does, the five topics and the settings pointer', () => {
    const r = handleTurn(initialDialogState, { kind: 'follow', source: 'user' }, makeDeps());
    const seen = textOf(r.replies);
    expect(seen).toContain('テスト市の「窓口」です');
    expect(seen).toContain('よくある質問にお答えします');
    for (const label of [
      'オンライン手続き',
      'キャッシュレス',
      'マイナンバーカード',
      'スマホ教室',
      '問い合わせ先',
      '通知設定',
    ]) {
      expect(seen).toContain(label);
    }
    expect(postbacksOf(r.replies)).toEqual(
      expect.arrayContaining([
        ...TOPICS.map((t) => `a=topic&t=${t.id}`),
        'a=settings',
        'a=contact',
      ]),
    );
    expect(r.effects).toEqual([{ type: 'followed' }]);
    expectWithinLimits(r.replies);
  });

  it('unfollow: no reply, the resident is marked blocked, the state reset', () => {
    const r = handleTurn(
      { v: 1, lastEntryId: 'conveni', candidates: ['a'] },
      { kind: 'unfollow', source: 'user' },
      makeDeps(),
    );
    expect(r).toEqual({ replies: [], next: initialDialogState, effects: [{ type: 'blocked' }] });
  });
});

describe('commands', () => {
  it.each([
    ['メニュー', 'メニュー'],
    ['めにゅー', 'メニュー'],
    ['使い方', '使い方'],
    ['ヘルプ', '使い方'],
    // The settings screens themselves are tested in settings.test.ts (they need the settings).
    ['設定', '通知設定'],
    ['通知設定', '通知設定'],
    ['人と話したい', '人と話したいときは、こちらへお問い合わせください'],
    ['問い合わせ', 'テスト市役所'],
    ['こんにちは', 'こんにちは。テスト市の「窓口」です'],
    ['ありがとう！', 'どういたしまして'],
  ])('%s', (input, expected) => {
    const r = handleTurn(initialDialogState, text(input), makeDeps());
    expect(textOf(r.replies)).toContain(expected);
    expect(r.effects).toEqual([]); // commands are not FAQ questions
    expectWithinLimits(r.replies);
  });

  it('a topic word lists the questions of that category', () => {
    const r = handleTurn(initialDialogState, text('マイナンバーカード'), makeDeps());
    expect(postbacksOf(r.replies)).toEqual(
      expect.arrayContaining(['a=show&id=conveni', 'a=show&id=apply']),
    );
    expect(postbacksOf(r.replies)).not.toContain('a=show&id=linepay');
  });

  it('without a category listing, a topic searches its name', () => {
    const calls: string[] = [];
    const deps = makeDeps({
      topic: undefined,
      search: (q) => (calls.push(q), { status: 'no_answer', results: [] }),
    });
    const r = handleTurn(initialDialogState, postback('a=topic&t=cashless'), deps);
    expect(calls).toEqual(['キャッシュレス']);
    expect(textOf(r.replies)).toContain('キャッシュレスの案内は、まだ用意していません');
  });

  it('問い合わせ先 lists the departments with what they handle and phones only from city.yaml', () => {
    const r = handleTurn(initialDialogState, postback('a=topic&t=contact'), makeDeps());
    const seen = textOf(r.replies);
    expect(seen).toContain('市民窓口課 市役所1階（住民票、戸籍）');
    expect(seen).toContain('収納課 電話: 0568-00-0000');
  });

  it('every rich menu and greeting postback gets a reply within limits', () => {
    for (const data of [
      ...TOPICS.map((t) => `a=topic&t=${t.id}`),
      'a=menu',
      'a=help',
      'a=settings',
      'a=contact',
    ]) {
      const r = handleTurn(initialDialogState, postback(data), makeDeps());
      expect(r.replies.length, data).toBeGreaterThan(0);
      expectWithinLimits(r.replies);
    }
  });

  it('unknown or tampered postbacks are ignored safely', () => {
    for (const data of ['', 'a=drop&id=x', 'a=fb&id=conveni&v=2', 'x'.repeat(400), 'a=show']) {
      const state = { v: 1 as const, lastEntryId: 'conveni', candidates: [] };
      expect(handleTurn(state, postback(data), makeDeps())).toEqual({
        replies: [],
        next: state,
        effects: [],
      });
    }
  });
});

describe('feedback', () => {
  it('「役に立った」 records helpful feedback and thanks', () => {
    const r = handleTurn(initialDialogState, postback('a=fb&id=conveni&v=1'), makeDeps());
    expect(r.effects).toEqual([{ type: 'feedback', entryId: 'conveni', helpful: true }]);
    expect(textOf(r.replies)).toContain('ありがとうございます');
  });

  it('「役に立たなかった」 records it and offers the department and the city contact', () => {
    const r = handleTurn(initialDialogState, postback('a=fb&id=linepay&v=0'), makeDeps());
    expect(r.effects).toEqual([{ type: 'feedback', entryId: 'linepay', helpful: false }]);
    const seen = textOf(r.replies);
    expect(seen).toContain('お役に立てず');
    expect(seen).toContain('この質問の担当は、こちらです。\n収納課\n電話: 0568-00-0000');
    expect(seen).toContain('tel:0568000000');
    expect(seen).toContain('テスト市役所');
    expectWithinLimits(r.replies);
  });

  it('feedback on an entry that no longer exists is not recorded', () => {
    const r = handleTurn(initialDialogState, postback('a=fb&id=gone&v=1'), makeDeps());
    expect(r.effects).toEqual([]);
  });
});

describe('badges and 「時点」', () => {
  it('a planned answer carries 「計画中」', () => {
    const r = handleTurn(initialDialogState, text('申請手伝い'), makeDeps());
    expect(textOf(r.replies)).toContain('計画中');
    expect(r.replies[0]).toMatchObject({
      altText: '【計画中】マイナンバーカードの申請を手伝ってもらえますか？',
    });
  });

  it('an ended answer carries 「終了」 and its date', () => {
    const r = handleTurn(initialDialogState, text('ラインペイ'), makeDeps());
    expect(textOf(r.replies)).toContain('終了');
    expect(textOf(r.replies)).toContain('2025年4月時点の情報です');
  });

  it('a live answer has no badge', () => {
    const r = handleTurn(initialDialogState, text('住民票コンビニ'), makeDeps());
    expect(textOf(r.replies)).not.toMatch(/計画中|終了/);
  });

  it('an answer past its valid_until warns that it may be out of date', () => {
    const r = handleTurn(initialDialogState, text('古い'), makeDeps());
    expect(textOf(r.replies)).toContain('古くなっている可能性があります');
    const before = handleTurn(
      initialDialogState,
      text('古い'),
      makeDeps({ now: new Date('2020-03-15T00:00:00Z') }),
    );
    expect(textOf(before.replies)).not.toContain('古くなっている可能性があります');
  });
});

describe('media', () => {
  it.each(['sticker', 'image', 'video', 'audio', 'file', 'location'] as const)(
    '%s gets a friendly pointer to text and buttons',
    (media) => {
      const r = handleTurn(
        initialDialogState,
        { kind: 'media', media, source: 'user' },
        makeDeps(),
      );
      expect(textOf(r.replies)).toContain('文字で送るか、下のボタンから選んでください');
      expect(r.effects).toEqual([]);
      expectWithinLimits(r.replies);
    },
  );
});

describe('state', () => {
  it('every next state is valid and JSON-serialisable', () => {
    const deps = makeDeps();
    let state = initialDialogState;
    for (const input of [
      text('カード'),
      text('住民票コンビニ'),
      postback('a=fb&id=conveni&v=0'),
      text('1'),
    ]) {
      state = handleTurn(state, input, deps).next;
      expect(DialogStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
    }
  });
});
