import { describe, expect, it } from 'vitest';
import { BadWebhookBodyError } from '../../src/line/index.js';
import { parseWebhookBody } from '../../src/line/webhook-body.js';

const raw = (body: unknown) => Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));

describe('parseWebhookBody', () => {
  it('rejects a body that is not JSON or has no events list', () => {
    expect(() => parseWebhookBody(raw('{"events": ['))).toThrow(BadWebhookBodyError);
    expect(() => parseWebhookBody(raw({ destination: 'U0' }))).toThrow(/events/);
    expect(() => parseWebhookBody(raw('[]'))).toThrow(BadWebhookBodyError);
  });

  it('accepts an empty events list (LINE’s connectivity check)', () => {
    expect(parseWebhookBody(raw({ destination: 'U0', events: [] }))).toEqual({
      destination: 'U0',
      events: [],
      dropped: [],
    });
  });

  it('keeps unknown event types and unknown fields untouched', () => {
    const future = { type: 'hologram', mode: 'active', timestamp: 1, newField: { deep: [1] } };
    const text = {
      type: 'message',
      message: { type: 'text', id: '1', text: 'やあ', markAsReadToken: 'm', brandNew: true },
      source: { type: 'user', userId: 'U1' },
      replyToken: 'rt',
    };
    const body = parseWebhookBody(raw({ events: [future, text], extra: 1 }));
    expect(body.events).toEqual([future, text]);
  });

  it('drops only the events whose known fields are malformed', () => {
    const body = parseWebhookBody(
      raw({
        events: [
          { type: 'message', message: { type: 'text' } },
          { type: 'postback', postback: {} },
          { nottype: true },
          { type: 'follow', source: { type: 'user', userId: 'U1' } },
        ],
      }),
    );
    expect(body.events.map((e) => e.type)).toEqual(['follow']);
    expect(body.dropped.map((d) => [d.index, d.type])).toEqual([
      [0, 'message'],
      [1, 'postback'],
      [2, '?'],
    ]);
  });
});
