// The menu (all topics) and one topic (its questions, in pack order), e.g. from the rich menu.
import { listCard, textView, type Choice, type View } from '../../messages/index.js';
import type { FaqEntry } from '../../schema/index.js';
import type { StepResult, Turn } from '../types.js';
import { TOPICS, topicById, type Topic } from '../topics.js';
import {
  baseQuick,
  helpChoice,
  humanChoice,
  menuChoice,
  settingsChoice,
  showChoice,
  topicChoices,
} from '../choices.js';
import { cityContactLines, departmentLines } from '../contact.js';
import { nextClassesChoice } from './classes-view.js';

/** A topic lists at most this many questions (a card stays readable). */
export const MAX_TOPIC_QUESTIONS = 8;

export function menu({ state }: Turn): StepResult {
  const view = listCard('topic', {
    title: 'メニュー',
    intro: '知りたいことを選んでください。',
    items: [...topicChoices(), settingsChoice, helpChoice],
    quick: [humanChoice()],
  });
  return { views: [view], next: { ...state, candidates: [] }, effects: [] };
}

function entriesOf(turn: Turn, topic: Topic): FaqEntry[] {
  const { deps } = turn;
  if (deps.topic) return deps.topic(topic.category);
  // Without a category listing, the topic's own name is the best question we can ask.
  return deps.search(topic.label).results.map((r) => r.entry);
}

function departmentsView({ deps }: Turn): View {
  const depts = deps.city.departments.slice(0, 20);
  const lines = [
    '市役所の主な担当課です。',
    ...depts.map(
      (d) =>
        `・${departmentLines(d).join(' ')}${d.handles.length ? `（${d.handles.slice(0, 4).join('、')}）` : ''}`,
    ),
    '',
    'わからないときは、こちらへお問い合わせください。',
    ...cityContactLines(deps.city),
  ];
  return textView(lines.join('\n'), [menuChoice]);
}

export function topic(turn: Turn, id: string): StepResult {
  const found = topicById(id) ?? TOPICS.find((t) => t.category === id);
  if (!found) return menu(turn);
  const entries = entriesOf(turn, found).slice(0, MAX_TOPIC_QUESTIONS);
  const views: View[] = [];
  if (found.id === 'contact') views.push(departmentsView(turn));
  const items: Choice[] = entries.map((e) => showChoice(e.id, e.question));
  // The スマホ教室 topic also leads to the schedule, when the city keeps one.
  const schedule = found.id === 'digital' && turn.deps.classes ? [nextClassesChoice] : [];
  if (items.length > 0) {
    views.push(
      listCard('topic', {
        title: found.label,
        intro: 'よくある質問です。知りたいものを押してください。ほかのことは、文字で質問できます。',
        items,
        buttons: [...schedule, menuChoice, humanChoice()],
        quick: baseQuick(),
      }),
    );
  } else if (found.id !== 'contact') {
    views.push(
      textView(
        `${found.label}の案内は、まだ用意していません。知りたいことを文字で送ってください。`,
        [...schedule, ...baseQuick()],
      ),
    );
  }
  return { views, next: { ...turn.state, candidates: [] }, effects: [] };
}
