/**
 * `faq check`: reads packs without stopping at the first problem, runs the pack rules and
 * returns every problem, sorted by place and without repeats.
 */
import { basename, join } from 'node:path';
import { formatProblem, type Problem } from '../errors.js';
import { COMMON_PACK, listCities, readCity } from './load-city.js';
import { checkServed, mergePlaces, type EngineFactory } from './check-served.js';
import { checkPacks } from './pack-rules.js';
import { checkClassSchedule } from './class-rules.js';
import { RESERVED_FILES, readPack, type Pack } from './read-pack.js';
import { readSeedLines, type SeedLines } from './seeds.js';

export interface CheckOptions {
  /** Where the seed texts are; when missing, sources are not checked (one warning). */
  seedsDir: string;
  /** Today as YYYY-MM-DD. */
  today: string;
  /** `as_of` older than this many months is a warning. Default 36. */
  maxAgeMonths?: number;
  /** The real search over a city's entries, for the alt_questions rule; absent: not run. */
  engine?: EngineFactory;
}

export interface CheckResult {
  /** What was checked: `common`, city ids or a directory. */
  checked: string[];
  problems: Problem[];
}

/** Checks `faq/common` + `faq/<city>`. Throws `UnknownCityError` / `PackNotFoundError`. */
export async function checkCity(
  faqRoot: string,
  cityId: string,
  opts: CheckOptions,
): Promise<CheckResult> {
  const seeds = await readSeedLines(opts.seedsDir);
  const { city, problems } = await readCity(faqRoot, cityId);
  const own = city.packs[city.packs.length - 1];
  if (own) problems.push(...cityPackProblems(own, cityId), ...checkClassSchedule(own));
  problems.push(...checkPacks(city.packs, { seeds, today: opts.today }));
  problems.push(...(await checkServed(city.packs, { ...city, label: cityId }, opts)));
  return finish([cityId], problems, seeds, opts);
}

/** Checks one pack directory on its own. Throws `PackNotFoundError`. */
export async function checkPackDir(dir: string, opts: CheckOptions): Promise<CheckResult> {
  const seeds = await readSeedLines(opts.seedsDir);
  const { pack, problems } = await readPack(dir);
  problems.push(...checkPacks([pack], { seeds, today: opts.today }), ...checkClassSchedule(pack));
  problems.push(...(await checkServed([pack], { ...pack, label: dir }, opts)));
  return finish([dir], problems, seeds, opts);
}

/** Checks `faq/common` alone, then every city with common. */
export async function checkAllPacks(faqRoot: string, opts: CheckOptions): Promise<CheckResult> {
  const cities = await listCities(faqRoot);
  const checked: string[] = [];
  const problems: Problem[] = [];
  const common = await readPack(join(faqRoot, COMMON_PACK)).catch(() => undefined);
  const seeds = await readSeedLines(opts.seedsDir);
  if (common) {
    checked.push(COMMON_PACK);
    problems.push(...common.problems, ...checkPacks([common.pack], { seeds, today: opts.today }));
    problems.push(
      ...(await checkServed([common.pack], { ...common.pack, label: COMMON_PACK }, opts)),
    );
  }
  for (const id of cities) {
    const r = await checkCity(faqRoot, id, opts);
    checked.push(id);
    problems.push(...r.problems);
  }
  return finish(checked, mergePlaces(problems), seeds, opts);
}

function cityPackProblems(pack: Pack, cityId: string): Problem[] {
  if (!pack.files.some((f) => basename(f) === RESERVED_FILES.city)) {
    return [
      {
        file: join(pack.dir, RESERVED_FILES.city),
        message: 'missing: a city pack needs city.yaml (name, contact, departments, areas, topics)',
        severity: 'warning',
      },
    ];
  }
  const site = pack.city && pack.siteOf(pack.city);
  if (pack.city && site && pack.city.id !== cityId) {
    return [
      {
        file: site.file,
        line: site.lineOf(['id']),
        field: 'id',
        message: `"${pack.city.id}" differs from the folder name "${cityId}"`,
        severity: 'warning',
      },
    ];
  }
  return [];
}

function finish(
  checked: string[],
  problems: Problem[],
  seeds: SeedLines | undefined,
  opts: CheckOptions,
): CheckResult {
  if (!seeds) {
    problems.push({
      file: opts.seedsDir,
      message:
        'seed directory not found: `source` lines were not checked (set MADOGUCHI_SEEDS_DIR)',
      severity: 'warning',
    });
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      formatProblem(a).localeCompare(formatProblem(b)),
  );
  return { checked, problems: unique };
}
