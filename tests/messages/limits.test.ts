import { describe, expect, it } from 'vitest';
import type { messagingApi } from '@line/bot-sdk';
import {
  LINE_LIMITS,
  checkMessages,
  clampLabel,
  clampUtf16,
  graphemeLength,
  truncateAnswer,
} from '../../src/messages/index.js';

const bubble = (contents: unknown[]): messagingApi.FlexBubble =>
  ({
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', contents },
  }) as messagingApi.FlexBubble;
const flex = (contents: messagingApi.FlexContainer, altText = 'alt'): messagingApi.FlexMessage => ({
  type: 'flex',
  altText,
  contents,
});
const button = (action: object) => ({ type: 'button', action });
const messages = (m: messagingApi.Message[]) => checkMessages(m).map((p) => p.message);

describe('checkMessages names every LINE limit it breaks', () => {
  it('at most 5 messages', () => {
    const text = { type: 'text', text: 'a' } as const;
    expect(messages([text, text, text, text, text])).toEqual([]);
    expect(messages([text, text, text, text, text, text])).toEqual(['6 messages (max 5)']);
  });

  it('text ≤ 5,000 UTF-16 units (an emoji counts 2) and not empty', () => {
    expect(messages([{ type: 'text', text: 'あ'.repeat(5000) }])).toEqual([]);
    expect(messages([{ type: 'text', text: 'あ'.repeat(4999) + '🍎' }])[0]).toMatch(
      /longer than 5000/,
    );
    expect(messages([{ type: 'text', text: '' }])).toEqual(['text is empty']);
  });

  it('altText ≤ 400', () => {
    expect(messages([flex(bubble([{ type: 'text', text: 'x' }]), 'a'.repeat(400))])).toEqual([]);
    expect(messages([flex(bubble([{ type: 'text', text: 'x' }]), 'a'.repeat(401))])[0]).toMatch(
      /altText longer than 400/,
    );
  });

  it('a bubble ≤ 30 KB', () => {
    expect(messages([flex(bubble([{ type: 'text', text: 'あ'.repeat(9900) }]))])).toEqual([]);
    expect(messages([flex(bubble([{ type: 'text', text: 'あ'.repeat(10_100) }]))])[0]).toMatch(
      /bubble is \d+ bytes \(max 30000\)/,
    );
  });

  it('a carousel ≤ 12 bubbles and ≤ 50 KB', () => {
    const small = bubble([{ type: 'text', text: 'x' }]);
    const carousel = (n: number, b = small) =>
      flex({ type: 'carousel', contents: Array(n).fill(b) } as messagingApi.FlexCarousel);
    expect(messages([carousel(12)])).toEqual([]);
    expect(messages([carousel(13)])).toEqual(['carousel has 13 bubbles (max 12)']);
    const big = bubble([{ type: 'text', text: 'あ'.repeat(6000) }]);
    expect(messages([carousel(3, big)])).toEqual([
      expect.stringMatching(/carousel is \d+ bytes \(max 50000\)/),
    ]);
  });

  it('quick reply: ≤ 13 items, labels ≤ 20', () => {
    const item = (label: string) => ({
      type: 'action',
      action: { type: 'message', label, text: 't' },
    });
    const withQuick = (items: object[]) =>
      ({ type: 'text', text: 'x', quickReply: { items } }) as messagingApi.TextMessage;
    expect(messages([withQuick(Array(13).fill(item('a'.repeat(20))))])).toEqual([]);
    expect(messages([withQuick(Array(14).fill(item('a')))])).toEqual(['14 quick replies (max 13)']);
    expect(messages([withQuick([item('あ'.repeat(21))])])[0]).toMatch(/label longer than 20/);
  });

  it('Flex button labels ≤ 40 graphemes (an emoji with a skin tone counts 1)', () => {
    const ok = button({ type: 'postback', label: 'あ'.repeat(39) + '👍🏽', data: 'a=1' });
    expect(messages([flex(bubble([ok]))])).toEqual([]);
    const long = button({ type: 'postback', label: 'あ'.repeat(41), data: 'a=1' });
    expect(messages([flex(bubble([long]))])[0]).toMatch(/label longer than 40/);
  });

  it('postback data and displayText ≤ 300, message text ≤ 300, uri ≤ 1000 with an allowed scheme', () => {
    const check = (action: object) => messages([flex(bubble([button({ label: 'l', ...action })]))]);
    expect(
      check({ type: 'postback', data: 'a'.repeat(300), displayText: 'd'.repeat(300) }),
    ).toEqual([]);
    expect(check({ type: 'postback', data: 'a'.repeat(301) })).toEqual([
      'data longer than 300 (301)',
    ]);
    expect(check({ type: 'postback', data: 'a', displayText: 'd'.repeat(301) })).toEqual([
      'displayText longer than 300 (301)',
    ]);
    expect(check({ type: 'message', text: 't'.repeat(301) })).toEqual([
      'text longer than 300 (301)',
    ]);
    expect(check({ type: 'uri', uri: 'https://x.jp/' + 'a'.repeat(1000) })[0]).toMatch(
      /uri longer than 1000/,
    );
    expect(check({ type: 'uri', uri: 'javascript:alert(1)' })).toEqual([
      'uri must be http(s), line: or tel:',
    ]);
    expect(check({ type: 'uri', uri: 'tel:0568000000' })).toEqual([]);
  });

  it('empty Flex texts and boxes (which LINE refuses)', () => {
    expect(messages([flex(bubble([{ type: 'text', text: '' }]))])).toEqual([
      'a Flex text must not be empty',
    ]);
    expect(messages([flex(bubble([{ type: 'box', layout: 'vertical', contents: [] }]))])).toEqual([
      'a Flex box must not be empty',
    ]);
  });
});

describe('shortening', () => {
  it('clampLabel counts graphemes and ends with …', () => {
    expect(clampLabel('あいうえお', 5)).toBe('あいうえお');
    expect(clampLabel('あいうえおか', 5)).toBe('あいうえ…');
    expect(graphemeLength(clampLabel('👨‍👩‍👧‍👦'.repeat(30), 20))).toBe(20);
  });

  it('clampUtf16 never splits a surrogate pair', () => {
    const s = clampUtf16('🍎'.repeat(10), 6);
    expect(s).toBe('🍎🍎…');
    expect(s.length).toBeLessThanOrEqual(6);
  });

  it('truncateAnswer cuts at a sentence end and adds the tail', () => {
    const answer = '一文目です。二文目です。三文目です。'.repeat(100);
    const cut = truncateAnswer(answer, 100, '続きは担当課へ。');
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/です。\n\n続きは担当課へ。$/);
    expect(truncateAnswer('短い答え。', 100, 'x')).toBe('短い答え。');
    expect(LINE_LIMITS.textUtf16).toBe(5000);
  });
});
