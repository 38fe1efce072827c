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
