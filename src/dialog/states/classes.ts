// スマホ教室 schedule questions (「来週のスマホ教室ある？」「予約いらない相談会」): the matching upcoming
// classes as a carousel, soonest first; when none match, say so, show the nearest and whom to ask.
import {
  findClasses,
  jstDay,
  parseClassQuery,
  type ClassCatalog,
  type ClassQuery,
} from '../../classes/index.js';
import { textView, type View } from '../../messages/index.js';
import type { ClassItem } from '../../schema/index.js';
import type { Effect, StepResult, Turn, TurnInput } from '../types.js';
import { maskQuery } from '../privacy.js';
import { callChoice } from '../contact.js';
import { isReminderCommand, type ClassPostback } from './classes-postback.js';
import {
  catalogCards,
  classCardItem,
  classQuick,
  contactLine,
  joinChoices,
  remindChoice,
} from './classes-view.js';
import { cancelReminder, listReminders, registerReminder } from './classes-reminders.js';

/** The carousel of `classes`, each with 「前日に通知」 and how to apply. */
export function classCardsView(
  turn: Turn,
  catalog: ClassCatalog,
  classes: readonly ClassItem[],
  altText: string,
): View {
  const { now } = turn.deps;
  const today = jstDay(now);
  return catalogCards(catalog, {
    altText,
    items: classes.map((c) =>
      classCardItem(c, { today, now, buttons: [remindChoice(c), ...joinChoices(c)] }),
    ),
    quick: classQuick(),
  });
}

/**
 * Answers a class question (also the 「スマホ教室の予定」 button: an empty query). A typed
 * question (`asked`) is recorded for the reports like an FAQ question: answered when classes
 * matched, no_answer when none did (staff see what residents look for in vain).
 */
export function classesAnswer(
  turn: Turn,
  catalog: ClassCatalog,
  query: ClassQuery,
  asked?: string,
): StepResult {
  const { deps, state } = turn;
  const r = findClasses(catalog, query, deps.now);
  const effects: Effect[] = asked
    ? [
        {
          type: 'asked',
          query: maskQuery(asked),
          status: r.matches.length > 0 ? 'answered' : 'no_answer',
        },
      ]
    : [];
  const next = { ...state, candidates: [], classesShown: true };
  const what = query.label
    ? `「${query.label}」に合うスマホ教室・相談会`
    : 'これからのスマホ教室・相談会';
  if (r.matches.length > 0) {
    const intro = [
      `${what}は${r.total}件あります。`,
      r.total > r.matches.length ? `近い順に${r.matches.length}件をお見せします。` : '',
      '「前日に通知」を押すと、前の日の10時ごろにLINEでお知らせします。',
    ].join('');
    const altText = `${what}（${r.total}件）`;
    return {
      views: [textView(intro), classCardsView(turn, catalog, r.matches, altText)],
      next,
      effects,
    };
  }
  const lines = [
    query.label
      ? `「${query.label}」に合うスマホ教室・相談会は、いまの予定にはありません。`
      : 'いま予定に載っているスマホ教室・相談会はありません。',
    r.alternatives.length > 0 ? '近い日程のものをお見せします。' : '',
    '',
    `日程のお問い合わせ: ${contactLine(catalog)}`,
  ];
  const text = lines.filter((l, i) => l || i === 2).join('\n');
  if (r.alternatives.length === 0) {
    return {
      views: [textView(text, [...callChoice(catalog.contact.phone), ...classQuick()])],
      next,
      effects,
    };
  }
  return {
    views: [
      textView(text),
      classCardsView(turn, catalog, r.alternatives, 'ほかの日程のスマホ教室・相談会'),
    ],
    next,
    effects,
  };
}

/**
 * A typed text about classes: 「通知の確認」, or a schedule question. Undefined for anything
 * else (the FAQ answers it), also when the city has no schedule.
 */
export function classText(
  turn: Turn,
  text: string,
  source: TurnInput['source'],
): StepResult | undefined {
  const catalog = turn.deps.classes;
  if (!catalog) return undefined;
  if (isReminderCommand(text)) return listReminders(turn, source);
  const query = parseClassQuery(text, {
    today: jstDay(turn.deps.now),
    areas: catalog.areas,
    venues: catalog.venues,
    followUp: turn.state.classesShown === true,
  });
  return query ? classesAnswer(turn, catalog, query, text) : undefined;
}

/** A tap on a スマホ教室 button. */
export function classTap(turn: Turn, tap: ClassPostback, source: TurnInput['source']): StepResult {
  switch (tap.a) {
    case 'cls':
      if (turn.deps.classes) return classesAnswer(turn, turn.deps.classes, { label: '' });
      return {
        views: [textView('いまスマホ教室の予定はありません。', classQuick())],
        next: { ...turn.state, candidates: [] },
        effects: [],
      };
    case 'rem':
      return registerReminder(turn, tap.classId, source);
    case 'unrem':
      return cancelReminder(turn, tap.classId, source);
    case 'rems':
      return listReminders(turn, source);
  }
}
