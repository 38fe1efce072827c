// One class as a card (what, when, where, how to join, buttons), whom to ask, and the buttons the
// スマホ教室 replies share. Used by the answers, the reminder replies and the pushes.
import { classFormat, endOf, startOf, type ClassCatalog } from '../../classes/index.js';
import {
  classCards,
  type ClassCardItem,
  type ClassCardsInput,
  type Choice,
  type View,
} from '../../messages/index.js';
import type { ClassItem } from '../../schema/index.js';
import { encodePostback } from '../postback.js';
import { humanChoice, menuChoice } from '../choices.js';
import { callChoice } from '../contact.js';
import { encodeClassPostback } from './classes-postback.js';

const { formatFee, formatJoin, formatVenue, formatWhen, kindLabel } = classFormat;

export const remindersChoice: Choice = {
  label: '通知の確認',
  postback: encodeClassPostback({ a: 'rems' }),
  displayText: '通知の確認',
};

export const nextClassesChoice: Choice = {
  label: 'スマホ教室の予定',
  postback: encodeClassPostback({ a: 'cls' }),
  displayText: 'スマホ教室の予定',
};

export const classFaqChoice: Choice = {
  label: 'スマホ教室とは',
  postback: encodePostback({ a: 'topic', topic: 'digital' }),
  displayText: 'スマホ教室とは',
};

/** The quick replies under class answers. */
export const classQuick = (): Choice[] => [
  remindersChoice,
  classFaqChoice,
  menuChoice,
  humanChoice(),
];

export function remindChoice(c: ClassItem): Choice {
  return {
    label: '前日に通知',
    postback: encodeClassPostback({ a: 'rem', classId: c.id }),
    displayText: `「${c.title}」の前日に通知`,
  };
}

/** Tap-to-call and the form, when the class gives them. */
export function joinChoices(c: ClassItem): Choice[] {
  return [
    ...(c.join.how === 'phone' ? callChoice(c.join.phone, '電話で申し込む') : []),
    ...(c.join.url ? [{ label: '申込みフォーム', uri: c.join.url }] : []),
  ];
}

/** 「行政改革課（市長公室） 電話 0568-76-1113」. */
export function contactLine(catalog: ClassCatalog): string {
  const c = catalog.contact;
  return [c.name, c.phone ? `電話 ${c.phone}` : '', c.note ?? ''].filter(Boolean).join(' ');
}

/** Class cards, each with the line a sample schedule needs (「※見本の日程です…」). */
export function catalogCards(
  catalog: ClassCatalog | undefined,
  input: Omit<ClassCardsInput, 'note'>,
): View {
  if (!catalog?.sample) return classCards(input);
  return classCards({ ...input, note: '※見本の日程です。実際の日程は担当へお確かめください。' });
}

/** A class as a card; `today` (JST) decides whether the year is written. */
export function classCardItem(
  c: ClassItem,
  opts: { today: string; now: Date; buttons: readonly Choice[]; badge?: string },
): ClassCardItem {
  const t = opts.now.getTime();
  const open = startOf(c).getTime() <= t && t < endOf(c).getTime();
  const fee = formatFee(c.fee);
  const badge = opts.badge ?? (open ? '開催中（予約不要）' : undefined);
  return {
    kind: kindLabel(c),
    title: c.title,
    when: formatWhen(c, opts.today),
    venue: [formatVenue(c), c.venue.address].filter(Boolean).join(' '),
    join: formatJoin(c.join),
    ...(badge ? { badge } : {}),
    ...(c.target.length > 0 ? { target: c.target.join('、') } : {}),
    ...(c.topics.length > 0 ? { topics: c.topics.join('、') } : {}),
    ...(c.capacity ? { capacity: `${c.capacity}人` } : {}),
    ...(fee ? { fee } : {}),
    ...(c.partner ? { partner: c.partner } : {}),
    ...(c.notes ? { notes: c.notes } : {}),
    buttons: opts.buttons,
  };
}
