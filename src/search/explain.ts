// "Why these entries": the terms a query was searched with (after typo repair, kana runs and
// synonyms) and, per hit, which of them each entry has and where. For the console's FAQ tester.
// It re-runs the engine's own query analysis (`analyzeQuery`) and reads the same postings, so it
// can never show terms the search did not use; `search` itself is untouched.
import type { SearchIndex } from './build-index.js';
import { entryHasTerm, unitsWithTerm } from './field-index.js';
import { analyzeQuery } from './search.js';
import type { SearchHit } from './search.js';

/**
 * Where an entry has a term: its question, one of its alternative questions, its keywords, its
 * answer, or only the kana reading of a question (a kana-only or same-reading spelling).
 */
export type MatchField = 'question' | 'alt_question' | 'keywords' | 'answer' | 'reading';

export interface TermMatch {
  term: string;
  fields: MatchField[];
}

export interface Explanation {
  /** The query's terms as searched, in query order, each once; synonym groups by their name. */
  terms: string[];
  /** Words of the query the engine read as another known word (typos, kana spellings). */
  repaired: Array<{ typed: string; term: string }>;
  /** Per hit (same order), the terms the entry has and where; terms it lacks are left out. */
  hits: Array<{ id: string; matched: TermMatch[] }>;
}

/** A synonym concept (`~市役所`) is shown by its group's name. */
const shown = (term: string): string => (term.startsWith('~') ? term.slice(1) : term);

/** Explains `hits` (the results of `search(index, query)`) in terms of the query's words. */
export function explainSearch(
  index: SearchIndex,
  query: string,
  hits: readonly SearchHit[],
): Explanation {
  const { words, analyzed: a } = analyzeQuery(index, query);
  // Display term → the raw terms (and the query words, for readings) it stands for.
  const byShown = new Map<string, { raws: Set<string>; words: number[] }>();
  const repaired: Explanation['repaired'] = [];
  words.forEach((w, i) => {
    if (w.term === '') return;
    const key = shown(w.term);
    const slot = byShown.get(key) ?? { raws: new Set<string>(), words: [] };
    slot.raws.add(w.term);
    slot.words.push(i);
    byShown.set(key, slot);
    const typed = a.words[i];
    if (typed !== undefined && typed !== w.term && !typed.startsWith('~'))
      repaired.push({ typed, term: w.term });
  });
  // The reading bigrams of each query word (as the coverage reads them).
  const gramsOf = new Map<number, string[]>();
  a.readingGrams.forEach((g, j) => {
    for (const w of new Set(a.readingGramWords[j] ?? [])) {
      const list = gramsOf.get(w) ?? [];
      list.push(g);
      gramsOf.set(w, list);
    }
  });
  const { qw, qr, kw, aw } = index.fields;

  const explainHit = (hit: SearchHit) => {
    const e = index.entries.indexOf(hit.entry);
    const matched: TermMatch[] = [];
    if (e < 0) return { id: hit.entry.id, matched };
    const first = qw.entryUnits[e] as number;
    for (const [term, slot] of byShown) {
      const fields = new Set<MatchField>();
      for (const raw of slot.raws) {
        for (const u of unitsWithTerm(qw, raw, e))
          fields.add(u === first ? 'question' : 'alt_question');
        if (entryHasTerm(kw, raw, e)) fields.add('keywords');
        if (entryHasTerm(aw, raw, e)) fields.add('answer');
      }
      if (!fields.has('question') && !fields.has('alt_question')) {
        const read = slot.words.some((w) => {
          const grams = gramsOf.get(w) ?? [];
          return grams.length > 0 && grams.every((g) => entryHasTerm(qr, g, e));
        });
        if (read) fields.add('reading');
      }
      if (fields.size > 0) matched.push({ term, fields: ORDER.filter((f) => fields.has(f)) });
    }
    return { id: hit.entry.id, matched };
  };

  return { terms: [...byShown.keys()], repaired, hits: hits.map(explainHit) };
}

const ORDER: readonly MatchField[] = ['question', 'alt_question', 'keywords', 'answer', 'reading'];
