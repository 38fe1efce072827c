// Targets: parsing against a city, matching one resident, and a plain-Japanese description.
import { TargetSchema } from '../schema/index.js';
import type { CityConfig, ResidentSettings, Target } from '../schema/index.js';
import { ageLabel, topicLabel } from './labels.js';
import { SegmentError } from './segment-error.js';

/** Every way `target` does not fit `city` (unknown topic ids or area names); empty when fine. */
export function targetProblems(target: Target, city: CityConfig): string[] {
  if ('all' in target) return [];
  const problems: string[] = [];
  const topics = new Set(city.topics.map((t) => t.id));
  const areas = new Set(city.areas);
  for (const t of target.topics ?? []) {
    if (!topics.has(t)) {
      problems.push(`topics: unknown topic "${t}" (known: ${[...topics].join(', ') || 'none'})`);
    }
  }
  for (const a of target.areas ?? []) {
    if (!areas.has(a)) {
      problems.push(`areas: unknown area "${a}" (known: ${[...areas].join(', ') || 'none'})`);
    }
  }
  return problems;
}

/**
 * Parses an untrusted target (admin API, CLI YAML) and checks it against the city. Throws a
 * `SegmentError` (`segment/bad-target`) listing every problem at once.
 */
export function parseTarget(input: unknown, city: CityConfig): Target {
  const parsed = TargetSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.length ? i.path.join('.') : 'target'}: ${i.message}`,
    );
    throw new SegmentError('segment/bad-target', `bad target: ${problems.join('; ')}`, problems);
  }
  const problems = targetProblems(parsed.data, city);
  if (problems.length > 0) {
    throw new SegmentError('segment/bad-target', `bad target: ${problems.join('; ')}`, problems);
  }
  return parsed.data;
}

/**
 * Whether a resident with `settings` matches `target`, ignoring follow/block status (the
 * audience adds that). An absent dimension matches anyone; a present one needs a shared value.
 */
export function matchesTarget(settings: ResidentSettings, target: Target): boolean {
  if (settings.stopped) return false;
  if ('all' in target) return true;
  if (target.topics && !target.topics.some((t) => settings.topics.includes(t))) return false;
  if (target.areas && !(settings.area !== undefined && target.areas.includes(settings.area))) {
    return false;
  }
  if (target.ages && !(settings.age !== undefined && target.ages.includes(settings.age))) {
    return false;
  }
  return true;
}

/** A one-line description for staff: 「分野: 防災・緊急、子育て ／ 地区: 中部 ／ 年代: 70代以上」. */
export function describeTarget(target: Target, city: CityConfig): string {
  if ('all' in target) return 'すべての友だち（配信停止・ブロック中の方を除く）';
  const parts: string[] = [];
  if (target.topics)
    parts.push(`分野: ${target.topics.map((t) => topicLabel(city, t)).join('、')}`);
  if (target.areas) parts.push(`地区: ${target.areas.join('、')}`);
  if (target.ages) parts.push(`年代: ${target.ages.map(ageLabel).join('、')}`);
  return parts.join(' ／ ');
}
