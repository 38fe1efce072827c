// The postbacks of the 通知設定 screens, and which inputs need the resident's settings loaded.
import { AgeBandSchema, TopicIdSchema } from '../../schema/index.js';
import type { AgeBand } from '../../schema/index.js';
import { LINE_LIMITS } from '../../messages/index.js';
import type { TurnInput } from '../types.js';
import { parseCommand } from '../commands.js';
import { decodePostback } from '../postback.js';

/**
 * A settings tap. Each carries the value it sets (not "switch"), so a tap on an older card does
 * what its label said, and tapping twice changes nothing more.
 * `a=set&topic=kosodate&on=1`, `a=set&area=中部` (`area=` = 答えない), `a=set&age=70plus`
 * (`age=` = 答えない), `a=stop`, `a=resume`, `a=choose&what=area|age`.
 */
export type SettingsPostback =
  | { a: 'set'; topic: string; on: boolean }
  | { a: 'set'; area: string | undefined }
  | { a: 'set'; age: AgeBand | undefined }
  | { a: 'stop' }
  | { a: 'resume' }
  | { a: 'choose'; what: 'area' | 'age' };

/**
 * Only `%`, `&`, `=`, `+`, `#` and spaces are escaped: LINE counts postback data in characters,
 * and a percent-encoded kanji would take 9 of the 300 (`URLSearchParams` decodes both forms).
 */
const escape = (v: string) => v.replace(/[%&=+#\s]/gu, (c) => encodeURIComponent(c));

export function encodeSettingsPostback(p: SettingsPostback): string {
  const pairs: Array<[string, string]> = [['a', p.a]];
  if ('topic' in p) pairs.push(['topic', p.topic], ['on', p.on ? '1' : '0']);
  else if ('area' in p) pairs.push(['area', p.area ?? '']);
  else if ('age' in p) pairs.push(['age', p.age ?? '']);
  else if (p.a === 'choose') pairs.push(['what', p.what]);
  return pairs.map(([k, v]) => `${k}=${escape(v)}`).join('&');
}

/** Decodes a settings postback; undefined for anything else (other postbacks, tampered data). */
export function decodeSettingsPostback(data: string): SettingsPostback | undefined {
  if (data.length > LINE_LIMITS.postbackData) return undefined;
  const p = new URLSearchParams(data);
  switch (p.get('a')) {
    case 'set': {
      const topic = p.get('topic');
      const on = p.get('on');
      if (topic !== null) {
        return TopicIdSchema.safeParse(topic).success && (on === '1' || on === '0')
          ? { a: 'set', topic, on: on === '1' }
          : undefined;
      }
      const area = p.get('area');
      if (area !== null) return { a: 'set', area: area.trim() || undefined };
      const age = p.get('age');
      if (age === '') return { a: 'set', age: undefined };
      const band = AgeBandSchema.safeParse(age);
      return band.success ? { a: 'set', age: band.data } : undefined;
    }
    case 'stop':
    case 'resume':
      return { a: p.get('a') as 'stop' | 'resume' };
    case 'choose': {
      const what = p.get('what');
      return what === 'area' || what === 'age' ? { a: 'choose', what } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Whether the runtime must load the resident's settings before `handleTurn` (only then: other
 * turns cost no extra read). Only 1:1 chats have settings.
 */
export function needsSettings(input: TurnInput): boolean {
  if (input.source !== 'user') return false;
  if (input.kind === 'text') return parseCommand(input.text)?.kind === 'settings';
  if (input.kind === 'postback') {
    return decodePostback(input.data)?.a === 'settings' || !!decodeSettingsPostback(input.data);
  }
  return false;
}
