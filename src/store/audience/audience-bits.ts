/**
 * Which bitmaps a resident's settings set, and which a target reads. Suffixes (`t:<topic>`,
 * `a:<area>`, `g:<age band>`) go after `AudienceKeys.dimensionPrefix()`; the update script in
 * `audience-scripts.ts` derives the same names from stored settings, so both must change together.
 */
import { ResidentSettingsSchema, SnapshotKeySchema } from '../../schema/index.js';
import type { ResidentSettings, Target } from '../../schema/index.js';
import { AudienceError } from './audience-error.js';

/** LINE's multicast takes at most 500 user ids (Messaging API reference, "Send multicast message"). */
export const MAX_BATCH = 500;

/** The dimension bitmaps a resident with `settings` has a bit in. */
export function settingsSuffixes(settings: ResidentSettings): string[] {
  return [
    ...settings.topics.map((t) => `t:${t}`),
    ...(settings.area === undefined ? [] : [`a:${settings.area}`]),
    ...(settings.age === undefined ? [] : [`g:${settings.age}`]),
  ];
}

/**
 * The OR-groups of a target, one per given dimension (topics, areas, ages); the result is their
 * AND (with the active bitmap). `{ all: true }` has no group.
 */
export function targetGroups(target: Target): string[][] {
  if ('all' in target) return [];
  const groups: string[][] = [];
  if (target.topics) groups.push(unique(target.topics).map((t) => `t:${t}`));
  if (target.areas) groups.push(unique(target.areas).map((a) => `a:${a}`));
  if (target.ages) groups.push(unique(target.ages).map((g) => `g:${g}`));
  return groups;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Validates settings before they are stored (nothing unreadable is ever written). */
export function checkedSettings(settings: ResidentSettings): ResidentSettings {
  const parsed = ResidentSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new AudienceError(
      'audience/bad-settings',
      'settings do not match their schema',
      undefined,
      {
        cause: parsed.error,
      },
    );
  }
  return { ...parsed.data, topics: unique(parsed.data.topics) };
}

export function checkedSnapshotKey(snapshotKey: string): string {
  if (!SnapshotKeySchema.safeParse(snapshotKey).success) {
    throw new AudienceError(
      'audience/bad-argument',
      `bad snapshot key ${JSON.stringify(snapshotKey)}`,
    );
  }
  return snapshotKey;
}

/** Checks `fromBatch` (integer ≥ 0) and `batchSize` (1…500). */
export function checkBatching(fromBatch: number, batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH) {
    throw new AudienceError(
      'audience/bad-argument',
      `batch size must be 1-${MAX_BATCH}, got ${batchSize}`,
    );
  }
  if (!Number.isInteger(fromBatch) || fromBatch < 0) {
    throw new AudienceError(
      'audience/bad-argument',
      `batch number must be an integer ≥ 0, got ${fromBatch}`,
    );
  }
}

/** LINE user ids are `U` + 32 hex digits; anything non-empty up to 64 characters is accepted. */
export function checkUserId(userId: string): string {
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > 64) {
    throw new AudienceError('audience/bad-argument', 'user id must be 1-64 characters');
  }
  return userId;
}
