/**
 * Telling a schedule question (「次のスマホ教室いつ？」「予約なしで行ける相談会ある？」「味岡の近くで
 * やってる？」「来週のスマホ教室ある？」) from a general one about what スマホ教室 are (「スマホ教室って
 * 何をするの？」, which the FAQ answers), and reading its conditions: kind, area, venue, 予約不要,
 * 初心者, 高齢者, topic and date words. Pure: today, the areas and the venues come in.
 */
import type { ClassKind } from '../schema/index.js';
import { normalize } from '../text/index.js';
import { parseDateWords, type DateFilter } from './date-words.js';
import type { Day } from '../time/index.js';

export interface QueryContext {
  /** Today in Japan (`jstDay(now)`). */
  today: Day;
  /** District names: city.yaml `areas` and the areas of the schedule's venues. */
  areas: readonly string[];
  /** Venue names in the schedule. */
  venues: readonly string[];
  /** The bot's last reply listed classes: a short follow-up (「来週は？」) is about classes too. */
  followUp?: boolean;
}

/** What a resident asked for. Every condition present must hold. */
export interface ClassQuery {
  kinds?: readonly ClassKind[];
  areas?: readonly string[];
  /** A facility word matched against venue names (「図書館」, 「老人福祉センター」). */
  venue?: string;
  /** 予約不要 only. */
  noBooking?: boolean;
  /** For beginners (target, title or topics say 初心者/はじめて…). */
  beginner?: boolean;
  /** For older residents (target says 高齢/シニア/…歳以上). */
  senior?: boolean;
  /** One group of words for what is taught (LINE/ライン…), matched in topics and title. */
  topic?: readonly string[];
  dates?: DateFilter;
  /** The conditions as the bot says them back: 「来週（11月16日〜22日）・予約不要・相談会」. */
  label: string;
}

const keys = (words: readonly string[]): string[] => words.map((w) => normalize(w));
const hasAny = (text: string, words: readonly string[]): boolean =>
  words.some((w) => text.includes(w));

/** Things to use: a smartphone and its kin. */
const DEVICE = keys([
  'スマホ',
  'スマートフォン',
  '携帯',
  'ケータイ',
  'デジタル',
  'LINE',
  'ライン',
  'タブレット',
  'パソコン',
  'アプリ',
]);
/** Words for a class, consultation or salon. */
const EVENT = [
  '教室',
  '講座',
  '相談会',
  'サロン',
  '勉強会',
  'セミナー',
  '体験会',
  'きょうしつ',
  'こうざ',
  'そうだんかい',
];
/** Weaker words that mean a class only next to a device word. */
const LEARN = keys(['相談', '習', '教え', '教わ', 'ならい', 'おしえ', 'そうだん']);
/** A word before 教室/講座/相談会 that keeps it ours (スマホ個別相談会, はじめてのLINE講座…). */
const OWN_QUALIFIERS = keys([
  ...['スマホ', 'スマートフォン', '携帯', 'ケータイ', 'デジタル', 'LINE', 'ライン', 'タブレット'],
  ...['パソコン', 'アプリ', '個別', '出張', '初心者', '高齢者', 'シニア', '無料', '体験', '活用'],
  ...['入門', '相談', '次', '今度', '近く', '予約不要', '集合'],
]);
/** Asking about when or whether one is held, or to go. */
const SCHEDULE_CUES = keys([
  ...['いつ', '次', '今度', '日程', '予定', 'スケジュール', '何日', '何曜', '何時', '開催', '近々'],
  ...['やってる', 'やっている', 'やってます', 'やってない', 'あいてる', '開いてる', 'ひらいてる'],
  ...[
    '参加したい',
    '行きたい',
    'いきたい',
    '申し込みたい',
    '予約したい',
    '受けたい',
    '近く',
    '近い',
  ],
  ...['近所', '最寄り', '空いて', 'ひらかれ'],
]);
/** A general question about what the classes are (answered by the FAQ). */
const GENERAL_CUES = keys([
  ...['とは', 'って何', 'ってなに', 'ってなん', '何をする', '何を習', '何を教', 'なにをする'],
  ...['どんな', '内容', '目的', '持ち物', '持っていく', '費用', '参加費', '料金', 'いくら'],
]);
/** Questions about venue or area events, even without the word 教室 (「味岡の近くでやってる？」). */
const HELD = keys(['やってる', 'やっている', 'やってます', '開催', '開いてる', 'ひらいてる']);
const NO_BOOKING = keys([
  ...['予約なし', '予約無し', '予約不要', '予約いらな', '予約がいらな', '予約しな', '予約せず'],
  ...['予約は不要', '予約はいらな', 'よやくなし', 'よやくいらな', '申し込みなし', '申込不要'],
  ...['申し込みいらな', '飛び込み', 'ふらっと', '気軽に', 'きがるに', '当日そのまま'],
]);
const BEGINNER = keys([
  '初心者',
  '初めて',
  'はじめて',
  '初級',
  '入門',
  '基本',
  '基礎',
  'ビギナー',
  '苦手',
]);
const SENIOR = keys(['高齢', 'シニア', '年寄り', 'としより', 'お年寄り', '歳以上', 'さい以上']);
/** Words whose classes teach the same thing; the first is how the bot says it. */
const TOPICS: ReadonlyArray<readonly string[]> = [
  ['LINE', 'ライン', 'らいん'],
  ['マイナンバー', 'マイナ', 'まいな', 'マイナポータル'],
  ['キャッシュレス', 'PayPay', 'ペイペイ', 'スマホ決済', 'バーコード決済'],
  ['写真', 'カメラ', 'しゃしん'],
  ['地図', 'マップ'],
  ['防災', 'ぼうさい'],
  ['メール', 'めーる'],
  ['ビデオ通話', 'テレビ電話'],
];
/** Facilities, to read 「図書館でやってる？」 even when the venue is spelled differently. */
const FACILITY =
  /[\p{Script=Han}\p{Script=Katakana}ー・]*(センター|図書館|公民館|市役所|支所|出張所|会館|ホール|郵便局|ショップ|体育館|大学|庁舎)/u;

const KIND_WORDS: ReadonlyArray<[ClassKind[], readonly string[], string]> = [
  [['drop-in'], keys(['ふらっと', '予約なし相談', '予約不要の相談']), 'ふらっと相談会'],
  [['salon'], keys(['サロン']), 'スマホサロン'],
  [['outreach'], keys(['出張', '来てもらえ', 'きてもらえ', '来てくれ', 'きてくれ']), '出張教室'],
  [['consultation'], keys(['個別', 'マンツーマン', '一対一', '1対1']), '個別相談会'],
  [['classroom'], keys(['集合', 'みんなで']), '教室'],
];

// Built once: every text question goes through parseClassQuery before the search.
const CONSULT = normalize('相談');
const FURATTO = keys(['ふらっと']);
const TOPIC_KEYS = TOPICS.map((group) => keys(group));
/** An event word with the word before it (matchAll copies the regex, so sharing it is safe). */
const EVENT_WORD = new RegExp(
  `([\\p{Script=Han}\\p{Script=Katakana}A-Za-zー]*)(${EVENT.join('|')})`,
  'gu',
);

function kindsOf(t: string): { kinds: ClassKind[]; label: string } | undefined {
  for (const [kinds, words, label] of KIND_WORDS) if (hasAny(t, words)) return { kinds, label };
  if (t.includes(CONSULT)) return { kinds: ['consultation', 'drop-in'], label: '相談会' };
  return undefined;
}

/** True when some 教室/講座/相談会 in the text is ours (not 料理教室 or 税務相談会). */
function ownEventWord(raw: string): boolean {
  const t = raw.normalize('NFKC');
  for (const m of t.matchAll(EVENT_WORD)) {
    const qualifier = normalize(m[1] ?? '');
    if (!qualifier || hasAny(qualifier, OWN_QUALIFIERS)) return true;
  }
  return false;
}

function areasIn(t: string, areas: readonly string[]): string[] {
  return [...new Set(areas)].filter((a) => a.length > 0 && t.includes(normalize(a)));
}

/** The venue a text names: one of the schedule's, or a facility word (「図書館」). */
function venueIn(raw: string, t: string, venues: readonly string[]): { venue?: string } {
  const named = venues.find((v) => t.includes(normalize(v)));
  if (named) return { venue: named };
  const facility = FACILITY.exec(raw.normalize('NFKC'))?.[0];
  return facility ? { venue: facility } : {};
}

/**
 * Reads a schedule question, or returns undefined for anything else (the FAQ answers those).
 */
export function parseClassQuery(text: string, ctx: QueryContext): ClassQuery | undefined {
  const t = normalize(text);
  const dates = parseDateWords(text, ctx.today);
  const areas = areasIn(t, ctx.areas);
  const { venue } = venueIn(text, t, ctx.venues);
  const noBooking = hasAny(t, NO_BOOKING);
  const kinds = kindsOf(t);
  const device = hasAny(t, DEVICE);
  const classWord = ownEventWord(text) || (device && hasAny(t, LEARN)) || hasAny(t, FURATTO);
  // 「味岡の近くでやってる？」 is about classes; 「味岡支所は土曜やってる？」 and 「市役所は土曜日
  // やってる？」 ask when a place is open (the FAQ's matter), even where classes are held.
  const placeHeld = areas.length > 0 && hasAny(t, HELD) && venue === undefined;
  const followUp =
    ctx.followUp === true &&
    [...t].length <= 30 &&
    (dates !== undefined || areas.length > 0 || venue !== undefined || noBooking || !!kinds);

  if (!classWord && !placeHeld && !followUp) return undefined;
  const specific = dates !== undefined || noBooking || areas.length > 0 || venue !== undefined;
  const cue = specific || hasAny(t, SCHEDULE_CUES);
  if (!cue && !followUp) return undefined;
  if (!specific && hasAny(t, GENERAL_CUES)) return undefined;

  const beginner = hasAny(t, BEGINNER);
  const senior = hasAny(t, SENIOR);
  const topicAt = TOPIC_KEYS.findIndex((group) => hasAny(t, group));
  const topic = topicAt >= 0 ? TOPICS[topicAt] : undefined;
  const label = [
    dates?.label,
    areas.length > 0 ? areas.join('・') : undefined,
    venue && !areas.some((a) => venue.includes(a)) ? venue : undefined,
    noBooking ? '予約不要' : undefined,
    beginner ? '初心者向け' : undefined,
    senior ? '高齢の方向け' : undefined,
    topic ? `${topic[0]}` : undefined,
    kinds?.label,
  ].filter((x): x is string => Boolean(x));
  return {
    ...(kinds ? { kinds: kinds.kinds } : {}),
    ...(areas.length > 0 ? { areas } : {}),
    ...(venue && !areas.some((a) => venue === a) ? { venue } : {}),
    ...(noBooking ? { noBooking } : {}),
    ...(beginner ? { beginner } : {}),
    ...(senior ? { senior } : {}),
    ...(topic ? { topic } : {}),
    ...(dates ? { dates } : {}),
    label: label.join('・'),
  };
}
