// Loads tests/fixtures/search-pack with the real tokenizer (shared by the search tests).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadTokenizer } from '../../src/content/tokenizer.js';
import { FaqFileSchema, SynonymFileSchema } from '../../src/schema/index.js';
import type { FaqEntry, SynonymGroup } from '../../src/schema/index.js';
import { buildIndex } from '../../src/search/index.js';
import type { SearchIndex } from '../../src/search/index.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/search-pack');
const read = (file: string): unknown => parse(readFileSync(path.join(dir, file), 'utf8'));

export const fixtureEntries: FaqEntry[] = FaqFileSchema.parse(read('faq.yaml'));
export const fixtureSynonyms: SynonymGroup[] = SynonymFileSchema.parse(read('synonyms.yaml'));

export async function fixtureIndex(synonyms = fixtureSynonyms): Promise<SearchIndex> {
  return buildIndex(fixtureEntries, { tokenize: await loadTokenizer(), synonyms });
}
