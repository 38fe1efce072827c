/**
 * The small, exactly known population of the e2e world: 300 residents of komaki written through
 * the real Redis `Audience` (what a follow and the settings postbacks store), so every segment
 * count the console shows can be checked against a number worked out here.
 */
import { createRedisAudience } from '../../../src/store/audience/index.js';
import type { AgeBand, ResidentSettings } from '../../../src/schema/index.js';

export const TOPICS = ['bousai', 'kosodate', 'kenko', 'zei', 'event', 'digital', 'gomi'] as const;
export const AREAS = ['中部', '東部', '味岡', '篠岡', '北里', '桃花台'] as const;
const AGES: AgeBand[] = ['10s', '20s', '30s', '40s', '50s', '60s', '70plus'];

export interface Resident {
  userId: string;
  settings: ResidentSettings;
  blocked: boolean;
}

/** The i-th resident's LINE user id (`U` + 32 hex digits), never a staff test account. */
export function residentId(i: number): string {
  return `U${'e2e0'}${i.toString(16).padStart(28, '0')}`;
}

/** `count` residents with settings spread over topics, areas and ages; some stopped or blocked. */
export function smallPopulation(count = 300): Resident[] {
  return Array.from({ length: count }, (_, i) => {
    const topics = TOPICS.filter((_, t) => (i + t) % 3 === 0 || (t === 0 && i % 2 === 0));
    const area = i % 11 === 10 ? undefined : AREAS[i % AREAS.length];
    const age = i % 13 === 12 ? undefined : AGES[i % AGES.length];
    return {
      userId: residentId(i),
      settings: {
        topics: [...topics],
        ...(area ? { area } : {}),
        ...(age ? { age } : {}),
        stopped: i % 17 === 5,
      },
      blocked: i % 19 === 7,
    };
  });
}

/** Who a notice to (any of `topics`) × (any of `areas`) reaches: followed, not stopped. */
export function recipientsOf(
  residents: Resident[],
  target: { topics?: string[]; areas?: string[] },
): string[] {
  return residents
    .filter(
      (r) =>
        !r.blocked &&
        !r.settings.stopped &&
        (!target.topics || r.settings.topics.some((t) => target.topics!.includes(t))) &&
        (!target.areas ||
          (r.settings.area !== undefined && target.areas.includes(r.settings.area))),
    )
    .map((r) => r.userId);
}

/** Writes `residents` under `prefix` as a follow, their settings, and a block where set. */
export async function seedResidents(
  redisUrl: string,
  prefix: string,
  residents: Resident[],
): Promise<void> {
  const audience = createRedisAudience({ url: redisUrl, prefix });
  try {
    await audience.ready(5000);
    for (const r of residents) {
      await audience.markFollowed(r.userId, { topics: ['bousai'], stopped: false });
      await audience.setSettings(r.userId, r.settings);
      if (r.blocked) await audience.markBlocked(r.userId);
    }
  } finally {
    await audience.close();
  }
}
