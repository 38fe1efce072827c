// 使い方: how to ask, what the buttons do, and that a person is always reachable.
import { infoCard } from '../../messages/index.js';
import type { StepResult, Turn } from '../types.js';
import { humanChoice, menuChoice, settingsChoice } from '../choices.js';

export function help({ state, deps }: Turn): StepResult {
  const view = infoCard('help', {
    title: '使い方',
    text: [
      '1. 聞きたいことを、文字で送ってください。短い言葉でも大丈夫です。',
      '例:「マイナンバーカード なくした」',
      '2. 答えの下に、担当の課と問い合わせ先があります。',
      '3. 答えが役に立ったか、ボタンで教えてください。',
      '4. 人と話したいときは「人と話したい」を押してください。',
    ].join('\n'),
    note: `マイナンバー（個人番号）や住所などは送らないでください。${deps.city.name}のよくある質問にお答えする、自動の窓口です。`,
    buttons: [menuChoice, humanChoice(), settingsChoice],
  });
  return { views: [view], next: state, effects: [] };
}
