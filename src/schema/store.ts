/** Records the bot keeps in its store (`src/ports.ts` Store); parsed again on every read. */
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });

/** A resident's relation to the official account. */
export const UserRecordSchema = z.object({
  status: z.enum(['followed', 'blocked']),
  followedAt: isoTime.optional(),
  blockedAt: isoTime.optional(),
});
export type UserRecord = z.infer<typeof UserRecordSchema>;

/** A resident's 「役に立った／立たなかった」 on one answer. No user id is kept with it. */
export const FeedbackRecordSchema = z.object({
  entryId: z.string().min(1),
  helpful: z.boolean(),
  at: isoTime,
});
export type FeedbackRecord = z.infer<typeof FeedbackRecordSchema>;

/** A question the bot was asked (masked by the dialog before it gets here), for reports. */
export const AskedRecordSchema = z.object({
  query: z.string(),
  /** The search verdict (`answered`, `ambiguous`, `no_answer`, …). */
  status: z.string().min(1),
  topId: z.string().optional(),
  score: z.number().optional(),
  at: isoTime,
});
export type AskedRecord = z.infer<typeof AskedRecordSchema>;
