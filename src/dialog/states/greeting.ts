// follow: the greeting (what the bot can do, the topics, settings). unfollow: the resident blocked us.
import { infoCard } from '../../messages/index.js';
import { initialDialogState } from '../../schema/index.js';
import type { StepResult, Turn } from '../types.js';
import { helpChoice, humanChoice, settingsChoice, topicChoices } from '../choices.js';

export function greet({ deps }: Turn): StepResult {
  const view = infoCard('greeting', {
    title: `${deps.city.name}の「窓口」です`,
    text: [
      '友だち追加、ありがとうございます。',
      `${deps.city.name}の手続きやサービスについて、よくある質問にお答えします。`,
      '聞きたいことを、ふだんの言葉で送ってください。',
      '例:「住民票はコンビニでとれる？」',
      '下のボタンからも選べます。',
    ].join('\n'),
    note: '受け取るお知らせは「通知設定」で選べるようになります（準備中）。人と話したいときは「人と話したい」と送ってください。',
    buttons: [...topicChoices(), settingsChoice],
    quick: [helpChoice, humanChoice()],
  });
  return { views: [view], next: initialDialogState, effects: [{ type: 'followed' }] };
}

export function blocked(): StepResult {
  return { views: [], next: initialDialogState, effects: [{ type: 'blocked' }] };
}
