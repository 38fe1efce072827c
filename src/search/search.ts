// Answers one query from a built index: analyze, score the query's postings per field, rank,
// then decide whether the best entry is a confident answer.
import { analyzeWithSynonyms } from './build-index.js';
import type { SearchIndex } from './build-index.js';
import type { FaqEntry } from '../schema/index.js';
import { idealScore, scoreField } from './field-index.js';
import { FIELDS } from './settings.js';
import type { FieldName } from './settings.js';
import { decideVerdict } from './verdict.js';
import type { Verdict } from './verdict.js';

export interface SearchHit {
  entry: FaqEntry;
  /** Relevance in [0, 1]: the entry's score over the score of an entry that matched the query exactly. */
  score: number;
}

export interface SearchOutcome {
  status: Verdict;
  /** Best first. Filled for every verdict (also `no_answer`, for logs and "did you mean"). */
  results: SearchHit[];
}

export interface SearchOptions {
  /** How many results to return (default 5). */
  top?: number;
}

function counts(terms: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Query terms per field: question fields and the answer share the query's words. */
export function queryTerms(
  index: SearchIndex,
  query: string,
): Record<FieldName, Map<string, number>> {
  const a = analyzeWithSynonyms(query, index.tokenize, index.synonyms);
  const words = counts(a.words);
  return { qw: words, qg: counts(a.grams), qr: counts(a.readingGrams), kw: words, aw: words };
}

/** Finds the entries that answer `query`, best first, and says how sure the engine is. */
export function search(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchOutcome {
  const top = opts.top ?? 5;
  const n = index.entries.length;
  const terms = queryTerms(index, query);
  const scores = new Float64Array(n);
  let ideal = 0;
  for (const name of Object.keys(FIELDS) as FieldName[]) {
    const { weight } = FIELDS[name];
    scoreField(index.fields[name], terms[name], weight, scores);
    if (name.startsWith('q')) ideal += weight * idealScore(index.fields[name], terms[name]);
  }
  const ranked: number[] = [];
  for (let e = 0; e < n; e++) if ((scores[e] as number) > 0) ranked.push(e);
  ranked.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
  const results = ranked.slice(0, Math.max(top, 0)).map((e) => ({
    entry: index.entries[e] as FaqEntry,
    score: ideal > 0 ? Math.min((scores[e] as number) / ideal, 1) : 0,
  }));
  return { status: decideVerdict(results.map((r) => r.score)), results };
}
