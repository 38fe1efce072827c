/**
 * Reads one pack directory: every `*.yaml`, parsed with the zod schemas, each problem with its
 * file, line and field. `readPack` collects every problem and keeps what is valid (for
 * `faq check`); `loadPack` refuses to half-succeed and throws them all.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentError, PackNotFoundError, type Problem } from '../errors.js';
import {
  CityConfigSchema,
  ClassScheduleSchema,
  EvalCaseSchema,
  EvalFileSchema,
  FaqEntrySchema,
  FaqFileSchema,
  ProcedureCatalogueSchema,
  SynonymFileSchema,
  SynonymGroupSchema,
  type CityConfig,
  type ClassSchedule,
  type EvalCase,
  type FaqEntry,
  type ProcedureCatalogue,
  type SynonymGroup,
} from '../schema/index.js';
import { duplicateClassIds, idTracker } from './duplicate-ids.js';
import { siteIn, type Site } from './pack-site.js';
import { procedureEntries } from './procedure-entries.js';
import { readItems, readList, readObject } from './read-items.js';
import { parseYamlFile, type YamlFile } from './yaml-file.js';

/** File names with a meaning of their own; every other `*.yaml` is a list of FAQ entries. */
export const RESERVED_FILES = {
  synonyms: 'synonyms.yaml',
  eval: 'eval.yaml',
  city: 'city.yaml',
  procedures: 'procedures.yaml',
  classes: 'classes.yaml',
} as const;

/** A parsed pack. */
export interface Pack {
  dir: string;
  /** The YAML files read, as displayed in problems. */
  files: string[];
  /** Entries from the entry files, then one per catalogued procedure. */
  entries: FaqEntry[];
  synonyms: SynonymGroup[];
  evalCases: EvalCase[];
  city?: CityConfig;
  procedures?: ProcedureCatalogue;
  /** `classes.yaml`: the スマホ教室 schedule. */
  classes?: ClassSchedule;
  /** Every id written in the pack, also of entries that failed validation. */
  writtenIds: Set<string>;
  /** Where an entry, eval case, city config or procedure catalogue of this pack was written. */
  siteOf(item: object): Site | undefined;
}

export interface PackReport {
  pack: Pack;
  problems: Problem[];
}

/** Reads a pack and returns what is valid plus every problem. Throws only if `dir` is missing. */
export async function readPack(dir: string): Promise<PackReport> {
  const names = await listYaml(dir);
  const problems: Problem[] = [];
  const sites = new WeakMap<object, Site>();
  const pack: Pack = {
    dir,
    files: [],
    entries: [],
    synonyms: [],
    evalCases: [],
    writtenIds: new Set(),
    siteOf: (item) => sites.get(item),
  };
  const fromProcedures: FaqEntry[] = [];
  const noteId = idTracker(pack.writtenIds, problems);
  /** The items of a list file, each noted with the place it was written. */
  const sited = <T extends object>(yaml: YamlFile, items: { value: T; index: number }[]): T[] =>
    items.map(({ value, index }) => {
      sites.set(value, siteIn(yaml, [index]));
      return value;
    });

  for (const name of names.ignored) {
    problems.push({
      file: join(dir, name),
      message: 'ignored: pack files must end in ".yaml"',
      severity: 'warning',
    });
  }

  for (const name of names.yaml) {
    const file = join(dir, name);
    pack.files.push(file);
    const yaml = parseYamlFile(file, await readFile(join(dir, name), 'utf8'));
    problems.push(...yaml.problems);
    if (yaml.data === undefined && yaml.problems.some((p) => p.severity === 'error')) continue;

    switch (name) {
      case RESERVED_FILES.synonyms:
        pack.synonyms.push(
          ...readList(yaml, SynonymGroupSchema, SynonymFileSchema, problems, 'synonym groups'),
        );
        break;
      case RESERVED_FILES.eval:
        pack.evalCases.push(
          ...sited(
            yaml,
            readItems(yaml, EvalCaseSchema, EvalFileSchema, problems, 'eval questions'),
          ),
        );
        break;
      case RESERVED_FILES.city: {
        const r = readObject(yaml, CityConfigSchema, problems, 'the city configuration');
        if (r) {
          pack.city = r;
          sites.set(r, siteIn(yaml, []));
        }
        break;
      }
      case RESERVED_FILES.procedures: {
        const raw = (yaml.data as { procedures?: unknown } | null)?.procedures;
        if (Array.isArray(raw)) {
          raw.forEach((p, i) =>
            noteId((p as { id?: unknown })?.id, file, yaml.lineOf(['procedures', i])),
          );
        }
        const r = readObject(yaml, ProcedureCatalogueSchema, problems, 'the procedure catalogue');
        if (r) {
          pack.procedures = r;
          sites.set(r, siteIn(yaml, []));
          procedureEntries(r).forEach((entry, i) => {
            sites.set(entry, siteIn(yaml, ['procedures', i]));
            fromProcedures.push(entry);
          });
        }
        break;
      }
      case RESERVED_FILES.classes: {
        problems.push(...duplicateClassIds(yaml));
        const r = readObject(yaml, ClassScheduleSchema, problems, 'the class schedule');
        if (r) {
          pack.classes = r;
          sites.set(r, siteIn(yaml, []));
        }
        break;
      }
      default: {
        if (Array.isArray(yaml.data)) {
          yaml.data.forEach((e, i) => noteId((e as { id?: unknown })?.id, file, yaml.lineOf([i])));
        }
        pack.entries.push(
          ...sited(yaml, readItems(yaml, FaqEntrySchema, FaqFileSchema, problems, 'FAQ entries')),
        );
      }
    }
  }
  pack.entries.push(...fromProcedures);
  return { pack, problems };
}

/** Reads a pack and throws a `ContentError` listing every error, or `PackNotFoundError`. */
export async function loadPack(dir: string): Promise<Pack> {
  const { pack, problems } = await readPack(dir);
  const errors = problems.filter((p) => p.severity === 'error');
  if (pack.entries.length === 0 && errors.length === 0) {
    errors.push({
      file: dir,
      message: 'no FAQ entries: add a .yaml file with a list of entries (see faq/README.md)',
      severity: 'error',
    });
  }
  if (errors.length > 0) throw new ContentError(errors);
  return pack;
}

async function listYaml(dir: string): Promise<{ yaml: string[]; ignored: string[] }> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new PackNotFoundError(dir);
  const all = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => d.name);
  return {
    yaml: all.filter((n) => n.endsWith('.yaml') && !n.startsWith('.')).sort(),
    ignored: all.filter((n) => n.endsWith('.yml')).sort(),
  };
}
