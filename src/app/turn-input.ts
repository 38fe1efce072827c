/**
 * Maps LINE webhook events onto the dialog's `TurnInput`. Event types the conversation has no
 * use for (leave, memberJoined, unsend, types LINE adds later …) map to `undefined`: ignored.
 * Reads fields defensively: events come from `z.looseObject` parsing or from synthetic tests.
 */
import type { webhook } from '@line/bot-sdk';
import type { Source, TurnInput } from '../dialog/index.js';

const MEDIA = new Set(['sticker', 'image', 'video', 'audio', 'file', 'location']);
type Media = Extract<TurnInput, { kind: 'media' }>['media'];

/** The chat an event belongs to, as the dialog sees it. */
export function sourceKind(event: webhook.Event): Source | undefined {
  const type = event.source?.type;
  return type === 'user' || type === 'group' || type === 'room' ? type : undefined;
}

/** Postback params are strings (dates, rich-menu alias ids); anything else is dropped. */
function stringParams(params: unknown): Record<string, string> | undefined {
  if (!params || typeof params !== 'object') return undefined;
  const out = Object.fromEntries(
    Object.entries(params).filter((kv): kv is [string, string] => typeof kv[1] === 'string'),
  );
  return Object.keys(out).length ? out : undefined;
}

function mentionsSelf(message: object): boolean {
  const mention = (message as { mention?: { mentionees?: Array<{ isSelf?: unknown }> } }).mention;
  return Array.isArray(mention?.mentionees) && mention.mentionees.some((m) => m?.isSelf === true);
}

export function toTurnInput(event: webhook.Event): TurnInput | undefined {
  const source = sourceKind(event);
  if (!source) return undefined;
  switch (event.type) {
    case 'follow':
    case 'unfollow':
    case 'join':
      return { kind: event.type, source };
    case 'message': {
      const message = (event as webhook.MessageEvent).message as { type?: unknown; text?: unknown };
      if (message?.type === 'text' && typeof message.text === 'string') {
        return {
          kind: 'text',
          text: message.text,
          source,
          ...(mentionsSelf(message) ? { mentioned: true } : {}),
        };
      }
      if (typeof message?.type === 'string' && MEDIA.has(message.type)) {
        return { kind: 'media', media: message.type as Media, source };
      }
      return undefined;
    }
    case 'postback': {
      const postback = (event as webhook.PostbackEvent).postback as {
        data?: unknown;
        params?: unknown;
      };
      if (typeof postback?.data !== 'string') return undefined;
      const params = stringParams(postback.params);
      return { kind: 'postback', data: postback.data, ...(params ? { params } : {}), source };
    }
    default:
      return undefined;
  }
}

/**
 * The key of the chat an event belongs to: `user:U…`, `group:C…` or `room:R…`. State is kept,
 * and events are processed in order, per key. Undefined when the source carries no id.
 */
export function conversationKey(event: webhook.Event): string | undefined {
  const s = event.source as
    { type?: string; userId?: string; groupId?: string; roomId?: string } | undefined;
  if (s?.type === 'user' && s.userId) return `user:${s.userId}`;
  if (s?.type === 'group' && s.groupId) return `group:${s.groupId}`;
  if (s?.type === 'room' && s.roomId) return `room:${s.roomId}`;
  return undefined;
}

/** The LINE user id behind an event, if any (also in groups and rooms). */
export function userIdOf(event: webhook.Event): string | undefined {
  const id = (event.source as { userId?: unknown } | undefined)?.userId;
  return typeof id === 'string' && id ? id : undefined;
}
