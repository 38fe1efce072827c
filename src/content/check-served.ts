/**
 * The `faq check` rules added for staff tools (issue 7), run on the entries a city serves:
 * link format and card limits, old `as_of` dates, competing entries and, with the search
 * engine, alt_questions that do not find their own entry. Called by `check-faq.ts`.
 */
import type { Problem } from '../errors.js';
import type { FaqEntry, SynonymGroup } from '../schema/index.js';
import { checkAltQuestions, checkNearDuplicates, type SearchFn } from './engine-rules.js';
import { checkAsOfAge, checkLinks, DEFAULT_MAX_AGE_MONTHS } from './entry-rules.js';
import type { Site } from './pack-site.js';
import type { Pack } from './read-pack.js';

/** Builds the real search over the entries served (the CLI passes one with the tokenizer). */
export type EngineFactory = (
  entries: FaqEntry[],
  synonyms: SynonymGroup[],
) => SearchFn | Promise<SearchFn>;

export interface ServedOptions {
  today: string;
  /** `as_of` older than this many months is a warning (overrides city.yaml `review`). */
  maxAgeMonths?: number;
  /** Absent: alt_questions are not run through the engine. */
  engine?: EngineFactory;
}

export async function checkServed(
  packs: Pack[],
  served: { entries: FaqEntry[]; synonyms: SynonymGroup[]; label: string },
  opts: ServedOptions,
): Promise<Problem[]> {
  const out: Problem[] = [];
  const siteOf = (e: FaqEntry): Site | undefined => {
    for (const p of packs) {
      const s = p.siteOf(e);
      if (s) return s;
    }
    return undefined;
  };
  for (const pack of packs) {
    const shared = pack.procedures?.links;
    for (const entry of pack.entries) {
      const site = pack.siteOf(entry);
      // Procedure entries share the catalogue's links: checked once, below.
      if (site && entry.links !== shared) out.push(...checkLinks(entry, site));
    }
    const catalogue = pack.procedures;
    const catalogueSite = catalogue && pack.siteOf(catalogue);
    if (catalogue && catalogueSite) {
      const links = { id: 'procedures', answer: '', links: catalogue.links } as FaqEntry;
      out.push(...checkLinks(links, catalogueSite));
    }
  }
  out.push(
    ...checkAsOfAge(packs, opts.today, {
      ...(opts.maxAgeMonths === undefined ? {} : { override: opts.maxAgeMonths }),
      fallback: DEFAULT_MAX_AGE_MONTHS,
    }),
  );
  const input = { entries: served.entries, siteOf, label: served.label };
  out.push(...checkNearDuplicates(input));
  if (opts.engine && served.entries.length > 0) {
    let search: SearchFn | undefined;
    try {
      search = await opts.engine(served.entries, served.synonyms);
    } catch (err) {
      out.push({
        file: packs[packs.length - 1]?.dir ?? served.label,
        message: `alt_questions were not run through the search engine: it did not load (${err instanceof Error ? err.message : String(err)})`,
        severity: 'warning',
      });
    }
    if (search) out.push(...checkAltQuestions({ ...input, search }));
  }
  return out;
}

/**
 * One problem per place when checks of several cities found the same thing (a common entry
 * checked with every city): `… (in kameyama)` and `… (in komaki)` become `… (in kameyama, komaki)`.
 */
export function mergePlaces(problems: Problem[]): Problem[] {
  const out: Problem[] = [];
  const byKey = new Map<string, { problem: Problem; head: string; places: string[] }>();
  for (const p of problems) {
    const m = /^(.*) \(in ([^()]+)\)$/s.exec(p.message);
    if (!m) {
      out.push(p);
      continue;
    }
    const [, head = '', place = ''] = m;
    const key = `${p.file}\u0000${p.line ?? ''}\u0000${p.field ?? ''}\u0000${p.severity}\u0000${head}`;
    const seen = byKey.get(key);
    if (seen) {
      if (!seen.places.includes(place)) seen.places.push(place);
      continue;
    }
    const entry = { problem: { ...p }, head, places: [place] };
    byKey.set(key, entry);
    out.push(entry.problem);
  }
  for (const { problem, head, places } of byKey.values()) {
    problem.message = `${head} (in ${places.join(', ')})`;
  }
  return out;
}
