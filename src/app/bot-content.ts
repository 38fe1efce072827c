/** Builds the `BotContent` every event shares from a loaded city (see `loadCity` in src/content). */
import type { TemplateSet } from '../messages/index.js';
import type { CityConfig, FaqEntry, SynonymGroup } from '../schema/index.js';
import { buildIndex } from '../search/index.js';
import type { Tokenize } from '../text/index.js';
import type { BotContent } from './handle-event.js';

export interface ContentParts {
  city: CityConfig;
  entries: FaqEntry[];
  synonyms?: SynonymGroup[];
  tokenize: Tokenize;
  templates?: TemplateSet;
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
    entry: (id) => byId.get(id),
    ...(parts.templates ? { templates: parts.templates } : {}),
    topic: (category) => byCategory.get(category) ?? [],
  };
}
