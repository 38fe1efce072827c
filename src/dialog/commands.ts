// Words that are commands rather than questions: メニュー, 使い方, 設定, 人と話したい, topic names.
import { TOPICS } from './topics.js';

export type Command =
  | { kind: 'menu' }
  | { kind: 'help' }
  | { kind: 'settings' }
  | { kind: 'human' }
  | { kind: 'hello' }
  | { kind: 'thanks' }
  | { kind: 'topic'; topic: string };

/** NFKC, no spaces, no trailing punctuation, lower case: how commands are compared. */
export function commandKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[。.!?！？、,…~〜]+$/u, '')
    .replace(/^[「『]|[」』]$/g, '');
}

const WORDS: ReadonlyArray<[Command, readonly string[]]> = [
  [{ kind: 'menu' }, ['メニュー', 'めにゅー', 'menu', 'トップ', 'はじめから', '最初から']],
  [
    { kind: 'help' },
    ['使い方', 'つかいかた', '使いかた', 'ヘルプ', 'へるぷ', 'help', '使い方・問い合わせ'],
  ],
  [{ kind: 'settings' }, ['設定', 'せってい', '通知設定', '通知', 'お知らせ設定']],
  [
    { kind: 'human' },
    [
      '問い合わせ',
      '問合せ',
      '問い合わせしたい',
      '人と話したい',
      'ひとと話したい',
      '人と話す',
      '担当者',
      '担当者と話したい',
      '職員と話したい',
      'オペレーター',
      '電話したい',
    ],
  ],
  [
    { kind: 'hello' },
    [
      'こんにちは',
      'こんにちわ',
      'こんばんは',
      'こんばんわ',
      'おはよう',
      'おはようございます',
      'はじめまして',
      'もしもし',
    ],
  ],
  [
    { kind: 'thanks' },
    ['ありがとう', 'ありがとうございます', 'ありがとうございました', 'どうも', 'thanks'],
  ],
  ...TOPICS.map((t): [Command, readonly string[]] => [{ kind: 'topic', topic: t.id }, t.words]),
];

const TABLE = new Map<string, Command>();
for (const [command, words] of WORDS) for (const w of words) TABLE.set(commandKey(w), command);

/** The command `text` is, or undefined when it is a question (only whole-message matches count). */
export function parseCommand(text: string): Command | undefined {
  return TABLE.get(commandKey(text));
}
