/**
 * Builders for the replies the bot sends: an answer card, a list to choose from and a short
 * information card. Each returns a `View` with both forms (Flex values and plain text), already
 * shortened to LINE's limits.
 */
import type { Choice, TemplateName, View } from './view.js';
import { toAction } from './view.js';
import { LINE_LIMITS } from './limits.js';
import { clampUtf16, truncateAnswer } from './fit.js';

/** Answers longer than this (UTF-16 units) are cut at a sentence end in a card: chats stay short. */
export const ANSWER_MAX = 1000;
const TITLE_MAX = 200;
const ITEM_TEXT_MAX = 120;
const MAX_LINKS = 3;
const MAX_ITEMS = 8;
const MAX_BUTTONS = 6;

const flexAction = (c: Choice) => ({ action: toAction(c, LINE_LIMITS.flexButtonLabel) });
/** A list item's echo in the chat stays as short as the item itself. */
const shortEcho = (c: Choice): Choice =>
  'postback' in c ? { ...c, displayText: clampUtf16(c.displayText ?? c.label, ITEM_TEXT_MAX) } : c;

export interface AnswerCardInput {
  title: string;
  answer: string;
  /** 「計画中」 or 「終了」. */
  badge?: string;
  /** e.g. 「2024年3月時点の情報です」. */
  asOf?: string;
  /** A warning such as 「情報が古い可能性があります」. */
  note?: string;
  department?: string;
  contact?: string;
  links: readonly { label: string; url: string }[];
  helpful: Choice;
  unhelpful: Choice;
  quick?: Choice[];
}

/** The answer card: title, answer, badge, department and contact, 「時点」, links, feedback. */
export function answerCard(a: AnswerCardInput): View {
  const links = a.links.slice(0, MAX_LINKS).filter((l) => l.url.length <= LINE_LIMITS.uri);
  const tail =
    links.length > 0
      ? '続きは下のリンクか担当課でご確認ください。'
      : '続きは担当課へお問い合わせください。';
  const title = clampUtf16(a.title, TITLE_MAX);
  const answer = truncateAnswer(a.answer, ANSWER_MAX, tail);
  const lines = [
    a.badge ? `【${a.badge}】` : '',
    title,
    '',
    answer,
    '',
    a.department ? `担当: ${a.department}` : '',
    a.contact ? `問い合わせ: ${a.contact}` : '',
    ...links.map((l) => `${l.label}: ${l.url}`),
    a.asOf ?? '',
    a.note ?? '',
  ];
  return {
    template: 'answer',
    values: {
      title,
      answer,
      badge: a.badge,
      asOf: a.asOf,
      note: a.note,
      department: a.department,
      contact: a.contact,
      links: links.map((l) => flexAction({ label: l.label, uri: l.url })),
      helpful: toAction(a.helpful, LINE_LIMITS.flexButtonLabel),
      unhelpful: toAction(a.unhelpful, LINE_LIMITS.flexButtonLabel),
    },
    altText: clampUtf16(`${a.badge ? `【${a.badge}】` : ''}${title}`, LINE_LIMITS.altText),
    text: joinLines(lines),
    choices: [a.helpful, a.unhelpful],
    quick: a.quick ?? [],
  };
}

export interface ListCardInput {
  title: string;
  intro: string;
  /** The things to choose from, shown numbered (1., 2., …). */
  items: readonly Choice[];
  /** Extra buttons under the list (「どれでもない」, 「メニュー」…). */
  buttons?: readonly Choice[];
  /** A line under the list in the text form (e.g. 「番号を送っても選べます」). */
  hint?: string;
  quick?: Choice[];
}

/** A numbered list to tap: 「もしかして」 candidates or the questions of a topic. */
export function listCard(
  template: Extract<TemplateName, 'candidates' | 'topic'>,
  l: ListCardInput,
): View {
  const items = l.items.slice(0, MAX_ITEMS);
  const buttons = (l.buttons ?? []).slice(0, MAX_BUTTONS);
  const title = clampUtf16(l.title, TITLE_MAX);
  return {
    template,
    values: {
      title,
      intro: l.intro,
      items: items.map((c, i) => ({
        number: String(i + 1),
        label: clampUtf16(c.label, ITEM_TEXT_MAX),
        ...flexAction(shortEcho(c)),
      })),
      buttons: buttons.map(flexAction),
    },
    altText: clampUtf16(title, LINE_LIMITS.altText),
    text: joinLines([
      title,
      l.intro,
      '',
      ...items.map((c, i) => `${i + 1}. ${clampUtf16(c.label, ITEM_TEXT_MAX)}`),
      l.hint ? `\n${l.hint}` : '',
    ]),
    choices: [...items, ...buttons],
    quick: l.quick ?? [],
  };
}

export interface InfoCardInput {
  title: string;
  text: string;
  note?: string;
  buttons?: readonly Choice[];
  quick?: Choice[];
}

/** A short card with buttons: the greeting, the help and the fallback. */
export function infoCard(
  template: Extract<TemplateName, 'greeting' | 'help' | 'fallback'>,
  c: InfoCardInput,
): View {
  const buttons = (c.buttons ?? []).slice(0, MAX_BUTTONS);
  const title = clampUtf16(c.title, TITLE_MAX);
  const text = clampUtf16(c.text, ANSWER_MAX);
  return {
    template,
    values: { title, text, note: c.note, buttons: buttons.map(flexAction) },
    altText: clampUtf16(title, LINE_LIMITS.altText),
    text: joinLines([title, '', text, c.note ? `\n${c.note}` : '']),
    choices: [...buttons],
    quick: c.quick ?? [],
  };
}

/** A plain text message, with quick replies. */
export function textView(text: string, quick: Choice[] = []): View {
  return { altText: clampUtf16(text, LINE_LIMITS.altText), text, quick };
}

function joinLines(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
