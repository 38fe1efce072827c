// The postback data the bot's buttons and the rich menu send, e.g. `a=show&id=komaki-x`.
import { LINE_LIMITS } from '../messages/index.js';

/** Every postback the dialog understands. */
export type Postback =
  | { a: 'show'; id: string }
  | { a: 'fb'; id: string; helpful: boolean }
  | { a: 'topic'; topic: string }
  | { a: 'menu' }
  | { a: 'help' }
  | { a: 'settings' }
  | { a: 'contact'; id?: string }
  | { a: 'none' };

/** Encodes a postback as `key=value&…` (≤ 300 characters; ids are short). */
export function encodePostback(p: Postback): string {
  const params = new URLSearchParams({ a: p.a });
  if (p.a === 'show' || p.a === 'fb') params.set('id', p.id);
  if (p.a === 'fb') params.set('v', p.helpful ? '1' : '0');
  if (p.a === 'topic') params.set('t', p.topic);
  if (p.a === 'contact' && p.id) params.set('id', p.id);
  return params.toString();
}

/** Decodes postback data; `undefined` for anything the dialog did not send (ignored safely). */
export function decodePostback(data: string): Postback | undefined {
  if (data.length > LINE_LIMITS.postbackData) return undefined;
  const p = new URLSearchParams(data);
  const id = p.get('id') ?? '';
  switch (p.get('a')) {
    case 'show':
      return id ? { a: 'show', id } : undefined;
    case 'fb': {
      const v = p.get('v');
      return id && (v === '1' || v === '0') ? { a: 'fb', id, helpful: v === '1' } : undefined;
    }
    case 'topic': {
      const topic = p.get('t');
      return topic ? { a: 'topic', topic } : undefined;
    }
    case 'menu':
    case 'help':
    case 'settings':
    case 'none':
      return { a: p.get('a') as 'menu' | 'help' | 'settings' | 'none' };
    case 'contact':
      return id ? { a: 'contact', id } : { a: 'contact' };
    default:
      return undefined;
  }
}
