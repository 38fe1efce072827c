// スマホ教室 in the conversation (handleTurn): schedule questions get a carousel of the matching
// upcoming classes (soonest first, ≤ 10, each with date, time, venue, how to join and 前日に通知),
// general questions still go to the FAQ, nothing matching says so with the nearest and whom to ask.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import { handleTurn, initialDialogState, type TurnInput } from '../../src/dialog/index.js';
import type { DialogDeps } from '../../src/dialog/index.js';
import type { ClassItemInput, ClassReminder, DialogState } from '../../src/schema/index.js';
import { CLASSES, NOW, catalog } from '../classes/fixture.js';
import { expectWithinLimits, makeDeps, postbacksOf, textOf } from './fixture.js';

beforeAll(() => {
  vi.stubEnv('TZ', 'UTC');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const text = (t: string, source: TurnInput['source'] = 'user'): TurnInput => ({
  kind: 'text',
  text: t,
  source,
});
const tap = (data: string, source: TurnInput['source'] = 'user'): TurnInput => ({
  kind: 'postback',
  data,
  source,
});

function deps(
  over: Partial<DialogDeps> = {},
  classes = catalog(),
): DialogDeps & { asked: string[] } {
  const asked: string[] = [];
  const base = makeDeps({ now: NOW, classes, ...over });
  const search = base.search;
  return Object.assign(base, {
    asked,
    search: (q: string) => {
      asked.push(q);
      return search(q);
    },
  });
}

/** Every string in one bubble. */
const words = (v: unknown): string => textOf([v] as messagingApi.Message[]);

/** The bubbles of the carousel in a reply. */
function bubbles(replies: messagingApi.Message[]): messagingApi.FlexBubble[] {
  const flex = replies.find((m) => m.type === 'flex') as messagingApi.FlexMessage | undefined;
  const c = flex?.contents;
  return c?.type === 'carousel' ? c.contents : [];
}

const run = (input: TurnInput, d = deps(), state: DialogState = initialDialogState) =>
  handleTurn(state, input, d);

describe('schedule questions', () => {
  it('「来週のスマホ教室ある？」: a carousel of next week’s classes with date, venue, how to join', () => {
    const d = deps();
    const r = run(text('来週のスマホ教室ある？'), d);
    expect(d.asked).toEqual([]);
    const seen = textOf(r.replies);
    expect(seen).toContain('「来週（11月16日〜22日）」に合うスマホ教室・相談会は2件あります');
    const b = bubbles(r.replies);
    expect(b).toHaveLength(2);
    expect(words(b[0])).toContain('11月17日(火) 13:30〜15:30');
    expect(words(b[0])).toContain('老人福祉センター（中部）');
    expect(words(b[0])).toContain('予約不要');
    expect(words(b[1])).toContain('11月21日(土) 10:00〜11:00');
    expect(words(b[1])).toContain('電話で申し込み 0568-00-1111');
    expect(postbacksOf(r.replies)).toEqual(
      expect.arrayContaining(['a=rem&c=tue-dropin', 'a=rem&c=sat-kobetsu']),
    );
    expect(textOf(r.replies)).toContain('前日に通知');
    expect(r.next.classesShown).toBe(true);
    expect(r.effects).toEqual([
      { type: 'asked', query: '来週のスマホ教室ある?', status: 'answered' },
    ]);
    expectWithinLimits(r.replies);
  });

  it('「予約いらない相談会」: only drop-in classes, the one open now marked', () => {
    const r = run(text('予約いらない相談会'));
    const b = bubbles(r.replies);
    expect(b.map((x) => words(x).match(/(\d+年)?\d+月\d+日\([^)]+\)/)?.[0])).toEqual([
      '11月11日(水)',
      '11月17日(火)',
      '2027年1月9日(土)',
    ]);
    expect(words(b[0])).toContain('開催中');
    expectWithinLimits(r.replies);
  });

  it('a call button for phone booking, the form for form booking', () => {
    const r = run(text('12月のスマホ教室'));
    const all = JSON.stringify(r.replies);
    expect(all).toContain('https://example.lg.jp/form');
    const r2 = run(text('個別相談会の日程'));
    expect(JSON.stringify(r2.replies)).toContain('tel:0568001111');
  });

  it('general questions about what スマホ教室 are still go to the FAQ', () => {
    for (const q of ['スマホ教室って何をするの？', 'スマホ教室はありますか？']) {
      const d = deps();
      run(text(q), d);
      expect(d.asked).toEqual([q]);
    }
  });

  it('past and cancelled classes never show', () => {
    const r = run(text('次のスマホ教室いつ？'));
    const seen = textOf(r.replies);
    expect(seen).not.toContain('11月10日');
    expect(seen).not.toContain('11月18日');
    expect(bubbles(r.replies)).toHaveLength(6);
  });

  it('nothing matches: says so, shows the nearest, gives whom to ask', () => {
    const r = run(text('明日のスマホ教室'));
    const seen = textOf(r.replies);
    expect(seen).toContain(
      '「明日（11月12日(木)）」に合うスマホ教室・相談会は、いまの予定にはありません',
    );
    expect(seen).toContain('近い日程のものをお見せします');
    expect(seen).toContain('日程のお問い合わせ: 行政改革課 電話 0568-00-1111');
    expect(bubbles(r.replies)).toHaveLength(3);
    expect(r.effects).toEqual([{ type: 'asked', query: '明日のスマホ教室', status: 'no_answer' }]);
  });

  it('nothing upcoming at all: the contact and a call button', () => {
    const r = run(text('次のスマホ教室いつ？'), deps({ now: new Date('2027-03-01T00:00:00Z') }));
    expect(textOf(r.replies)).toContain('いま予定に載っているスマホ教室・相談会はありません');
    expect(JSON.stringify(r.replies)).toContain('tel:0568001111');
  });

  it('a follow-up after a list (「土曜は？」) is read as a schedule question', () => {
    const first = run(text('次のスマホ教室いつ？'));
    const r = run(text('土曜は？'), deps(), first.next);
    expect(textOf(r.replies)).toContain('「土曜」に合うスマホ教室・相談会は4件あります');
  });

  it('the turn of the year in Japan while the server says Dec 31: 「今日」 is Jan 1', () => {
    const newYear: ClassItemInput = { ...CLASSES[3]!, id: 'ny', date: '2027-01-01' };
    const d = deps({ now: new Date('2026-12-31T15:30:00Z') }, catalog([...CLASSES, newYear]));
    const r = run(text('今日やってるスマホ相談ある？'), d);
    expect(textOf(r.replies)).toContain(
      '「今日（1月1日(金)）・相談会」に合うスマホ教室・相談会は1件あります',
    );
  });

  it('a sample schedule says so under every class', () => {
    const r = run(text('次のスマホ教室いつ？'), deps({}, catalog(CLASSES, true)));
    expect(textOf(r.replies)).toContain('見本の日程です');
  });

  it('without templates: plain text, numbered, 前日に通知 as quick replies', () => {
    const d = deps();
    delete d.templates;
    const r = run(text('来週のスマホ教室ある？'), d);
    expect(r.replies.every((m) => m.type === 'text')).toBe(true);
    const last = r.replies[r.replies.length - 1] as messagingApi.TextMessage;
    expect(last.text).toContain('1. ふらっと・スマホ相談会');
    expect(last.quickReply?.items?.map((i) => i.action?.label)).toEqual(
      expect.arrayContaining(['1: 前日に通知', '2: 前日に通知']),
    );
  });

  it('a city without a schedule: class questions go to the FAQ', () => {
    const d = deps({}, undefined as never);
    delete d.classes;
    run(text('来週のスマホ教室ある？'), d);
    expect(d.asked).toEqual(['来週のスマホ教室ある？']);
  });
});

describe('reminders in the conversation', () => {
  const mine = (classId: string): ClassReminder => {
    const c = catalog().byId(classId)!;
    return {
      classId,
      title: c.title,
      registeredAt: NOW.toISOString(),
      slot: { date: c.date, start: c.start, end: c.end, venue: c.venue.name },
      version: 1,
    };
  };

  it('前日に通知: an effect with the slot, and the reply says the day', () => {
    const r = run(tap('a=rem&c=sat-beginners'), deps({ reminders: [] }));
    expect(r.effects).toEqual([
      {
        type: 'remind',
        classId: 'sat-beginners',
        title: 'スマホ教室（はじめての方）',
        slot: { date: '2026-11-14', start: '10:00', end: '12:00', venue: '味岡市民センター' },
      },
    ]);
    expect(textOf(r.replies)).toContain('前の日の11月13日(金) 10時ごろ');
    expect(postbacksOf(r.replies)).toEqual(
      expect.arrayContaining(['a=rems', 'a=unrem&c=sat-beginners']),
    );
  });

  it('reminders not readable: says so, no effect', () => {
    const r = run(tap('a=rem&c=sat-beginners'), deps());
    expect(r.effects).toEqual([]);
    expect(textOf(r.replies)).toContain('読み込めませんでした');
  });

  it('at most eight', () => {
    const eight = Array.from({ length: 8 }, (_, i) => ({
      ...mine('dec-mynumber'),
      classId: `x${i}`,
    }));
    const r = run(tap('a=rem&c=sat-beginners'), deps({ reminders: eight }));
    expect(r.effects).toEqual([]);
    expect(textOf(r.replies)).toContain('8件まで');
  });

  it('in a group: only in the 1:1 chat', () => {
    const r = run(tap('a=rem&c=sat-beginners', 'group'), deps({ reminders: [] }));
    expect(r.effects).toEqual([]);
    expect(textOf(r.replies)).toContain('1対1のトーク');
  });

  it('通知の確認 and 取り消す', () => {
    const d = deps({ reminders: [mine('dec-mynumber'), mine('sat-beginners')] });
    const list = run(text('通知の確認'), d);
    expect(textOf(list.replies)).toContain('2件あります');
    expect(textOf(list.replies)).toContain(
      '取り消す：11月14日(土) 10:00〜12:00 スマホ教室（はじめての方）',
    );
    expectWithinLimits(list.replies);
    const cancel = run(tap('a=unrem&c=sat-beginners'), d);
    expect(cancel.effects).toEqual([{ type: 'unremind', classId: 'sat-beginners' }]);
    expect(postbacksOf(cancel.replies)).toContain('a=rem&c=sat-beginners');
    const none = run(text('通知の確認'), deps({ reminders: [] }));
    expect(textOf(none.replies)).toContain('いま登録している通知はありません');
  });

  it('unknown or tampered class postbacks are refused without effects', () => {
    expect(run(tap('a=rem&c=../../etc'), deps({ reminders: [] })).replies).toEqual([]);
    expect(run(tap('a=rem&c=nope'), deps({ reminders: [] })).effects).toEqual([]);
  });
});

describe('the スマホ教室 topic', () => {
  it('leads to the schedule when the city keeps one', () => {
    const r = run(tap('a=topic&t=digital'));
    expect(postbacksOf(r.replies)).toContain('a=cls');
    const next = run(tap('a=cls'));
    expect(textOf(next.replies)).toContain('これからのスマホ教室・相談会は6件あります');
    const d = deps();
    delete d.classes;
    expect(postbacksOf(run(tap('a=topic&t=digital'), d).replies)).not.toContain('a=cls');
  });
});
