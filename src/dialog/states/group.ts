// Groups and rooms: a short self-introduction on join; otherwise only messages that address the bot.
import { textView } from '../../messages/index.js';
import type { StepResult, Turn } from '../types.js';

/**
 * 「窓口」「まどぐち」「@窓口」 (then a space, punctuation or the end) at the start of a message
 * address the bot in a group; 「窓口に行ったよ」 is talk between members.
 */
const WAKE = /^[@＠]?\s*(?:窓口|まどぐち|マドグチ)(?:さん)?(?:[\s、,:：！!]+|$)/u;

export function introduce({ state, deps }: Turn): StepResult {
  const text = [
    `${deps.city.name}のよくある質問にお答えする「窓口」です。`,
    'グループでは、「窓口」で始まるメッセージか、わたしへのメンションにだけお答えします。',
    '例:「窓口 住民票はコンビニでとれる？」',
    'ご自分のことの相談は、友だち追加して1対1のトークでどうぞ。',
  ].join('\n');
  return { views: [textView(text)], next: state, effects: [] };
}

/**
 * The question in a group message that addresses the bot (wake word stripped), or undefined
 * when the message is for the other members.
 */
export function addressedText(text: string, mentioned: boolean | undefined): string | undefined {
  const t = text.normalize('NFKC').trim();
  const wake = WAKE.exec(t);
  if (wake) return t.slice(wake[0].length).trim();
  if (mentioned) return t.replace(/^@\S+\s*/u, '').trim();
  return undefined;
}
