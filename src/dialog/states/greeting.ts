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
    note: [
      // A new friend starts with the city's first topic (see defaultSettings in src/segments).
      deps.city.topics[0] ? `お知らせは、まず「${deps.city.topics[0].label}」が届きます。` : '',
      '受け取るお知らせや地区は「通知設定」で選べます。人と話したいときは「人と話したい」と送ってください。',
    ].join(''),
    buttons: [...topicChoices(), settingsChoice],
    quick: [helpChoice, humanChoice()],
  });
  return { views: [view], next: initialDialogState, effects: [{ type: 'followed' }] };
}

export function blocked(): StepResult {
  return { views: [], next: initialDialogState, effects: [{ type: 'blocked' }] };
}
