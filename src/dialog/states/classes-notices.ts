// What the bot pushes about a class a resident asked to be reminded of: the day-before reminder,
// a move (new date, time or venue) and a cancellation. Rendered like replies (Flex or text).
import type { messagingApi } from '@line/bot-sdk';
import {
  classFormat,
  jstDay,
  type ClassCatalog,
  type ReminderAction,
} from '../../classes/index.js';
import { renderReplies, textView, type TemplateSet, type View } from '../../messages/index.js';
import type { ClassItem } from '../../schema/index.js';
import {
  catalogCards,
  classCardItem,
  contactLine,
  joinChoices,
  nextClassesChoice,
  remindersChoice,
} from './classes-view.js';

const { formatDay, formatTimes, formatWhen } = classFormat;

function card(
  c: ClassItem,
  catalog: ClassCatalog,
  now: Date,
  badge: string,
  altText: string,
): View {
  return catalogCards(catalog, {
    altText,
    items: [
      classCardItem(c, {
        today: jstDay(now),
        now,
        badge,
        buttons: [...joinChoices(c), remindersChoice],
      }),
    ],
    quick: [remindersChoice, nextClassesChoice],
  });
}

/**
 * The messages for a reminder action (undefined for `drop`, which says nothing). Every message
 * names the class, its date and whom to ask.
 */
export function classNoticeMessages(
  action: ReminderAction,
  catalog: ClassCatalog,
  now: Date,
  templates?: TemplateSet,
  /** The title the resident registered (for a class no longer in the schedule). */
  title?: string,
  /** Where and when they were told it is (for a cancellation). */
  slot?: { date: string; start: string; end: string; venue: string },
): messagingApi.Message[] | undefined {
  const today = jstDay(now);
  switch (action.type) {
    case 'drop':
      return undefined;
    case 'remind': {
      const c = action.cls;
      const day = c.date === today ? '今日' : 'あす';
      return renderReplies(
        [
          card(
            c,
            catalog,
            now,
            `${day}は${classFormat.kindLabel(c)}の日です`,
            `【${day}】${c.title} ${formatWhen(c, today)}`,
          ),
        ],
        templates,
      );
    }
    case 'moved': {
      const c = action.cls;
      const from = action.from;
      const text = [
        `【変更のお知らせ】「${c.title}」の日時または会場が変わりました。`,
        `変更前: ${formatDay(from.date, today)} ${formatTimes(from.start, from.end)} ${from.venue}`,
        `変更後: ${formatWhen(c, today)} ${c.venue.name}`,
        '通知は、新しい日の前の日にお送りします。',
        `お問い合わせ: ${contactLine(catalog)}`,
      ].join('\n');
      return renderReplies(
        [
          textView(text),
          card(
            c,
            catalog,
            now,
            '日時・会場が変わりました',
            `【変更】${c.title} ${formatWhen(c, today)}`,
          ),
        ],
        templates,
      );
    }
    case 'cancelled': {
      const name = action.cls?.title ?? title ?? 'スマホ教室';
      const s = action.cls ?? slot;
      const when = s ? `（${formatDay(s.date, today)} ${formatTimes(s.start, s.end)}）` : '';
      const reason = action.cls?.cancelled && action.cls.notes ? action.cls.notes : '';
      const text = [
        `【中止のお知らせ】「${name}」${when}は中止になりました。`,
        reason,
        'ほかの日の教室は「スマホ教室の予定」を押すと見られます。',
        `お問い合わせ: ${contactLine(catalog)}`,
      ]
        .filter(Boolean)
        .join('\n');
      return renderReplies([textView(text, [nextClassesChoice, remindersChoice])], templates);
    }
  }
}
