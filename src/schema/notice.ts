/**
 * A segmented notice as an admin writes it (`Notice`), a change to its draft (`NoticePatch`),
 * its message and its send time. Parsed at every boundary: the admin API, the CLI's YAML, Redis
 * reads. The broadcast that sends it is in `broadcast.ts`.
 */
import { z } from 'zod';
import { TargetSchema } from './segment.js';

const text = (max: number) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** `TargetSchema` with an error message that says what a target looks like. */
export const NoticeTargetSchema = z.union(TargetSchema.options, {
  error:
    'give { all: true } for every friend, or topics, areas and/or ages (non-empty lists of ids from city.yaml)',
});

/** The Flex layouts a notice can use (src/delivery/notice-templates.ts); each names its params. */
export const NOTICE_TEMPLATES = ['notice', 'event'] as const;

/** The body of a notice: plain text, or a Flex layout filled with parameters. */
export const NoticeMessageSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('text'), text: text(4000) }),
    z.strictObject({
      type: z.literal('flex'),
      template: z.enum(NOTICE_TEMPLATES),
      params: z
        .record(
          z.string().regex(/^[a-z][A-Za-z0-9]{0,31}$/, 'a parameter name like body or linkUrl'),
          z.string().trim().max(2000, 'must be at most 2000 characters'),
        )
        .default({}),
    }),
  ],
  { error: 'message.type must be "text" or "flex"' },
);
export type NoticeMessage = z.infer<typeof NoticeMessageSchema>;

const SEND_AT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads a send time. Without an offset it is Japan time (JST, UTC+9, no daylight saving), as
 * staff write it: `2026-04-01 09:30`. Returns undefined when it is not a real date and time.
 */
export function parseSendAt(value: string): Date | undefined {
  const m = SEND_AT.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const fields = [y, mo, d, h, mi, s ?? '00'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [year, month, day, hour, minute, second] = fields;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(utc).getUTCDate() !== day) return undefined; // 2026-02-30
  let offsetMinutes = 9 * 60;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  return new Date(utc - offsetMinutes * 60_000);
}

/** A send time as staff write it (JST when no offset is given). */
export const SendAtSchema = z
  .string()
  .trim()
  .refine((v) => parseSendAt(v) !== undefined, {
    message: 'must be a date and time like "2026-04-01 09:30" (JST) or ISO 8601 with an offset',
  });

/**
 * A notice as an admin writes it. The sending department and a contact are required: residents
 * see who wrote and whom to ask. `sendAt` absent = as soon as confirmed. A non-urgent notice
 * that would go out at night waits until morning (see `planSendTime`).
 */
export const NoticeSchema = z.strictObject({
  /** The heading residents see, and the notice's name in lists. */
  title: text(80),
  message: NoticeMessageSchema,
  department: text(40),
  contact: text(120),
  target: NoticeTargetSchema,
  sendAt: SendAtSchema.optional(),
  urgent: z.boolean().default(false),
});
export type Notice = z.infer<typeof NoticeSchema>;
export type NoticeInput = z.input<typeof NoticeSchema>;

/** A change to a draft: any field of the notice; `sendAt: null` clears the send time. */
export const NoticePatchSchema = z
  .strictObject({
    title: text(80).optional(),
    message: NoticeMessageSchema.optional(),
    department: text(40).optional(),
    contact: text(120).optional(),
    target: NoticeTargetSchema.optional(),
    sendAt: SendAtSchema.nullable().optional(),
    urgent: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'give at least one field to change' });
export type NoticePatch = z.infer<typeof NoticePatchSchema>;
