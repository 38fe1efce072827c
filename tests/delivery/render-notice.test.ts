import type { messagingApi } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { noticeText, renderNotice } from '../../src/delivery/index.js';
import { checkMessages } from '../../src/messages/index.js';
import { notice } from './fixture.js';

describe('renderNotice', () => {
  it('says who is writing and whom to ask in a text notice', () => {
    const [m] = renderNotice(notice(), '小牧市') as [messagingApi.TextMessage];
    expect(m.type).toBe('text');
    expect(m.text).toBe(
      [
        '【小牧市 上下水道部からのお知らせ】',
        '断水のお知らせ',
        '',
        '4月2日 9時から12時まで、中部地区で断水します。',
        '',
        'お問い合わせ: 上下水道部',
        '水道課 0568-76-1111',
      ].join('\n'),
    );
  });

  it('marks an urgent notice', () => {
    const [m] = renderNotice(notice({ urgent: true }), '小牧市') as [messagingApi.TextMessage];
    expect(m.text.startsWith('【【緊急】小牧市 上下水道部からのお知らせ】')).toBe(true);
  });

  it('fills a Flex layout with the department, contact, a call button and a link', () => {
    const n = notice({
      message: {
        type: 'flex',
        template: 'event',
        params: {
          date: '5月10日（日）10時〜12時',
          place: '市役所本庁舎 6階大会議室',
          body: 'スマホの基本操作を学ぶ教室です。',
          linkLabel: '申し込む',
          linkUrl: 'https://www.city.komaki.aichi.jp/smartphone',
        },
      },
      urgent: true,
    });
    const [m] = renderNotice(n, '小牧市') as [messagingApi.FlexMessage];
    expect(m.altText).toBe('【緊急】断水のお知らせ');
    const json = JSON.stringify(m.contents);
    for (const part of [
      '上下水道部',
      '水道課 0568-76-1111',
      'tel:0568761111',
      '申し込む',
      '#B71C1C',
      '5月10日',
    ]) {
      expect(json).toContain(part);
    }
    expect(json).not.toContain('{{');
    expect(json).not.toContain('$if');
    expect(checkMessages([m])).toEqual([]);
  });

  it('leaves out the optional parts that were not given', () => {
    const n = notice({
      contact: '市役所1階 窓口',
      message: { type: 'flex', template: 'notice', params: { body: '本文' } },
    });
    const [m] = renderNotice(n, '小牧市') as [messagingApi.FlexMessage];
    const json = JSON.stringify(m.contents);
    expect(json).not.toContain('tel:');
    expect(json).not.toContain('"uri"');
    expect(json).toContain('#0B6E4F');
  });

  it('lists every problem of the parameters at once', () => {
    const n = notice({
      message: {
        type: 'flex',
        template: 'event',
        params: { place: '', colour: 'red', linkUrl: 'http://x' },
      },
    });
    try {
      renderNotice(n, '小牧市');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'broadcast/bad-notice' });
      expect((e as { problems: string[] }).problems).toEqual([
        'message.params.date: required by "event"',
        'message.params.place: required by "event"',
        'message.params.colour: unknown parameter (known: date, place, body, fee, linkLabel, linkUrl)',
        'message.params.linkUrl: must be an https:// address',
        'message.params: give linkLabel and linkUrl together',
      ]);
    }
  });

  it('refuses a notice that breaks LINE limits (a text over 5,000 UTF-16 units)', () => {
    const n = notice({ message: { type: 'text', text: '🍎'.repeat(2490) } });
    expect(() => renderNotice(n, '小牧市')).toThrow(/LINE limits/);
  });

  it('has a plain-text form for terminals', () => {
    const n = notice({
      message: {
        type: 'flex',
        template: 'notice',
        params: { body: '本文です', linkLabel: '詳しく', linkUrl: 'https://example.jp/a' },
      },
    });
    expect(noticeText(n, '小牧市')).toContain('本文です\n詳しく: https://example.jp/a');
  });
});
