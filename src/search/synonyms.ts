// Synonym groups as concepts: any spelling of a group found in a text adds the term `~<group>`,
// on entries at build time and on queries, so マイナカード finds an entry that says 個人番号カード.
import type { SynonymGroup } from '../schema/index.js';
import { normalize } from '../text/index.js';
import type { Tokenize } from '../text/index.js';

/** A compiled synonym dictionary: normalized spellings (and their readings) per group. */
export interface SynonymMatcher {
  /** `[spelling, groupTerm]`, longest spelling first. */
  spellings: Array<[string, string]>;
}

/** Spellings shorter than this (after folding) are too likely to occur inside other words. */
const MIN_SPELLING = 2;

/** Compiles groups; each word is matched as written and as read (固定資産税 ≈ こていしさんぜい). */
export function compileSynonyms(groups: SynonymGroup[], tokenize: Tokenize): SynonymMatcher {
  const seen = new Map<string, string>();
  groups.forEach((group, i) => {
    const term = `~${normalize(group[0] ?? String(i))}`;
    for (const word of group) {
      const written = normalize(word);
      const read = normalize(
        tokenize(word)
          .map((t) => t.reading ?? t.surface)
          .join(''),
      );
      for (const s of [written, read])
        if (s.length >= MIN_SPELLING && !seen.has(s)) seen.set(s, term);
    }
  });
  const spellings = [...seen].sort((a, b) => b[0].length - a[0].length);
  return { spellings };
}

/**
 * The group terms whose spellings occur in the normalized text or its normalized reading, each
 * with the (longest) spelling found.
 */
export function findSynonymSpellings(
  matcher: SynonymMatcher,
  folded: string,
  foldedReading: string,
): Map<string, string> {
  const found = new Map<string, string>();
  for (const [spelling, term] of matcher.spellings) {
    if (!found.has(term) && (folded.includes(spelling) || foldedReading.includes(spelling)))
      found.set(term, spelling);
  }
  return found;
}

/** The group terms whose spellings occur in the normalized text or its normalized reading. */
export function findSynonyms(
  matcher: SynonymMatcher,
  folded: string,
  foldedReading: string,
): string[] {
  return [...findSynonymSpellings(matcher, folded, foldedReading).keys()];
}
