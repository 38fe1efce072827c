/**
 * スマホ教室 cards: a carousel of classes (one bubble each: kind, title, date and time, venue, how
 * to join, and buttons such as 「前日に通知」), from `flex-templates/classes.json`, or the same as
 * numbered plain text. Used for answers, reminders and change notices.
 */
import type { Choice, View } from './view.js';
import { toAction } from './view.js';
import { LINE_LIMITS } from './limits.js';
import { clampUtf16 } from './fit.js';

/** Bubbles in one carousel (LINE allows 12; ten stay readable and within 50 KB). */
export const CLASS_CARDS_MAX = 10;
const BUTTONS_MAX = 3;

/** One class, already in words (dates in JST, fee, how to join). */
export interface ClassCardItem {
  /** 「ふらっと相談会」. */
  kind: string;
  title: string;
  /** 「11月28日(土) 10:00〜12:00」. */
  when: string;
  venue: string;
  /** 「予約不要（当日、会場へどうぞ）」, 「電話で申し込み 0568-76-1113（前日まで）」. */
  join: string;
  /** A line above the title: 「開催中」, 「あすの教室です」, 「日時が変わりました」. */
  badge?: string;
  target?: string;
  topics?: string;
  capacity?: string;
  fee?: string;
  partner?: string;
  notes?: string;
  /** The first is the main button (「前日に通知」); then a call or the form. At most three. */
  buttons: readonly Choice[];
}

export interface ClassCardsInput {
  altText: string;
  items: readonly ClassCardItem[];
  /** Under every class: 「※見本の日程です…」 for sample schedules. */
  note?: string;
  quick?: Choice[];
}

const LIMITS = {
  kind: 20,
  badge: 30,
  title: 50,
  when: 40,
  venue: 50,
  join: 80,
  target: 40,
  topics: 60,
  capacity: 20,
  fee: 40,
  partner: 40,
  notes: 80,
  note: 60,
  displayText: 40,
} as const;
/** Longer links are left out of the card (a carousel must stay under 50 KB); forms are short. */
const URI_MAX = 300;

const fit = (s: string | undefined, max: number): string | undefined =>
  s ? clampUtf16(s.replace(/\s+/g, ' ').trim(), max) : undefined;

function cardButtons(buttons: readonly Choice[]): Choice[] {
  return buttons
    .filter((b) => !('uri' in b) || b.uri.length <= URI_MAX)
    .slice(0, BUTTONS_MAX)
    .map((b) =>
      'postback' in b
        ? { ...b, displayText: clampUtf16(b.displayText ?? b.label, LIMITS.displayText) }
        : b,
    );
}

/** The carousel view (template `classes`). Without items it is only the text (never sent empty). */
export function classCards(input: ClassCardsInput): View {
  const items = input.items.slice(0, CLASS_CARDS_MAX);
  const note = fit(input.note, LIMITS.note);
  const bubbles = items.map((c) => ({
    kind: fit(c.kind, LIMITS.kind),
    badge: fit(c.badge, LIMITS.badge),
    title: fit(c.title, LIMITS.title),
    when: fit(c.when, LIMITS.when),
    venue: fit(c.venue, LIMITS.venue),
    join: fit(c.join, LIMITS.join),
    target: fit(c.target, LIMITS.target),
    topics: fit(c.topics, LIMITS.topics),
    capacity: fit(c.capacity, LIMITS.capacity),
    fee: fit(c.fee, LIMITS.fee),
    partner: fit(c.partner, LIMITS.partner),
    notes: fit(c.notes, LIMITS.notes),
    buttons: cardButtons(c.buttons).map((b, i) => ({
      action: toAction(b, LINE_LIMITS.flexButtonLabel),
      style: i === 0 ? 'primary' : 'secondary',
    })),
  }));
  const numbered = items.length > 1;
  const text = items
    .map((c, i) => {
      const b = bubbles[i]!;
      return [
        `${numbered ? `${i + 1}. ` : ''}${b.badge ? `【${b.badge}】` : ''}${b.title}（${b.kind}）`,
        `\u3000日時: ${b.when}`,
        `\u3000会場: ${b.venue}`,
        `\u3000申込み: ${b.join}`,
        b.target ? `\u3000対象: ${b.target}` : '',
        b.topics ? `\u3000内容: ${b.topics}` : '',
        b.capacity ? `\u3000定員: ${b.capacity}` : '',
        b.fee ? `\u3000参加費: ${b.fee}` : '',
        b.partner ? `\u3000協力: ${b.partner}` : '',
        b.notes ? `\u3000${b.notes}` : '',
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n\n');
  // Text form: each class's buttons become quick replies, numbered when there are several.
  const choices = items.flatMap((c, i) =>
    c.buttons
      .slice(0, numbered ? 1 : BUTTONS_MAX)
      .map((b) => (numbered ? { ...b, label: `${i + 1}: ${b.label}` } : b)),
  );
  return {
    ...(items.length > 0 ? { template: 'classes' as const } : {}),
    values: { classes: bubbles, note },
    altText: clampUtf16(input.altText, LINE_LIMITS.altText),
    text: [text, note ? `\n${note}` : ''].join('\n').trim(),
    choices,
    quick: input.quick ?? [],
  };
}
