import type { webhook } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { conversationKey, toTurnInput } from '../../src/app/index.js';

const E = (e: Record<string, unknown>) => e as unknown as webhook.Event;
const user = { type: 'user', userId: 'U1' };

describe('toTurnInput: every LINE event kind the dialog knows', () => {
  it('maps follow, unfollow and join', () => {
    expect(toTurnInput(E({ type: 'follow', source: user }))).toEqual({
      kind: 'follow',
      source: 'user',
    });
    expect(toTurnInput(E({ type: 'unfollow', source: user }))).toEqual({
      kind: 'unfollow',
      source: 'user',
    });
    expect(toTurnInput(E({ type: 'join', source: { type: 'room', roomId: 'R1' } }))).toEqual({
      kind: 'join',
      source: 'room',
    });
  });

  it('maps text (with a mention of the bot) and every media kind', () => {
    expect(
      toTurnInput(
        E({
          type: 'message',
          source: { type: 'group', groupId: 'C1', userId: 'U1' },
          message: {
            type: 'text',
            text: '@窓口 ごみ',
            mention: { mentionees: [{ index: 0, length: 3, type: 'user', isSelf: true }] },
          },
        }),
      ),
    ).toEqual({ kind: 'text', text: '@窓口 ごみ', source: 'group', mentioned: true });
    for (const media of ['sticker', 'image', 'video', 'audio', 'file', 'location'] as const) {
      expect(toTurnInput(E({ type: 'message', source: user, message: { type: media } }))).toEqual({
        kind: 'media',
        media,
        source: 'user',
      });
    }
  });

  it('maps postbacks, keeping only string params (datetime pickers, rich-menu switches)', () => {
    expect(
      toTurnInput(
        E({
          type: 'postback',
          source: user,
          postback: {
            data: 'a=show&id=x',
            params: { date: '2026-04-01', newRichMenuAliasId: 'm', n: 3 },
          },
        }),
      ),
    ).toEqual({
      kind: 'postback',
      data: 'a=show&id=x',
      params: { date: '2026-04-01', newRichMenuAliasId: 'm' },
      source: 'user',
    });
  });

  it('ignores what the conversation has no use for', () => {
    for (const e of [
      { type: 'leave', source: { type: 'group', groupId: 'C1' } },
      { type: 'memberJoined', source: { type: 'group', groupId: 'C1' } },
      { type: 'unsend', source: user },
      { type: 'hologram', source: user },
      { type: 'message', source: user, message: { type: 'poll' } },
      { type: 'follow' },
    ]) {
      expect(toTurnInput(E(e))).toBeUndefined();
    }
  });
});

describe('conversationKey', () => {
  it('keys state and ordering by the chat: user, group or room', () => {
    expect(conversationKey(E({ type: 'x', source: user }))).toBe('user:U1');
    expect(
      conversationKey(E({ type: 'x', source: { type: 'group', groupId: 'C1', userId: 'U1' } })),
    ).toBe('group:C1');
    expect(conversationKey(E({ type: 'x', source: { type: 'room', roomId: 'R1' } }))).toBe(
      'room:R1',
    );
    expect(conversationKey(E({ type: 'x' }))).toBeUndefined();
  });
});
