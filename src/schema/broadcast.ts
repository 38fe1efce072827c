/**
 * The life of sending a notice (`Broadcast`, with its `BroadcastState`), one batch's progress
 * (`BatchRecord`) and the delivery report. Parsed at every boundary: the admin API, Redis reads.
 */
import { z } from 'zod';
import { NoticeSchema } from './notice.js';

const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

/** A broadcast id: `20260401-k3f9qz` (JST date of creation and 6 random characters). */
export const BroadcastIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{2,39}$/, 'a broadcast id like 20260401-k3f9qz');

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
