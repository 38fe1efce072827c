import { describe, expect, it } from 'vitest';
import { handleTurn, initialDialogState, type TurnInput } from '../../src/dialog/index.js';
import {
  city,
  expectWithinLimits,
  makeDeps,
  postbacksOf,
  scriptedSearch,
  textOf,
} from './fixture.js';

const text = (t: string): TurnInput => ({ kind: 'text', text: t, source: 'user' });

describe('a question that is answered', () => {
  const deps = makeDeps();
  const r = handleTurn(initialDialogState, text('住民票コンビニ'), deps);

  it('replies with one answer card within LINE limits', () => {
    expect(r.replies).toHaveLength(1);
    expect(r.replies[0]!.type).toBe('flex');
    expectWithinLimits(r.replies);
  });

  it('shows the title, the answer, the department, the link and 「時点」', () => {
    const seen = textOf(r.replies);
    expect(seen).toContain('住民票の写しはコンビニで取れますか？');
    expect(seen).toContain('マイナンバーカードと暗証番号');
    expect(seen).toContain('担当: 市民窓口課');
    expect(seen).toContain('問い合わせ: 市役所1階');
    expect(seen).toContain('https://www.example.lg.jp/conveni');
    expect(seen).toContain('2024年3月時点の情報です');
  });

  it('has feedback buttons for the entry, and related questions as quick replies', () => {
    const data = postbacksOf(r.replies);
    expect(data).toContain('a=fb&id=conveni&v=1');
    expect(data).toContain('a=fb&id=conveni&v=0');
    expect(data).toContain('a=show&id=apply');
    expect(data.some((d) => d.includes('missing'))).toBe(false); // a related id that does not exist
    expect(textOf(r.replies)).toContain('役に立たなかった');
    expect(data).toContain('a=contact&id=conveni'); // always a way to a person
  });

  it('remembers the entry and records the question', () => {
    expect(r.next).toEqual({ v: 1, lastEntryId: 'conveni', candidates: [] });
    expect(r.effects).toEqual([
      { type: 'asked', query: '住民票コンビニ', status: 'answered', topId: 'conveni', score: 0.9 },
    ]);
  });
});

describe('an ambiguous question', () => {
  const deps = makeDeps();
  const r = handleTurn(initialDialogState, text('カード'), {
    ...deps,
    search: scriptedSearch({
      カード: { status: 'ambiguous', ids: ['conveni', 'apply', 'linepay', 'old'] },
    }),
  });

  it('offers at most 3 candidates as buttons under 「もしかして」', () => {
    const seen = textOf(r.replies);
    expect(seen).toContain('もしかして');
    const shows = postbacksOf(r.replies).filter((d) => d.startsWith('a=show'));
    expect(shows).toEqual(['a=show&id=conveni', 'a=show&id=apply', 'a=show&id=linepay']);
    expect(postbacksOf(r.replies)).toContain('a=none');
    expectWithinLimits(r.replies);
    expect(r.next.candidates).toEqual(['conveni', 'apply', 'linepay']);
    expect(r.effects[0]).toMatchObject({ type: 'asked', status: 'ambiguous', topId: 'conveni' });
  });

  it('a candidate tap shows that answer', () => {
    const next = handleTurn(
      r.next,
      { kind: 'postback', data: 'a=show&id=apply', source: 'user' },
      deps,
    );
    expect(textOf(next.replies)).toContain('マイナンバーカードの申請を手伝ってもらえますか？');
    expect(next.next).toEqual({ v: 1, lastEntryId: 'apply', candidates: [] });
  });

  it('typing a number (also full-width) picks that candidate', () => {
    const two = handleTurn(r.next, text('２'), deps);
    expect(textOf(two.replies)).toContain('マイナンバーカードの申請を手伝ってもらえますか？');
    const none = handleTurn(initialDialogState, text('2'), deps); // no pending candidates: a question
    expect(none.effects[0]).toMatchObject({ type: 'asked', status: 'no_answer' });
  });

  it('「どれでもない」 gives the honest fallback with the city contact', () => {
    const none = handleTurn(r.next, { kind: 'postback', data: 'a=none', source: 'user' }, deps);
    expect(textOf(none.replies)).toContain('テスト市役所');
    expect(none.next.candidates).toEqual([]);
  });
});

describe('a question with no answer', () => {
  it('says so honestly, names the city contact and offers the topics', () => {
    const r = handleTurn(initialDialogState, text('次のスマホ教室は何日？'), makeDeps());
    const seen = textOf(r.replies);
    expect(seen).toContain('お答えできる情報が見つかりませんでした');
    expect(seen).toContain('テスト市役所');
    expect(seen).toContain('担当課がわからないときは代表窓口へ');
    expect(seen).not.toMatch(/電話/); // city.yaml gives no phone: none is invented
    expect(postbacksOf(r.replies)).toEqual(
      expect.arrayContaining(['a=topic&t=online', 'a=topic&t=digital']),
    );
    expect(r.effects).toEqual([
      { type: 'asked', query: '次のスマホ教室は何日?', status: 'no_answer' },
    ]);
    expectWithinLimits(r.replies);
  });

  it('names the department whose words the question uses, with its phone from city.yaml', () => {
    const r = handleTurn(initialDialogState, text('市税の納付書をなくした'), makeDeps());
    const seen = textOf(r.replies);
    expect(seen).toContain('収納課が担当しています');
    expect(seen).toContain('0568-00-0000');
  });

  it('masks phone numbers and e-mails in the recorded question', () => {
    const r = handleTurn(
      initialDialogState,
      text('090-1234-5678 か taro@example.com に連絡して'),
      makeDeps(),
    );
    expect(r.effects).toEqual([
      { type: 'asked', query: '[電話番号] か [メール] に連絡して', status: 'no_answer' },
    ]);
  });
});

describe('without templates', () => {
  it('answers in plain text with the buttons as quick replies', () => {
    const r = handleTurn(
      initialDialogState,
      text('住民票コンビニ'),
      makeDeps({ templates: undefined }),
    );
    expect(r.replies[0]).toMatchObject({ type: 'text' });
    const seen = textOf(r.replies);
    expect(seen).toContain('住民票の写しはコンビニで取れますか？');
    expect(seen).toContain('2024年3月時点の情報です');
    expect(postbacksOf(r.replies)).toContain('a=fb&id=conveni&v=0');
    expectWithinLimits(r.replies);
  });
});

describe('a very long answer', () => {
  it('is cut at a sentence with 「続きは」, never refused by LINE', () => {
    const base = makeDeps();
    const long = {
      ...base.entry('conveni')!,
      answer: 'とても長い説明の文です。'.repeat(900),
      links: [],
    };
    const deps = makeDeps({
      entry: (id) => (id === 'conveni' ? long : base.entry(id)),
      search: () => ({ status: 'answered', results: [{ entry: long, score: 1 }] }),
    });
    const r = handleTurn(initialDialogState, text('長い'), deps);
    expect(r.replies[0]!.type).toBe('flex');
    expectWithinLimits(r.replies);
    expect(textOf(r.replies)).toContain('続きは担当課へお問い合わせください。');
    const plain = handleTurn(initialDialogState, text('長い'), { ...deps, templates: undefined });
    expectWithinLimits(plain.replies);
    expect(city.name).toBe('テスト市');
  });
});
