/**
 * The conversation state kept between two events of one chat (`src/dialog`). Small and
 * JSON-serialisable: it never holds what the resident typed, only entry ids.
 */
import { z } from 'zod';

const entryId = z.string().min(1).max(200);

export const DialogStateSchema = z.object({
  /** Bumped when the shape changes incompatibly; an older state is then dropped, not misread. */
  v: z.literal(1).default(1),
  /** The entry answered last (for feedback and related questions). */
  lastEntryId: entryId.optional(),
  /** The 「もしかして」 candidates shown last, in order, so typing 「1」 picks the first. */
  candidates: z.array(entryId).max(3).default([]),
  /** The last reply listed スマホ教室, so a short follow-up (「来週は？」) is read as about them. */
  classesShown: z.boolean().optional(),
});
export type DialogState = z.infer<typeof DialogStateSchema>;

/** The state of a chat the bot has not talked in yet (or after a block). */
export const initialDialogState: DialogState = { v: 1, candidates: [] };
