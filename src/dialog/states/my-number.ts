// A マイナンバー-like number in a message: not read, not kept, not echoed; the resident is warned.
import { textView } from '../../messages/index.js';
import type { StepResult, Turn } from '../types.js';
import { helpChoice, menuChoice } from '../choices.js';

export function myNumberWarning({ state }: Turn): StepResult {
  const text = [
    '【ご注意】12けたの番号が含まれていました。',
    'マイナンバー（個人番号）は大切な個人情報です。LINEでは送らないでください。',
    'このメッセージは読み取らず、保存もしていません。',
    '送ったメッセージは、長押しして「送信取消」で消せます。',
    '番号を入れずに、もう一度質問してください。',
  ].join('\n');
  return {
    views: [textView(text, [menuChoice, helpChoice])],
    next: { ...state, candidates: [] },
    effects: [],
  };
}
