/**
 * Date words residents type, read against today in Japan: 今日, 明日, あさって, 今週, 来週, 再来週,
 * 週末, 来週末, 今月, 来月, 土曜 (or （土）, どようび), 平日, 12月, 12/5, 12月5日, 5日, 2027/1/9, and
 * 午前/午後. A month or date without a year is the next one to come (「1月」 asked in December is
 * next January). Pure: `today` comes in.
 */
import { formatDay, formatSpan } from './format.js';
import { addDays, monthStart, type Day } from '../time/index.js';
import { makeDay, mondayOf, monthEnd, weekdayOf, WEEKDAY_LABELS } from './calendar.js';

/** Days a class may fall on, with how to say them back. */
export interface DateFilter {
  /** First and last day, inclusive. */
  from: Day;
  to: Day;
  /** Only these weekdays (0 = Sunday). */
  weekdays?: readonly number[];
  /** Morning (starts before 12:00) or afternoon. */
  part?: 'am' | 'pm';
  /** 「来週（11月16日〜22日）」, 「土曜」, 「12月5日(土)」. */
  label: string;
}

/** How far ahead a weekday or 午前/午後 alone looks. */
export const OPEN_RANGE_DAYS = 366;

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十二 → 12, 二十一 → 21, 三十 → 30 (enough for months and days). */
function kanjiNumber(s: string): number {
  if (!s.includes('十')) return Number([...s].map((c) => KANJI_DIGITS[c] ?? 0).join(''));
  const [tens, ones] = s.split('十') as [string, string];
  return (tens ? (KANJI_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (KANJI_DIGITS[ones] ?? 0) : 0);
}

/** NFKC, no spaces, kanji numerals before 月/日 as digits (十二月五日 → 12月5日). */
export function dateText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[〇一二三四五六七八九十]{1,3}(?=[月日])/g, (m) => String(kanjiNumber(m)));
}

const WEEKDAY_KANA = ['にち', 'げつ', 'か', 'すい', 'もく', 'きん', 'ど'];

function weekdaysIn(t: string): number[] {
  const found = new Set<number>();
  for (const m of t.matchAll(/([月火水木金土日])曜|[(（]([月火水木金土日])[)）]/g)) {
    found.add(WEEKDAY_LABELS.indexOf((m[1] ?? m[2]) as (typeof WEEKDAY_LABELS)[number]));
  }
  for (const m of t.matchAll(/(にち|げつ|か|すい|もく|きん|ど)ようび/g)) {
    found.add(WEEKDAY_KANA.indexOf(m[1]!));
  }
  if (/土日|週末|しゅうまつ/.test(t)) [6, 0].forEach((d) => found.add(d));
  if (/平日/.test(t)) [1, 2, 3, 4, 5].forEach((d) => found.add(d));
  return [...found].filter((d) => d >= 0).sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
}

interface Span {
  from: Day;
  to: Day;
  label: string;
}

/** The next `month` (1–12) to come: this year's unless it is over. */
function nextMonth(month: number, today: Day): Span | undefined {
  if (month < 1 || month > 12) return undefined;
  const year = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const start = makeDay(month < thisMonth ? year + 1 : year, month, 1)!;
  const from = start < today ? today : start;
  const yearLabel = start.slice(0, 4) !== today.slice(0, 4) ? `${start.slice(0, 4)}年` : '';
  return { from, to: monthEnd(start), label: `${yearLabel}${month}月` };
}

/** The next `month`/`date` to come (this year's, or next year's when it has passed). */
function nextDate(month: number, date: number, today: Day): Day | undefined {
  const year = Number(today.slice(0, 4));
  const day = makeDay(year, month, date);
  if (day && day >= today) return day;
  return makeDay(year + 1, month, date) ?? undefined;
}

function single(day: Day, today: Day, word = ''): Span {
  return {
    from: day,
    to: day,
    label: word ? `${word}（${formatDay(day, today)}）` : formatDay(day, today),
  };
}

function week(monday: Day, today: Day, word: string): Span {
  const from = monday < today ? today : monday;
  const to = addDays(monday, 6);
  return { from, to, label: `${word}（${formatSpan(from, to)}）` };
}

function weekend(monday: Day, today: Day, word: string): Span {
  const sat = addDays(monday, 5);
  const from = sat < today ? today : sat;
  const to = addDays(monday, 6);
  return { from, to, label: `${word}（${formatSpan(from, to)}）` };
}

/** The span a text names, most specific first. */
function spanOf(t: string, today: Day): Span | undefined {
  let m = /(\d{4})[年/.-](\d{1,2})[月/.-](\d{1,2})日?/.exec(t);
  if (m) {
    const day = makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return day ? single(day, today) : undefined;
  }
  m = /(?<![\d/])(\d{1,2})(?:月|\/)(\d{1,2})日?(?![\d/])/.exec(t);
  if (m) {
    const day = nextDate(Number(m[1]), Number(m[2]), today);
    return day ? single(day, today) : undefined;
  }
  m = /(?<![\d/])(\d{1,2})月(?!\d)/.exec(t);
  if (m) return nextMonth(Number(m[1]), today);
  m = /(?<![\d/月])(\d{1,2})日(?![\d曜])/.exec(t);
  if (m) {
    const d = Number(m[1]);
    const thisMonth = makeDay(Number(today.slice(0, 4)), Number(today.slice(5, 7)), d);
    const day =
      thisMonth && thisMonth >= today
        ? thisMonth
        : (() => {
            const next = monthStart(today, 1);
            return makeDay(Number(next.slice(0, 4)), Number(next.slice(5, 7)), d);
          })();
    return day ? single(day, today) : undefined;
  }
  if (/今日|本日|きょう(?=$|[はのにもやでっあ、。?？!！])/.test(t))
    return single(today, today, '今日');
  if (/明後日|あさって/.test(t)) return single(addDays(today, 2), today, 'あさって');
  if (/明日|あした|あす(?!な)/.test(t)) return single(addDays(today, 1), today, '明日');
  const monday = mondayOf(today);
  if (/再来週|さらいしゅう/.test(t)) return week(addDays(monday, 14), today, '再来週');
  if (/来週末|らいしゅうまつ/.test(t)) return weekend(addDays(monday, 7), today, '来週末');
  if (/今週末|週末|しゅうまつ|土日/.test(t)) return weekend(monday, today, '週末');
  if (/来週|らいしゅう/.test(t)) return week(addDays(monday, 7), today, '来週');
  if (/今週|こんしゅう/.test(t)) return week(monday, today, '今週');
  if (/再来月/.test(t)) {
    const start = monthStart(today, 2);
    return { from: start, to: monthEnd(start), label: `再来月（${Number(start.slice(5, 7))}月）` };
  }
  if (/来月|らいげつ/.test(t)) {
    const start = monthStart(today, 1);
    return { from: start, to: monthEnd(start), label: `来月（${Number(start.slice(5, 7))}月）` };
  }
  if (/今月|こんげつ/.test(t)) return { from: today, to: monthEnd(today), label: '今月' };
  return undefined;
}

/**
 * The days a text asks about, or undefined when it names none. `today` is the JST day
 * (`jstDay(now)`).
 */
export function parseDateWords(text: string, today: Day): DateFilter | undefined {
  const t = dateText(text);
  const span = spanOf(t, today);
  const weekdays = weekdaysIn(t);
  const part = /午前|朝/.test(t) ? 'am' : /午後|夕方|夜/.test(t) ? 'pm' : undefined;
  if (!span && weekdays.length === 0 && !part) return undefined;

  const from = span?.from ?? today;
  const to = span?.to ?? addDays(today, OPEN_RANGE_DAYS);
  // 週末 already is Saturday and Sunday; a span of one day needs no weekday filter.
  const keepWeekdays = weekdays.length > 0 && !(span && span.from === span.to);
  const dayWords = weekdays.map((d) => WEEKDAY_LABELS[d]).join('・');
  const isWeekend = weekdays.length === 2 && weekdays.includes(6) && weekdays.includes(0);
  let label = span?.label ?? '';
  if (keepWeekdays && !(span && isWeekend && /週末/.test(span.label))) {
    const days =
      /平日/.test(t) && weekdays.length === 5 ? '平日' : isWeekend ? '土日' : `${dayWords}曜`;
    label = label ? `${label}の${days}` : days;
  }
  if (part) label = `${label}${label ? 'の' : ''}${part === 'am' ? '午前' : '午後'}`;
  return {
    from,
    to,
    ...(keepWeekdays ? { weekdays } : {}),
    ...(part ? { part } : {}),
    label,
  };
}

/** True when `day` at `start` (HH:MM) is inside the filter. */
export function inDateFilter(f: DateFilter, day: Day, start: string): boolean {
  if (day < f.from || day > f.to) return false;
  if (f.weekdays && !f.weekdays.includes(weekdayOf(day))) return false;
  if (f.part === 'am' && start >= '12:00') return false;
  if (f.part === 'pm' && start < '12:00') return false;
  return true;
}
