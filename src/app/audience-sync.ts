/**
 * Keeps the `Audience` (who receives which notices) in step with the conversation: settings are
 * read only for the turns that show them, a change is saved before its confirmation is sent, and
 * follow/unfollow mark the resident (a new friend gets the city's default topic). A failing
 * audience never breaks the FAQ: it is logged and counted, and the resident is told plainly.
 */
import type { Audience, Logger, Metrics } from '../ports.js';
import type { CityConfig, ResidentSettings } from '../schema/index.js';
import { defaultSettings } from '../segments/index.js';

export interface AudienceDeps {
  audience: Audience;
  logger: Logger;
  metrics?: Metrics;
}

async function attempt<T>(
  deps: AudienceDeps,
  op: string,
  userId: string,
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    deps.metrics?.count('madoguchi_store_errors_total', { op });
    deps.logger.warn({ err, op, userId }, 'audience failed; continuing without it');
    return { ok: false };
  }
}

/** The settings a settings turn shows: stored, the city's defaults for someone new, or undefined on failure. */
export async function settingsForTurn(
  deps: AudienceDeps,
  userId: string,
  city: CityConfig,
): Promise<ResidentSettings | undefined> {
  const r = await attempt(deps, 'getSettings', userId, () => deps.audience.getSettings(userId));
  return r.ok ? (r.value ?? defaultSettings(city)) : undefined;
}

/** Saves a change; false when it could not be saved (the confirmation must not be sent). */
export async function saveSettings(
  deps: AudienceDeps,
  userId: string,
  settings: ResidentSettings,
): Promise<boolean> {
  const r = await attempt(deps, 'setSettings', userId, () =>
    deps.audience.setSettings(userId, settings),
  );
  return r.ok;
}

/** follow: a new friend starts with the default topic, a returning one keeps their settings. */
export async function syncFollow(
  deps: AudienceDeps,
  userId: string,
  city: CityConfig,
): Promise<void> {
  await attempt(deps, 'markFollowed', userId, () =>
    deps.audience.markFollowed(userId, defaultSettings(city)),
  );
}

/** unfollow: the resident matches no target until they follow again. */
export async function syncBlock(deps: AudienceDeps, userId: string): Promise<void> {
  await attempt(deps, 'markBlocked', userId, () => deps.audience.markBlocked(userId));
}
