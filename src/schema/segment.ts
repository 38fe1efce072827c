/**
 * Segments: what a resident chose to receive (`ResidentSettings`) and which residents a notice
 * goes to (`Target`). Topic ids and area names come from the city's `city.yaml`; age bands are
 * the same for every city. `src/segments` checks them against a city; the `Audience` port stores
 * them.
 */
import { z } from 'zod';

/** A topic id as written in `city.yaml` (`bousai`, `kosodate`, …). */
export const TopicIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a topic id from city.yaml');

/** An area (district) name as written in `city.yaml` (`中部`, `桃花台`, …). */
export const AreaNameSchema = z.string().trim().min(1).max(40);

/** Age bands, youngest first. A resident may also not answer (no band stored). */
export const AGE_BANDS = [
  { id: '10s', label: '10代' },
  { id: '20s', label: '20代' },
  { id: '30s', label: '30代' },
  { id: '40s', label: '40代' },
  { id: '50s', label: '50代' },
  { id: '60s', label: '60代' },
  { id: '70plus', label: '70代以上' },
] as const;
export const AgeBandSchema = z.enum(['10s', '20s', '30s', '40s', '50s', '60s', '70plus']);
export type AgeBand = z.infer<typeof AgeBandSchema>;

/**
 * What one resident chose. `topics` empty = no topic notices (but still 「全員」 notices unless
 * `stopped`); `area`/`age` absent = not answered (matches no area/age target). `stopped` =
 * 配信停止: the resident receives nothing until they resume; their choices are kept.
 */
export const ResidentSettingsSchema = z.strictObject({
  topics: z.array(TopicIdSchema).max(32),
  area: AreaNameSchema.optional(),
  age: AgeBandSchema.optional(),
  stopped: z.boolean().default(false),
});
export type ResidentSettings = z.infer<typeof ResidentSettingsSchema>;

/**
 * Who a notice goes to: every active friend, or (any of `topics`) × (any of `areas`) × (any of
 * `ages`). An absent dimension means "any"; at least one dimension must be given. Blocked and
 * stopped residents never match.
 */
export const TargetSchema = z.union([
  z.strictObject({ all: z.literal(true) }),
  z
    .strictObject({
      topics: z.array(TopicIdSchema).min(1).max(32).optional(),
      areas: z.array(AreaNameSchema).min(1).max(64).optional(),
      ages: z.array(AgeBandSchema).min(1).max(AGE_BANDS.length).optional(),
    })
    .refine((t) => t.topics || t.areas || t.ages, {
      message: 'give topics, areas or ages (or { all: true } for every friend)',
    }),
]);
export type Target = z.infer<typeof TargetSchema>;

/**
 * The name of a frozen recipient list (`Audience.snapshot`), e.g. `bc:01J…` for a broadcast.
 * Kept short and key-safe.
 */
export const SnapshotKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'use 1-128 letters, digits, "_", ".", ":" or "-"');
