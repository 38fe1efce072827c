import { describe, expect, it } from 'vitest';
import { needsSettings } from '../../src/dialog/index.js';
import { checkMessages, LINE_LIMITS } from '../../src/messages/index.js';
import type { Audience } from '../../src/ports.js';
import { createMemoryAudience } from '../../src/store/audience/index.js';
import { CITY, ev, makeBot, postbacksOf, textOf } from './settings-harness.js';
import { settingsFlow } from './settings-flow.js';

const U = 'U0123456789abcdef0123456789abcdef';

settingsFlow('memory', async () => ({ audience: createMemoryAudience(), cleanup: async () => {} }));

/** An audience whose every call fails, as Redis does while it is down. */
function brokenAudience(): Audience {
  const fail = async (): Promise<never> => {
    throw new Error('connection lost');
  };
  return {
    getSettings: fail,
    setSettings: fail,
    markFollowed: fail,
    markBlocked: fail,
    count: fail,
    snapshot: fail,
    readSnapshot: () => ({
      [Symbol.asyncIterator]: () => ({ next: fail }),
    }),
    dropSnapshot: fail,
    stats: fail,
  };
}

describe('通知設定: edges', () => {
  it('in a group it points to the 1:1 chat and reads no settings', async () => {
    const audience = createMemoryAudience();
    const bot = makeBot(audience);
    const group = { type: 'group', groupId: 'C0123', userId: U };
    const r = await bot.send(ev.text(U, '窓口 通知設定', { source: group }));
    expect(textOf(r)).toContain('通知設定は、窓口との1対1のトークで選べます。');
    const tap = await bot.send(ev.postback(U, 'a=set&topic=kosodate&on=1'));
    expect(tap.length).toBe(1); // the same tap in the 1:1 chat works
    await bot.send({ ...ev.postback(U, 'a=set&topic=kenko&on=1'), source: group });
    expect(await audience.count({ topics: ['kenko'] })).toBe(0);
    expect(needsSettings({ kind: 'text', text: '通知設定', source: 'group' })).toBe(false);
  });

  it('says plainly when the settings cannot be read, and never confirms an unsaved change', async () => {
    const bot = makeBot(brokenAudience());
    expect(textOf(await bot.send(ev.follow(U)))).toContain('「窓口」です'); // the greeting still comes
    const card = await bot.send(ev.text(U, '通知設定'));
    expect(textOf(card)).toContain('通知設定を、いま読み込めませんでした');
    const tap = await bot.send(ev.postback(U, 'a=set&topic=kosodate&on=1'));
    expect(textOf(tap)).not.toContain('受け取ります');
    expect(bot.logger.messages('warn')).toContain('audience failed; continuing without it');
    // No user id in plain text in what was logged.
    expect(JSON.stringify(bot.logger.lines.map((l) => l.msg))).not.toContain(U);
  });

  it('never confirms when saving fails after a good read', async () => {
    const audience = createMemoryAudience();
    const failingSave: Audience = {
      ...audience,
      setSettings: async () => {
        throw new Error('READONLY');
      },
    };
    const bot = makeBot(failingSave);
    await bot.send(ev.follow(U));
    const tap = await bot.send(ev.postback(U, 'a=set&topic=kosodate&on=1'));
    expect(textOf(tap)).not.toContain('受け取ります');
    expect(textOf(tap)).toContain('ごめんなさい');
    expect(await audience.count({ topics: ['kosodate'] })).toBe(0);
  });

  it('ignores tampered taps, and shows the card for a topic or area the city no longer has', async () => {
    const audience = createMemoryAudience();
    const bot = makeBot(audience);
    await bot.send(ev.follow(U));
    const before = await audience.getSettings(U);
    const gone = await bot.send(ev.postback(U, 'a=set&topic=gomi&on=1'));
    expect(textOf(gone)).toContain('受け取るお知らせを選んでください');
    const noArea = await bot.send(ev.postback(U, 'a=set&area=火星'));
    expect(textOf(noArea)).toContain('受け取るお知らせを選んでください');
    for (const data of ['a=set&age=99s', 'a=set&topic=Bad!&on=1', 'a=set&topic=kosodate&on=2']) {
      expect(await bot.send(ev.postback(U, data))).toEqual([]);
    }
    expect(await audience.getSettings(U)).toEqual(before);
  });

  it('works as plain text without templates: ✓ lines and every switch as a quick reply', async () => {
    const bot = makeBot(createMemoryAudience(), { flex: false });
    await bot.send(ev.follow(U));
    const card = await bot.send(ev.text(U, '通知設定'));
    expect(card[0]!.type).toBe('text');
    const seen = textOf(card);
    expect(seen).toContain('✓ 防災・緊急');
    expect(seen).toContain('□ 子育て');
    expect(seen).toContain('地区: 答えていません');
    expect(postbacksOf(card)).toEqual(
      expect.arrayContaining(['a=set&topic=kosodate&on=1', 'a=choose&what=area', 'a=stop']),
    );
    expect(checkMessages(card)).toEqual([]);
  });

  it('has no area row when the city has no areas', async () => {
    const bot = makeBot(createMemoryAudience(), { city: { ...CITY, areas: [] } });
    await bot.send(ev.follow(U));
    const card = await bot.send(ev.text(U, '通知設定'));
    expect(postbacksOf(card)).not.toContain('a=choose&what=area');
    expect(postbacksOf(card)).toContain('a=choose&what=age');
  });

  it('keeps every settings postback within LINE limits, even for odd, long area names', async () => {
    const areas = Array.from({ length: 11 }, (_, i) => `${'長い地区名'.repeat(6)}&=+% ${i}`);
    const bot = makeBot(createMemoryAudience(), { city: { ...CITY, areas } });
    await bot.send(ev.follow(U));
    const choices = await bot.send(ev.postback(U, 'a=choose&what=area'));
    expect(choices).toHaveLength(2); // 8 areas per card
    expect(checkMessages(choices)).toEqual([]);
    const data = postbacksOf(choices);
    expect(data.length).toBeGreaterThan(11);
    for (const d of data) expect(d.length).toBeLessThanOrEqual(LINE_LIMITS.postbackData);
    // Reserved characters survive the round trip (the tap must name a known area).
    const last = data.find((d) => d.endsWith(encodeURIComponent('&=+% 10')))!;
    expect(textOf(await bot.send(ev.postback(U, last)))).toContain('地区を「');
  });
});
