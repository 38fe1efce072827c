/**
 * スマホ教室: the schedule staff keep in `faq/<city>/classes.yaml` (classes with date, time, venue,
 * how to join…), and what the bot keeps about it: residents' 「前日に通知」 reminders and the
 * weekly announcements. Dates and times are Japan time (JST, UTC+9, no daylight saving).
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
const isoTime = z.iso.datetime({ offset: true });
/** YAML turns `id: 12` into a number; ids are always strings. */
const idLike = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/, 'use letters, digits, "-", "_" or "." (no spaces)'),
);

function isRealDate(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A calendar day in Japan, `YYYY-MM-DD`. YAML hands us a Date for an unquoted date. */
export const ClassDateSchema = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD, e.g. 2026-11-14')
    .refine(isRealDate, 'not a real date'),
);

/** A time of day in Japan, `HH:MM` (24-hour); `9:30` is read as `09:30`. */
export const ClassTimeSchema = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour, Japan time), e.g. 13:30')
  .transform((v) => v.padStart(5, '0'));

/**
 * The kinds of class the plans name: a group class (集合型), one-to-one consultations (個別相談会),
 * a salon, classes brought to a group or event (出張型), and drop-in consultations without
 * booking (ふらっと).
 */
export const CLASS_KINDS = ['classroom', 'consultation', 'salon', 'outreach', 'drop-in'] as const;
export const ClassKindSchema = z.enum(CLASS_KINDS, {
  error: `kind must be one of ${CLASS_KINDS.join(', ')}`,
});
export type ClassKind = z.infer<typeof ClassKindSchema>;

/** How residents call each kind. */
export const CLASS_KIND_LABELS: Readonly<Record<ClassKind, string>> = {
  classroom: 'スマホ教室',
  consultation: 'スマホ個別相談会',
  salon: 'スマホサロン',
  outreach: '出張スマホ教室',
  'drop-in': 'ふらっと相談会',
};

export const ClassVenueSchema = z.strictObject({
  name: text,
  address: text.optional(),
  /** A district from city.yaml `areas` (used for 「○○の近く」 and the area announcements). */
  area: text.optional(),
});
export type ClassVenue = z.infer<typeof ClassVenueSchema>;

/** `none` = 予約不要 (just come); `phone` and `form` need booking; `other` says how in `note`. */
export const JOIN_METHODS = ['none', 'phone', 'form', 'other'] as const;

export const ClassJoinSchema = z
  .strictObject({
    how: z.enum(JOIN_METHODS, { error: `how must be one of ${JOIN_METHODS.join(', ')}` }),
    phone: text.optional(),
    /** At most 300 characters: it becomes a button in the class card. */
    url: z
      .url({ protocol: /^https$/, error: 'must be an https:// address' })
      .max(300, 'a form address must be at most 300 characters')
      .optional(),
    /** e.g. 「開催日の1週間前まで」「先着順」「店頭で申し込み」. */
    note: text.optional(),
  })
  .superRefine((j, ctx) => {
    if (j.how === 'phone' && !j.phone) {
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'how: phone needs a phone number' });
    }
    if (j.how === 'form' && !j.url) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'how: form needs the form url' });
    }
    if (j.how === 'other' && !j.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'how: other needs a note (how)' });
    }
  });
export type ClassJoin = z.infer<typeof ClassJoinSchema>;

export const ClassItemSchema = z
  .strictObject({
    id: idLike,
    title: text,
    kind: ClassKindSchema,
    date: ClassDateSchema,
    start: ClassTimeSchema,
    end: ClassTimeSchema,
    venue: ClassVenueSchema,
    /** Who it is for: 初心者, 65歳以上, … (empty = anyone). */
    target: z.array(text).default([]),
    /** What is taught: LINEの使い方, マイナンバーカード, … */
    topics: z.array(text).default([]),
    capacity: z.number().int().positive().optional(),
    /** `0` = 無料, a number = yen, or words (「500円（テキスト代）」). */
    fee: z.union([z.number().int().min(0), text]).optional(),
    join: ClassJoinSchema,
    /** The department that runs it (defaults to the schedule's contact). */
    organizer: text.optional(),
    /** A company or group it is held with (ソフトバンク, 名古屋大学…). */
    partner: text.optional(),
    notes: text.optional(),
    cancelled: z.boolean().default(false),
  })
  .refine((c) => c.end > c.start, { path: ['end'], message: 'end must be after start' });
export type ClassItem = z.infer<typeof ClassItemSchema>;
export type ClassItemInput = z.input<typeof ClassItemSchema>;

/** Whom residents ask about the classes. */
export const ClassContactSchema = z.strictObject({
  name: text,
  phone: text.optional(),
  note: text.optional(),
});
export type ClassContact = z.infer<typeof ClassContactSchema>;

/** `classes.yaml`. */
export const ClassScheduleSchema = z.strictObject({
  /**
   * True for a schedule made up to show the feature (the plans give no dates). The bot then
   * says under every list that the dates are samples, so no resident is misled.
   */
  sample: z.boolean().default(false),
  contact: ClassContactSchema.optional(),
  classes: z.array(ClassItemSchema).default([]),
});
export type ClassSchedule = z.infer<typeof ClassScheduleSchema>;

/** When and where a class is, as a resident was told it (to notice a move later). */
export const ClassSlotSchema = z.object({
  date: ClassDateSchema,
  start: ClassTimeSchema,
  end: ClassTimeSchema,
  venue: z.string().min(1),
});
export type ClassSlot = z.infer<typeof ClassSlotSchema>;

/**
 * One message the bot owes a resident about a class. Its retry key is stored before the first
 * attempt, so a second run (a restarted scheduler) sends with the same key and LINE delivers
 * once. `for` names what it is about: the slot (`2026-11-14 10:00`) of a reminder or a move.
 */
export const ClassDeliverySchema = z.object({
  status: z.enum(['sending', 'sent', 'failed']),
  for: z.string().min(1),
  retryKey: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  keyAt: isoTime,
  reason: z.string().max(200).optional(),
});
export type ClassDelivery = z.infer<typeof ClassDeliverySchema>;

/** A resident's 「前日に通知」 for one class (the user id is the key it is stored under). */
export const ClassReminderSchema = z.object({
  classId: idLike,
  /** The title when registered: the list still reads well if the class leaves the schedule. */
  title: z.string().min(1).max(200),
  registeredAt: isoTime,
  /** Where and when the resident expects it; updated when they are told of a move. */
  slot: ClassSlotSchema,
  /** Bumped on every change (compare-and-set in the stores). */
  version: z.number().int().min(1),
  /** The day-before push. */
  remind: ClassDeliverySchema.optional(),
  /** The last change notice (moved or cancelled). */
  change: ClassDeliverySchema.extend({ kind: z.enum(['moved', 'cancelled']) }).optional(),
});
export type ClassReminder = z.infer<typeof ClassReminderSchema>;

/**
 * One weekly announcement of new classes: the groups (an area, or every subscriber) and the
 * broadcast each became. Kept so a rerun in the same week sends nothing twice.
 */
export const ClassAnnouncementSchema = z.object({
  /** The JST Monday of the week, `YYYY-MM-DD`. */
  week: ClassDateSchema,
  version: z.number().int().min(1),
  status: z.enum(['publishing', 'done']),
  groups: z.array(
    z.object({
      /** Absent = every subscriber of the topic (classes without an area, or no areas). */
      area: z.string().min(1).optional(),
      classIds: z.array(idLike).min(1),
      /** The broadcast it became (recorded when created, so a rerun confirms that one only). */
      broadcastId: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{2,39}$/)
        .optional(),
      /** Confirmed (or found nobody to send to): nothing more to do for this group. */
      published: z.boolean(),
      recipients: z.number().int().min(0).optional(),
    }),
  ),
  createdAt: isoTime,
  finishedAt: isoTime.optional(),
});
export type ClassAnnouncement = z.infer<typeof ClassAnnouncementSchema>;

/** When the weekly announcement goes out: a weekday (0 = Sunday) and a JST time `HH:MM`. */
export interface WeeklyTime {
  weekday: number;
  time: string;
}

const WEEKDAY_NAMES: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  日: 0,
  月: 1,
  火: 2,
  水: 3,
  木: 4,
  金: 5,
  土: 6,
};

/**
 * `mon 10:00` (or `月 10:00`, `月曜 10:00`) → a weekly time; `off` → `'off'`. Used by the
 * `CLASS_ANNOUNCE_AT` setting.
 */
export const WeeklyTimeSchema = z.string().transform((value, ctx): WeeklyTime | 'off' => {
  const v = value.trim().toLowerCase();
  if (v === 'off') return 'off';
  const m = /^([a-z]{3}|[日月火水木金土])(?:曜日?)?\s+(\d{1,2}):(\d{2})$/u.exec(v);
  const weekday = m ? WEEKDAY_NAMES[m[1]!] : undefined;
  if (!m || weekday === undefined || Number(m[2]) > 23 || Number(m[3]) > 59) {
    ctx.addIssue({
      code: 'custom',
      message: `a weekly time must look like "mon 10:00" (or "off"), got "${value}"`,
    });
    return z.NEVER;
  }
  return { weekday, time: `${m[2]!.padStart(2, '0')}:${m[3]}` };
});
