// Stickers, photos, voice, files, locations: the bot reads only text and button taps.
import { textView } from '../../messages/index.js';
import type { StepResult, Turn, TurnInput } from '../types.js';
import { baseQuick } from '../choices.js';

type Media = Extract<TurnInput, { kind: 'media' }>['media'];

const WHAT: Record<Media, string> = {
  sticker: 'スタンプ',
  image: '写真や画像',
  video: '動画',
  audio: '音声',
  file: 'ファイル',
  location: '位置情報',
};

export function media({ state }: Turn, kind: Media): StepResult {
  const text = [
    kind === 'sticker' ? 'スタンプ、ありがとうございます。' : '',
    `ごめんなさい。${WHAT[kind]}の中身は読み取れません。`,
    '聞きたいことを文字で送るか、下のボタンから選んでください。',
  ]
    .filter(Boolean)
    .join('\n');
  return { views: [textView(text, baseQuick())], next: state, effects: [] };
}
