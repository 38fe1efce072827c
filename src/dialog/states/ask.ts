// A question typed by a resident: search, then an answer, 「もしかして」 candidates, or an honest fallback.
import { infoCard, listCard, type View } from '../../messages/index.js';
import type { SearchOutcome } from '../../search/index.js';
import type { Effect, StepResult, Turn } from '../types.js';
import { entryView } from '../entry-card.js';
import { baseQuick, humanChoice, showChoice, topicChoices } from '../choices.js';
import { encodePostback } from '../postback.js';
import { cityContactLines, departmentLines, guessDepartment } from '../contact.js';
import { maskQuery } from '../privacy.js';

/** 「もしかして」 shows at most this many candidates. */
export const MAX_CANDIDATES = 3;

export function ask(turn: Turn, question: string): StepResult {
  const { state, deps } = turn;
  const outcome: SearchOutcome = deps.search(question);
  const top = outcome.results[0];
  const asked: Effect = {
    type: 'asked',
    query: maskQuery(question),
    status: outcome.status,
    ...(top ? { topId: top.entry.id, score: top.score } : {}),
  };
  if (outcome.status === 'answered' && top) {
    return {
      views: [entryView(top.entry, deps)],
      next: { v: 1, lastEntryId: top.entry.id, candidates: [] },
      effects: [asked],
    };
  }
  if (outcome.status === 'ambiguous' && outcome.results.length > 0) {
    const hits = outcome.results.slice(0, MAX_CANDIDATES);
    const view = listCard('candidates', {
      title: 'もしかして、こちらですか？',
      intro: '近い質問が見つかりました。あてはまるものを押してください。',
      items: hits.map((h) => showChoice(h.entry.id, h.entry.question)),
      buttons: [
        {
          label: 'どれでもない',
          postback: encodePostback({ a: 'none' }),
          displayText: 'どれでもない',
        },
      ],
      hint: `番号（1〜${hits.length}）を送っても選べます。`,
      quick: baseQuick(),
    });
    return {
      views: [view],
      next: { ...state, candidates: hits.map((h) => h.entry.id) },
      effects: [asked],
    };
  }
  return {
    views: [fallbackView(turn, question)],
    next: { ...state, candidates: [] },
    effects: [asked],
  };
}

/** No answer: say so, name whom to ask (from city.yaml only), offer the topics. */
export function fallbackView({ deps }: Turn, question?: string): View {
  const dept = question ? guessDepartment(deps.city, question) : undefined;
  const lines = [
    'ごめんなさい。お答えできる情報が見つかりませんでした。',
    dept ? `\nこのことは、${dept.name}が担当しています。` : '',
    dept ? departmentLines(dept).slice(1).join('\n') : '',
    '\nわからないときは、こちらへお問い合わせください。',
    ...cityContactLines(deps.city),
    '\nほかの言葉で聞き直すか、下のボタンからテーマを選んでください。',
  ];
  return infoCard('fallback', {
    title: 'お答えが見つかりませんでした',
    text: lines.filter(Boolean).join('\n'),
    buttons: [...topicChoices(), humanChoice()],
    quick: baseQuick(),
  });
}
