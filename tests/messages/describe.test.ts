import { describe, expect, it } from 'vitest';
import { answerCard, describeMessages, renderReplies, textView } from '../../src/messages/index.js';
import { templates } from '../dialog/fixture.js';

describe('describeMessages', () => {
  it('reads a Flex answer card as text with numbered buttons, then quick replies', () => {
    const view = answerCard({
      title: '質問',
      answer: '答えです。',
      badge: '計画中',
      asOf: '2024年3月時点の情報です',
      links: [{ label: '案内', url: 'https://example.lg.jp/' }],
      helpful: { label: '役に立った', postback: 'a=fb&id=x&v=1' },
      unhelpful: { label: '役に立たなかった', postback: 'a=fb&id=x&v=0' },
      quick: [{ label: 'メニュー', postback: 'a=menu' }],
    });
    const d = describeMessages(renderReplies([textView('こんにちは'), view], templates));
    expect(d.lines).toEqual([
      'こんにちは',
      '',
      '計画中',
      '質問',
      '答えです。',
      '',
      '2024年3月時点の情報です',
      '  [1] 案内 → https://example.lg.jp/',
      '  [2] 役に立った',
      '  [3] 役に立たなかった',
      '',
      'すぐに選べる返事:',
      '  [4] メニュー',
    ]);
    expect(d.taps.map((t) => t.action)).toEqual([
      expect.objectContaining({ type: 'uri' }),
      expect.objectContaining({ type: 'postback', data: 'a=fb&id=x&v=1' }),
      expect.objectContaining({ type: 'postback', data: 'a=fb&id=x&v=0' }),
      expect.objectContaining({ type: 'postback', data: 'a=menu' }),
    ]);
  });
});
