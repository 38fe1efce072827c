/**
 * The weekly announcement: which classes are new since the last one (upcoming, never announced),
 * grouped by the area residents chose (a class without an area, or a city without areas, goes to
 * every subscriber of the topic), and the notice each group becomes. Pure.
 */
import { MadoguchiError } from '../errors.js';
import type { ClassItem, NoticeInput, WeeklyTime } from '../schema/index.js';
import { WeeklyTimeSchema } from '../schema/index.js';
import type { ClassCatalog } from './catalog.js';
import { isUpcoming } from './catalog.js';
import { formatFee, formatJoin, formatVenue, formatWhen, kindLabel } from './format.js';
import { addDays, jstDay, jstInstant, type Day } from '../time/index.js';
import { mondayOf } from './calendar.js';

/** The topic residents subscribe to for スマホ教室 news (city.yaml `topics`). */
export const CLASS_TOPIC = 'digital';
/** Classes listed in one announcement; more are counted, not listed. */
export const MAX_ANNOUNCED = 10;

export interface AnnouncementGroup {
  /** Absent: every subscriber of the topic. */
  area?: string;
  classes: ClassItem[];
}

/** The week an announcement belongs to: its JST Monday. */
export function announcementWeek(now: Date): Day {
  return mondayOf(jstDay(now));
}

/** New classes by group: city areas in city.yaml order, then the group for everyone. */
export function newClassGroups(
  catalog: ClassCatalog,
  announced: ReadonlySet<string>,
  cityAreas: readonly string[],
  now: Date,
): AnnouncementGroup[] {
  const fresh = catalog.classes.filter((c) => isUpcoming(c, now) && !announced.has(c.id));
  const groups: AnnouncementGroup[] = [];
  for (const area of cityAreas) {
    const classes = fresh.filter((c) => c.venue.area === area);
    if (classes.length > 0) groups.push({ area, classes });
  }
  const rest = fresh.filter((c) => !c.venue.area || !cityAreas.includes(c.venue.area));
  if (rest.length > 0) groups.push({ classes: rest });
  return groups;
}

const clamp = (s: string, max: number): string =>
  [...s].length <= max ? s : [...s].slice(0, max - 1).join('') + '…';

function classLines(c: ClassItem, today: Day): string[] {
  const fee = formatFee(c.fee);
  return [
    `・${formatWhen(c, today)}\u3000${c.title}（${kindLabel(c)}）`,
    `\u3000会場: ${formatVenue(c)}`,
    `\u3000申込み: ${formatJoin(c.join)}${fee ? `／参加費: ${fee}` : ''}`,
  ];
}

/** The notice of one group, for the broadcast engine (`NoticeSchema`). */
export function announcementNotice(
  group: AnnouncementGroup,
  catalog: ClassCatalog,
  now: Date,
): NoticeInput {
  const today = jstDay(now);
  const where = group.area ? `（${group.area}）` : '';
  const shown = group.classes.slice(0, MAX_ANNOUNCED);
  const more = group.classes.length - shown.length;
  const lines = [
    `新しいスマホ教室・相談会の予定です${where}。`,
    '',
    ...shown.flatMap((c) => classLines(c, today)),
    more > 0 ? `ほかに${more}件あります。` : '',
    '',
    catalog.sample ? '※この日程は見本です。実際の日程は担当へお問い合わせください。' : '',
    'このトークで「スマホ教室の予定」と送ると、一覧と「前日に通知」のボタンが出ます。',
  ];
  const contact = [catalog.contact.name, catalog.contact.phone].filter(Boolean).join(' ');
  return {
    title: clamp(`新しいスマホ教室のお知らせ${where}`, 80),
    message: {
      type: 'text',
      text: clamp(
        lines
          .join('\n')
          .replace(/\n{3,}/g, '\n\n')
          .trim(),
        4000,
      ),
    },
    department: clamp(catalog.contact.name, 40),
    contact: clamp(contact || catalog.contact.name, 120),
    target: group.area ? { topics: [CLASS_TOPIC], areas: [group.area] } : { topics: [CLASS_TOPIC] },
    urgent: false,
  };
}

export const DEFAULT_ANNOUNCE_TIME: WeeklyTime = { weekday: 1, time: '10:00' };

/** Reads `mon 10:00` (see `WeeklyTimeSchema`); undefined for `off`; throws for anything else. */
export function parseWeeklyTime(value: string): WeeklyTime | undefined {
  const r = WeeklyTimeSchema.safeParse(value);
  if (!r.success) {
    const why = r.error.issues.map((i) => i.message).join('; ');
    throw new MadoguchiError(
      'classes/bad-weekly-time',
      `bad weekly time ${JSON.stringify(value)}: ${why}`,
    );
  }
  return r.data === 'off' ? undefined : r.data;
}

/** The instant of the announcement in the week starting on `monday` (JST). */
export function weeklyInstant(monday: Day, at: WeeklyTime): Date {
  return jstInstant(addDays(monday, (at.weekday + 6) % 7), at.time);
}
