/**
 * Segmented notices and their broadcasts: what an admin writes (`Notice`), the life of sending
 * it (`Broadcast`, with its `BroadcastState`), one batch's progress (`BatchRecord`), the delivery
 * report and the audit log. Parsed at every boundary: the admin API, the CLI's YAML, Redis reads.
 */
import { z } from 'zod';
import { TargetSchema } from './segment.js';

const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
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

/** A broadcast id: `20260401-k3f9qz` (JST date of creation and 6 random characters). */
export const BroadcastIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,39}$/, 'a broadcast id like 20260401-k3f9qz');

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

/**
 * The life of a broadcast: draft → scheduled (confirmed; waits for its time) → sending → sent,
 * partly_failed or failed; cancelled from draft, scheduled or sending.
 */
export const BROADCAST_STATES = [
  'draft',
  'scheduled',
  'sending',
  'sent',
  'partly_failed',
  'failed',
  'cancelled',
] as const;
export const BroadcastStateSchema = z.enum(BROADCAST_STATES);
export type BroadcastState = z.infer<typeof BroadcastStateSchema>;

/** Why recipients did not get a notice. */
export const FAILURE_REASONS = [
  /** LINE's monthly message quota is used up (429 `You have reached your monthly limit.`). */
  'quota',
  /** LINE kept answering 5xx. */
  'server-error',
  /** No answer from LINE (timeouts, broken connections). */
  'network',
  /** LINE refused the request (4xx other than 409/429); its message is kept. */
  'rejected',
  /** The batch's retry key is older than LINE keeps keys (24 h): resending could duplicate. */
  'retry-key-expired',
  /** Nobody matched the target when sending started. */
  'no-recipients',
] as const;
export const FailureReasonSchema = z.enum(FAILURE_REASONS);
export type FailureReason = z.infer<typeof FailureReasonSchema>;

const ActorStampSchema = z.object({ at: isoTime, by: z.string().min(1) });

export const BroadcastSchema = z.object({
  id: BroadcastIdSchema,
  /** Bumped on every change (compare-and-set in the stores). */
  version: z.number().int().min(1),
  state: BroadcastStateSchema,
  notice: NoticeSchema,
  created: ActorStampSchema,
  updatedAt: isoTime,
  /** The admin's confirmation, with the recipient count they saw. */
  confirmed: ActorStampSchema.extend({ count }).optional(),
  /** When sending starts (UTC instant), after the night hold. */
  sendAt: isoTime.optional(),
  /** True when the night hold moved `sendAt` to the morning. */
  held: z.boolean().optional(),
  /** The LINE messages, rendered and frozen at confirmation: residents get what was previewed. */
  messages: z
    .array(z.looseObject({ type: z.string() }))
    .min(1)
    .max(5)
    .optional(),
  /** The last test send to the staff test accounts. */
  tested: ActorStampSchema.extend({ recipients: count }).optional(),
  startedAt: isoTime.optional(),
  /** Residents in the snapshot taken when sending started, and the batches they make. */
  recipients: count.optional(),
  batches: count.optional(),
  /** Set when sending stopped early (quota used up, nobody matched); remaining batches fail. */
  stopReason: FailureReasonSchema.optional(),
  cancelled: ActorStampSchema.optional(),
  finishedAt: isoTime.optional(),
});
export type Broadcast = z.infer<typeof BroadcastSchema>;

export const BATCH_STATUSES = ['sending', 'delivered', 'failed', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/**
 * One batch (≤ 500 recipients, one multicast request). Its retry key is stored before the first
 * attempt (`sending`), so every later attempt, by any worker, reuses it.
 */
export const BatchRecordSchema = z.object({
  status: z.enum(BATCH_STATUSES),
  retryKey: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    .optional(),
  /** When the retry key was made: LINE honours it for 24 hours. */
  keyAt: isoTime.optional(),
  /** Times a worker took this batch up. */
  attempts: count.default(0),
  /** User ids in the batch (known once it was read from the snapshot). */
  recipients: count.optional(),
  reason: FailureReasonSchema.optional(),
  /** LINE's HTTP status and error message, for `rejected` and the last transient failure. */
  httpStatus: z.number().int().optional(),
  lineMessage: z.string().max(1100).optional(),
  settledAt: isoTime.optional(),
});
export type BatchRecord = z.infer<typeof BatchRecordSchema>;

/** `GET /admin/api/broadcasts/:id/report`. */
export const DeliveryReportSchema = z.object({
  id: BroadcastIdSchema,
  title: z.string(),
  state: BroadcastStateSchema,
  confirmedCount: count.optional(),
  recipients: count,
  batches: z.object({
    total: count,
    delivered: count,
    failed: count,
    cancelled: count,
    pending: count,
  }),
  delivered: count,
  failed: count,
  failedByReason: z.partialRecord(FailureReasonSchema, count),
  cancelled: count,
  pending: count,
  /** The first failed batches with LINE's answer (at most 20). */
  errors: z.array(
    z.object({
      batch: count,
      reason: FailureReasonSchema,
      httpStatus: z.number().int().optional(),
      lineMessage: z.string().optional(),
    }),
  ),
  startedAt: isoTime.optional(),
  finishedAt: isoTime.optional(),
  durationMs: count.optional(),
});
export type DeliveryReport = z.infer<typeof DeliveryReportSchema>;

/** Who may do what on the admin API: viewer ⊂ broadcaster ⊂ admin. */
export const ADMIN_ROLES = ['viewer', 'broadcaster', 'admin'] as const;
export const AdminRoleSchema = z.enum(ADMIN_ROLES);
export type AdminRole = z.infer<typeof AdminRoleSchema>;

export const AdminTokenSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_.@-]{1,40}$/, 'a name of letters, digits, "_", ".", "@", "-"'),
  role: AdminRoleSchema,
  token: z
    .string()
    .min(24, 'a token must be at least 24 characters')
    .regex(/^[A-Za-z0-9_\-.~+/=]+$/, 'a token uses letters, digits and -._~+/='),
});
export type AdminToken = z.infer<typeof AdminTokenSchema>;

/** `ADMIN_TOKENS="name:role:token,…"`: every entry checked, names and tokens unique. */
export const AdminTokenListSchema = z.string().transform((raw, ctx) => {
  const out: AdminToken[] = [];
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .forEach((entry, i) => {
      const [name = '', role = '', ...rest] = entry.split(':');
      const parsed = AdminTokenSchema.safeParse({ name, role, token: rest.join(':') });
      if (parsed.success) out.push(parsed.data);
      else {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({
            code: 'custom',
            message: `entry ${i + 1} (${name || '?'}): ${issue.path.join('.')} ${issue.message}`,
          });
        }
      }
    });
  const names = new Set(out.map((t) => t.name));
  const tokens = new Set(out.map((t) => t.token));
  if (names.size !== out.length || tokens.size !== out.length) {
    ctx.addIssue({ code: 'custom', message: 'names and tokens must be unique' });
  }
  return out;
});

/** LINE user ids: `U` and 32 hex digits. */
export const LineUserIdSchema = z.string().regex(/^U[0-9a-f]{32}$/, 'a LINE user id (U + 32 hex)');

/** `ADMIN_TEST_USER_IDS="U…,U…"`: the staff accounts that receive test sends (at most 20). */
export const UserIdListSchema = z
  .string()
  .transform((raw) =>
    raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(LineUserIdSchema).max(20, 'at most 20 test accounts'));

/**
 * Quiet hours for non-urgent notices, in JST: `"21-8"` (from 21:00 to 08:00) or `"off"`.
 */
export const QuietHoursSchema = z
  .string()
  .trim()
  .regex(/^(off|\d{1,2}-\d{1,2})$/, 'quiet hours look like "21-8" (start-end, JST) or "off"')
  .transform((v, ctx) => {
    if (v === 'off') return 'off' as const;
    const [start, end] = v.split('-').map(Number) as [number, number];
    if (start > 23 || end > 23 || start === end) {
      ctx.addIssue({ code: 'custom', message: 'quiet hours need two different hours 0-23' });
      return z.NEVER;
    }
    return { start, end };
  });

/** What the audit log records, one entry per write on the admin API. */
export const AUDIT_ACTIONS = [
  'broadcast.create',
  'broadcast.update',
  'broadcast.test',
  'broadcast.confirm',
  'broadcast.cancel',
] as const;

export const AuditEntrySchema = z.object({
  /** Assigned by the log, increasing (a Redis stream id in production). */
  id: z.string().min(1),
  at: isoTime,
  /** The token's name and role. */
  actor: z.string().min(1),
  role: AdminRoleSchema,
  action: z.enum(AUDIT_ACTIONS),
  broadcastId: BroadcastIdSchema.optional(),
  target: TargetSchema.optional(),
  /** Recipients involved: the confirmed count, the test accounts, … */
  count: count.optional(),
  /** `ok`, or the error code of a refused write (`broadcast/count-changed`). */
  result: z.string().min(1),
  detail: z.string().max(500).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditInput = Omit<AuditEntry, 'id'>;
