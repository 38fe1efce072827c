// The postbacks and commands of スマホ教室 (lists, 「前日に通知」, the reminder list), and which
// inputs need the resident's reminders loaded.
import { LINE_LIMITS } from '../../messages/index.js';
import type { TurnInput } from '../types.js';
import { commandKey } from '../commands.js';

/**
 * `a=cls` (the next classes), `a=rem&c=<class id>` (前日に通知), `a=unrem&c=<class id>` (取り消す),
 * `a=rems` (通知の確認). Class ids are ASCII (classes.yaml), so the data stays short.
 */
export type ClassPostback =
  { a: 'cls' } | { a: 'rem'; classId: string } | { a: 'unrem'; classId: string } | { a: 'rems' };

export function encodeClassPostback(p: ClassPostback): string {
  const params = new URLSearchParams({ a: p.a });
  if (p.a === 'rem' || p.a === 'unrem') params.set('c', p.classId);
  return params.toString();
}

/** Decodes a class postback; undefined for anything else (other postbacks, tampered data). */
export function decodeClassPostback(data: string): ClassPostback | undefined {
  if (data.length > LINE_LIMITS.postbackData) return undefined;
  const p = new URLSearchParams(data);
  const classId = p.get('c') ?? '';
  const valid = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(classId);
  switch (p.get('a')) {
    case 'cls':
      return { a: 'cls' };
    case 'rems':
      return { a: 'rems' };
    case 'rem':
    case 'unrem':
      return valid ? { a: p.get('a') as 'rem' | 'unrem', classId } : undefined;
    default:
      return undefined;
  }
}

/** What residents type to see their reminders (whole message, like the other commands). */
const REMINDER_WORDS = [
  '通知の確認',
  '通知を確認',
  '通知の一覧',
  '通知一覧',
  '登録した通知',
  '通知の取り消し',
  '通知を取り消したい',
  '前日の通知',
  'リマインダー',
  'りまいんだー',
  'つうちのかくにん',
].map(commandKey);

export function isReminderCommand(text: string): boolean {
  return REMINDER_WORDS.includes(commandKey(text));
}

/** True for the inputs whose reply depends on the resident's reminders (loaded for these only). */
export function needsReminders(input: TurnInput): boolean {
  if (input.source !== 'user') return false;
  if (input.kind === 'text') return isReminderCommand(input.text);
  if (input.kind === 'postback') {
    const p = decodeClassPostback(input.data);
    return p !== undefined && p.a !== 'cls';
  }
  return false;
}
