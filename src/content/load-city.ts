/**
 * Layers a city's content: `faq/common/` first, then `faq/<city>/`. A city entry with the id of
 * a common entry replaces it; synonym groups come from both packs.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentError, PackNotFoundError, UnknownCityError, type Problem } from '../errors.js';
import type {
  CityConfig,
  ClassSchedule,
  EvalCase,
  FaqEntry,
  SynonymGroup,
} from '../schema/index.js';
import { readPack, type Pack } from './read-pack.js';

/** The pack every city shares. */
export const COMMON_PACK = 'common';

/** What a city runs on. */
export interface City {
  id: string;
  /** `city.yaml`; `faq check` warns when a city pack has none. */
  config?: CityConfig;
  /** Common entries (minus those the city replaces), then the city's own, then its procedures. */
  entries: FaqEntry[];
  synonyms: SynonymGroup[];
  /** The city pack's `eval.yaml`. */
  evalCases: EvalCase[];
  /** The city pack's `classes.yaml` (the スマホ教室 schedule), when it has one. */
  classes?: ClassSchedule;
  /** The packs read, common first (absent when there is no `faq/common/`). */
  packs: Pack[];
}

/** The city ids that have a pack under `faqRoot` (every folder except `common`). */
export async function listCities(faqRoot: string): Promise<string[]> {
  await mustBeDir(faqRoot);
  const dirs = await readdir(faqRoot, { withFileTypes: true });
  return dirs
    .filter((d) => d.isDirectory() && d.name !== COMMON_PACK && /^[a-z][a-z0-9-]*$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

/** Reads a city with every problem found (for `faq check`); throws only for a missing city. */
export async function readCity(
  faqRoot: string,
  cityId: string,
): Promise<{ city: City; problems: Problem[] }> {
  const cities = await listCities(faqRoot);
  if (!cities.includes(cityId)) throw new UnknownCityError(cityId, cities);

  const packs: Pack[] = [];
  const problems: Problem[] = [];
  const commonDir = join(faqRoot, COMMON_PACK);
  if (await isDir(commonDir)) {
    const common = await readPack(commonDir);
    packs.push(common.pack);
    problems.push(...common.problems);
  }
  const own = await readPack(join(faqRoot, cityId));
  packs.push(own.pack);
  problems.push(...own.problems);

  return { city: layer(cityId, packs), problems };
}

/** Loads a city; any error in either pack throws a `ContentError` listing all of them. */
export async function loadCity(faqRoot: string, cityId: string): Promise<City> {
  const { city, problems } = await readCity(faqRoot, cityId);
  const errors = problems.filter((p) => p.severity === 'error');
  if (city.entries.length === 0 && errors.length === 0) {
    errors.push({
      file: join(faqRoot, cityId),
      message: 'no FAQ entries in this city or in common (see faq/README.md)',
      severity: 'error',
    });
  }
  if (errors.length > 0) throw new ContentError(errors);
  return city;
}

/** Pure layering of packs read in order; later packs replace entries with the same id. */
export function layer(cityId: string, packs: Pack[]): City {
  const own = packs[packs.length - 1];
  const byId = new Map<string, FaqEntry>();
  for (const pack of packs) for (const e of pack.entries) byId.set(e.id, e);
  return {
    id: cityId,
    config: own?.city,
    entries: [...byId.values()],
    synonyms: packs.flatMap((p) => p.synonyms),
    evalCases: own?.evalCases ?? [],
    ...(own?.classes ? { classes: own.classes } : {}),
    packs,
  };
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function mustBeDir(path: string): Promise<void> {
  if (!(await isDir(path))) throw new PackNotFoundError(path);
}
