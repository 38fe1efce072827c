// An FAQ entry as an answer card: badge for planned/ended, 「○年○月時点」, stale warning, feedback.
import type { FaqEntry } from '../schema/index.js';
import { answerCard, clampUtf16, type View } from '../messages/index.js';
import { jstDay } from '../classes/index.js';
import type { DialogDeps } from './types.js';
import { encodePostback } from './postback.js';
import { baseQuick, showChoice } from './choices.js';
import { entryContact } from './contact.js';

const BADGES = { planned: '計画中', ended: '終了' } as const;

/** `2024-03` or `2024-03-15` → 「2024年3月時点の情報です」. */
export function asOfLabel(asOf: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})/.exec(asOf ?? '');
  return m ? `${m[1]}年${Number(m[2])}月時点の情報です` : undefined;
}

/** True when `validUntil` (YYYY-MM or YYYY-MM-DD, inclusive) is before `now` in Japan time. */
export function isPast(validUntil: string | undefined, now: Date): boolean {
  if (!validUntil) return false;
  const today = jstDay(now);
  const last = validUntil.length === 7 ? `${validUntil}-31` : validUntil;
  return today > last;
}

/** The answer card for an entry, with its related questions as quick replies. */
export function entryView(entry: FaqEntry, deps: DialogDeps): View {
  const related = entry.related
    .map((id) => deps.entry(id))
    .filter((e): e is FaqEntry => e !== undefined && e.id !== entry.id)
    .slice(0, 3)
    .map((e) => showChoice(e.id, clampUtf16(e.question, 120)));
  const badge = entry.status === 'live' ? undefined : BADGES[entry.status];
  return answerCard({
    title: entry.question,
    answer: entry.answer,
    badge,
    asOf: asOfLabel(entry.as_of),
    note:
      entry.status !== 'ended' && isPast(entry.valid_until, deps.now)
        ? 'この情報は古くなっている可能性があります。担当課に確かめてください。'
        : undefined,
    department: entry.department,
    contact: entryContact(deps.city, entry),
    links: entry.links,
    helpful: {
      label: '役に立った',
      postback: encodePostback({ a: 'fb', id: entry.id, helpful: true }),
      displayText: '役に立った',
    },
    unhelpful: {
      label: '役に立たなかった',
      postback: encodePostback({ a: 'fb', id: entry.id, helpful: false }),
      displayText: '役に立たなかった',
    },
    quick: [...related, ...baseQuick(entry.id)],
  });
}
