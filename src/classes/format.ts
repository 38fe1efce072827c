/** Dates, times, fees and how to join, written the way residents read them (12月5日(土) 10:00〜12:00). */
import type { ClassItem, ClassJoin } from '../schema/index.js';
import { CLASS_KIND_LABELS } from '../schema/index.js';
import type { Day } from '../time/index.js';
import { WEEKDAY_LABELS, weekdayOf } from './calendar.js';

function parts(day: Day): [number, number, number] {
  return day.split('-').map(Number) as [number, number, number];
}

/** 「12月5日(土)」; the year is added when it is not the year of `today` (「2027年1月9日(土)」). */
export function formatDay(day: Day, today?: Day): string {
  const [y, m, d] = parts(day);
  const year = today && today.slice(0, 4) !== day.slice(0, 4) ? `${y}年` : '';
  return `${year}${m}月${d}日(${WEEKDAY_LABELS[weekdayOf(day)]})`;
}

/** 「11月16日〜22日」, 「12月28日〜1月3日」: a span of days, short. */
export function formatSpan(from: Day, to: Day): string {
  const [, m1, d1] = parts(from);
  const [, m2, d2] = parts(to);
  if (from === to) return `${m1}月${d1}日`;
  return m1 === m2 ? `${m1}月${d1}日〜${d2}日` : `${m1}月${d1}日〜${m2}月${d2}日`;
}

/** 「10:00〜12:00」. */
export function formatTimes(start: string, end: string): string {
  return `${start.replace(/^0/, '')}〜${end.replace(/^0/, '')}`;
}

/** 「12月5日(土) 10:00〜12:00」. */
export function formatWhen(c: Pick<ClassItem, 'date' | 'start' | 'end'>, today?: Day): string {
  return `${formatDay(c.date, today)} ${formatTimes(c.start, c.end)}`;
}

/** 「無料」, 「500円」 or the words staff wrote; undefined when the schedule does not say. */
export function formatFee(fee: ClassItem['fee']): string | undefined {
  if (fee === undefined) return undefined;
  if (typeof fee === 'number') return fee === 0 ? '無料' : `${fee.toLocaleString('ja-JP')}円`;
  return fee;
}

/** How to join, in one line: 「予約不要（当日、会場へどうぞ）」, 「電話で申し込み 0568-76-1113」… */
export function formatJoin(join: ClassJoin): string {
  const note = join.note ? `（${join.note}）` : '';
  switch (join.how) {
    case 'none':
      return `予約不要${note || '（当日、会場へどうぞ）'}`;
    case 'phone':
      return `電話で申し込み ${join.phone ?? ''}${note}`.trim();
    case 'form':
      return `申込みフォームから${note}`;
    case 'other':
      return join.note ?? '担当へお問い合わせください';
  }
}

/** 「味岡市民センター（味岡）」: the venue with its area when the name does not say it. */
export function formatVenue(c: Pick<ClassItem, 'venue'>): string {
  const { name, area } = c.venue;
  return area && !name.includes(area) ? `${name}（${area}）` : name;
}

export function kindLabel(c: Pick<ClassItem, 'kind'>): string {
  return CLASS_KIND_LABELS[c.kind];
}
