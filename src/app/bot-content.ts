/** Builds the `BotContent` every event shares from a loaded city (see `loadCity` in src/content). */
import type { TemplateSet } from '../messages/index.js';
import type { CityConfig, ClassSchedule, FaqEntry, SynonymGroup } from '../schema/index.js';
import { createClassCatalog } from '../classes/index.js';
import { buildIndex, search } from '../search/index.js';
import type { SearchOutcome } from '../search/index.js';
import type { Tokenize } from '../text/index.js';
import type { BotContent } from './app-deps.js';

export interface ContentParts {
  city: CityConfig;
  entries: FaqEntry[];
  synonyms?: SynonymGroup[];
  tokenize: Tokenize;
  templates?: TemplateSet;
  /** How many distinct questions keep their search outcome (LRU). Default 5,000; 0 = none. */
  searchCacheSize?: number;
  /** The city's スマホ教室 schedule (`classes.yaml`), when it has one. */
  classes?: ClassSchedule;
}

/**
 * Residents ask the same few questions in the same words again and again; a search outcome
 * depends only on the index and the text, so the latest outcomes are kept (least recently
 * used dropped first). Each caller gets its own copy of the results list.
 */
function cachedSearch(
  run: (query: string) => SearchOutcome,
  size: number,
): (query: string) => SearchOutcome {
  if (size <= 0) return run;
  const cache = new Map<string, SearchOutcome>();
  return (query) => {
    let outcome = cache.get(query);
    if (outcome) {
      cache.delete(query);
    } else {
      outcome = run(query);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(query, outcome);
    return { ...outcome, results: [...outcome.results] };
  };
}

export function createBotContent(parts: ContentParts): BotContent {
  const index = buildIndex(parts.entries, {
    tokenize: parts.tokenize,
    synonyms: parts.synonyms ?? [],
  });
  const byId = new Map(parts.entries.map((e) => [e.id, e]));
  const byCategory = new Map<string, FaqEntry[]>();
  for (const e of parts.entries) {
    if (!e.category) continue;
    const list = byCategory.get(e.category) ?? [];
    list.push(e);
    byCategory.set(e.category, list);
  }
  return {
    city: parts.city,
    index,
    search: cachedSearch((query) => search(index, query), parts.searchCacheSize ?? 5000),
    entry: (id) => byId.get(id),
    ...(parts.templates ? { templates: parts.templates } : {}),
    topic: (category) => byCategory.get(category) ?? [],
    ...(parts.classes ? { classes: createClassCatalog(parts.classes, parts.city) } : {}),
  };
}
