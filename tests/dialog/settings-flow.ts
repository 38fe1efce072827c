/**
 * A resident's whole 通知設定 journey through `handleEvent`, asserting what they see and what the
 * audience counts become. Run on the memory audience (settings.test.ts) and on Redis
 * (settings.redis.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Audience } from '../../src/ports.js';
import { checkMessages } from '../../src/messages/index.js';
import { ev, makeBot, postbacksOf, rowsOf, textOf } from './settings-harness.js';
import type { Bot } from './settings-harness.js';

const U = 'U0123456789abcdef0123456789abcdef';
const V = 'Ufedcba9876543210fedcba9876543210';

export function settingsFlow(
  name: string,
  make: () => Promise<{ audience: Audience; cleanup(): Promise<void> }>,
): void {
  describe(`通知設定 through handleEvent (${name})`, () => {
    let audience: Audience;
    let cleanup: () => Promise<void>;
    let bot: Bot;
    beforeEach(async () => {
      ({ audience, cleanup } = await make());
      bot = makeBot(audience);
    });
    afterEach(async () => {
      await cleanup();
    });

    it('a new friend gets 防災・緊急 only, sees it with ✓, and each tap counts at once', async () => {
      const greeting = await bot.send(ev.follow(U));
      expect(textOf(greeting)).toContain('お知らせは、まず「防災・緊急」が届きます');
      expect(postbacksOf(greeting)).toContain('a=settings');
      expect(await audience.count({ all: true })).toBe(1);
      expect(await audience.count({ topics: ['bousai'] })).toBe(1);
      expect(await audience.count({ topics: ['kosodate'] })).toBe(0);

      const card = await bot.send(ev.text(U, '通知設定'));
      expect(card).toHaveLength(1);
      expect(card[0]!.type).toBe('flex');
      expect(checkMessages(card)).toEqual([]);
      const rows = rowsOf(card);
      // Chosen: a tap turns it off, and the row shows ✓ 受け取る; the others show 受け取らない.
      expect(rows.get('a=set&topic=bousai&on=0')).toBe('✓ 防災・緊急 受け取る');
      expect(rows.get('a=set&topic=kosodate&on=1')).toBe('□ 子育て 受け取らない');
      expect(rows.get('a=choose&what=area')).toBe('地区 答えていません 変える ›');
      expect(rows.get('a=choose&what=age')).toBe('年代 答えていません 変える ›');
      expect(postbacksOf(card)).toContain('a=stop');

      const on = await bot.send(ev.postback(U, 'a=set&topic=kosodate&on=1'));
      expect(on).toHaveLength(1);
      expect(textOf(on)).toContain('「子育て」のお知らせを受け取ります。');
      expect(textOf(on)).toContain('受け取るお知らせ: 防災・緊急、子育て');
      expect(await audience.count({ topics: ['kosodate'] })).toBe(1);

      // A second tap on the same (older) button does what its label said: nothing more.
      await bot.send(ev.postback(U, 'a=set&topic=kosodate&on=1'));
      expect(await audience.getSettings(U)).toEqual({
        topics: ['bousai', 'kosodate'],
        stopped: false,
      });

      const off = await bot.send(ev.postback(U, 'a=set&topic=bousai&on=0'));
      expect(textOf(off)).toContain('「防災・緊急」のお知らせは、受け取らないようにしました。');
      expect(await audience.count({ topics: ['bousai'] })).toBe(0);

      const again = rowsOf(await bot.send(ev.postback(U, 'a=settings')));
      expect(again.get('a=set&topic=bousai&on=1')).toBe('□ 防災・緊急 受け取らない');
      expect(again.get('a=set&topic=kosodate&on=0')).toBe('✓ 子育て 受け取る');
    });

    it('area and age are chosen from buttons, and 答えない clears them', async () => {
      await bot.send(ev.follow(U));
      const areas = await bot.send(ev.postback(U, 'a=choose&what=area'));
      expect(textOf(areas)).toContain('地区を選んでください');
      expect(postbacksOf(areas)).toEqual(
        expect.arrayContaining(['a=set&area=中部', 'a=set&area=北里', 'a=set&area=']),
      );
      expect(checkMessages(areas)).toEqual([]);

      const chosen = await bot.send(ev.postback(U, 'a=set&area=東部'));
      expect(textOf(chosen)).toContain('地区を「東部」にしました。');
      expect(await audience.count({ areas: ['東部'] })).toBe(1);
      expect(await audience.count({ topics: ['bousai'], areas: ['東部', '中部'] })).toBe(1);

      const ages = await bot.send(ev.postback(U, 'a=choose&what=age'));
      expect(postbacksOf(ages)).toEqual(
        expect.arrayContaining(['a=set&age=10s', 'a=set&age=70plus', 'a=set&age=']),
      );
      expect(textOf(await bot.send(ev.postback(U, 'a=set&age=70plus')))).toContain(
        '年代を「70代以上」にしました。',
      );
      expect(await audience.count({ ages: ['70plus'], areas: ['東部'] })).toBe(1);
      const card = rowsOf(await bot.send(ev.text(U, '設定')));
      expect(card.get('a=choose&what=area')).toBe('地区 東部 変える ›');
      expect(card.get('a=choose&what=age')).toBe('年代 70代以上 変える ›');
      // The chooser marks the current choice.
      expect(textOf(await bot.send(ev.postback(U, 'a=choose&what=age')))).toContain('70代以上 ✓');

      expect(textOf(await bot.send(ev.postback(U, 'a=set&area=')))).toContain(
        '地区は「答えない」にしました。',
      );
      await bot.send(ev.postback(U, 'a=set&age='));
      expect(await audience.count({ areas: ['東部'] })).toBe(0);
      expect(await audience.count({ ages: ['70plus'] })).toBe(0);
      expect(await audience.getSettings(U)).toEqual({ topics: ['bousai'], stopped: false });
    });

    it('配信停止 stops everything (even notices to everyone) until 再開', async () => {
      await bot.send(ev.follow(U));
      await bot.send(ev.follow(V));
      const stop = await bot.send(ev.postback(U, 'a=stop'));
      expect(textOf(stop)).toContain('お知らせの配信を止めました');
      expect(postbacksOf(stop)[0]).toBe('a=resume');
      expect(await audience.count({ all: true })).toBe(1);
      expect(await audience.count({ topics: ['bousai'] })).toBe(1);

      const card = await bot.send(ev.text(U, '通知設定'));
      expect(textOf(card)).toContain('いまは配信を停止しています');
      expect(postbacksOf(card)).toContain('a=resume');
      // Choosing a topic while stopped is kept, and says it will come after 再開.
      const on = await bot.send(ev.postback(U, 'a=set&topic=event&on=1'));
      expect(textOf(on)).toContain('いまは配信停止中です。再開すると届きます。');
      expect(await audience.count({ topics: ['event'] })).toBe(0);

      const resume = await bot.send(ev.postback(U, 'a=resume'));
      expect(textOf(resume)).toContain('お知らせの配信を再開しました。');
      expect(textOf(resume)).toContain('受け取るお知らせ: 防災・緊急、イベント・講座');
      expect(await audience.count({ all: true })).toBe(2);
      expect(await audience.count({ topics: ['event'] })).toBe(1);
    });

    it('a block removes the resident from every count; following again keeps their choices', async () => {
      await bot.send(ev.follow(U));
      await bot.send(ev.postback(U, 'a=set&topic=kenko&on=1'));
      expect(await bot.send(ev.unfollow(U))).toEqual([]);
      expect(await audience.count({ all: true })).toBe(0);
      expect(await audience.count({ topics: ['kenko'] })).toBe(0);

      await bot.send(ev.follow(U));
      expect(await audience.count({ topics: ['kenko'] })).toBe(1);
      expect(await audience.getSettings(U)).toEqual({
        topics: ['bousai', 'kenko'],
        stopped: false,
      });
    });
  });
}
