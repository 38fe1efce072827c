// Answers one query from a built index: analyze, score the query's postings per field, rank,
// then decide whether the best entry is a confident answer.
import type { FaqEntry } from '../schema/index.js';
import { scriptTerms } from './analyze.js';
import { analyzeWithSynonyms } from './build-index.js';
import type { SearchIndex } from './build-index.js';
import { coverage, weighTerms } from './confidence.js';
import { scoreField } from './field-index.js';
import { closestKnownWord } from './fuzzy.js';
import { FIELDS, FUZZY_WEIGHT, GRAM_POSTING_LIMIT } from './settings.js';
import type { FieldName } from './settings.js';
import { decideVerdict } from './verdict.js';
import type { Verdict } from './verdict.js';

export interface SearchHit {
  entry: FaqEntry;
  /**
   * Confidence in [0, 1]: how much of the query the entry accounts for (weighted share of the
   * query's words, or of its kana reading, found in one of its questions or its keywords).
   */
  score: number;
  /**
   * The ranking score (weighted BM25+ over all fields); results are ordered by it. Always set by
   * `search`; optional so code written against `{ entry, score }` (test doubles) still fits.
   */
  relevance?: number;
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

const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

function counts(terms: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

const isKnown = (index: SearchIndex, word: string): boolean =>
  index.fields.qw.postings.has(word) ||
  index.fields.kw.postings.has(word) ||
  index.fields.aw.postings.has(word);

/**
 * Query words with their weights; a word the pack does not know is replaced by the known word
 * closest to it by reading (fuzzy.ts), at a lower weight.
 */
function correctTypos(
  index: SearchIndex,
  words: string[],
  readings: string[],
): Map<string, number> {
  const out = new Map<string, number>();
  words.forEach((word, i) => {
    let term = word;
    let weight = 1;
    const reading = readings[i];
    if (reading && !isKnown(index, word)) {
      const near = closestKnownWord(index.vocabulary, reading);
      if (near) {
        term = near.word;
        weight = FUZZY_WEIGHT * (near.distance === 0 ? 1 : 0.75);
      }
    }
    out.set(term, (out.get(term) ?? 0) + weight);
  });
  return out;
}

/** Query terms per field: word fields share the query's words, gram fields its bigrams. */
export function queryTerms(
  index: SearchIndex,
  query: string,
): Record<FieldName, Map<string, number>> {
  const a = analyzeWithSynonyms(query, index.tokenize, index.synonyms);
  const script = scriptTerms(query);
  const words = correctTypos(index, a.words, a.wordReadings);
  const grams = counts(a.grams);
  return {
    qw: words,
    qg: grams,
    qr: counts(a.readingGrams),
    kw: words,
    aw: counts([...script.words, ...a.words.filter((w) => w.startsWith('~'))]),
    ag: counts(script.grams),
  };
}

/** The `k` best of `candidates` by score, best first (ties: earlier entry first). */
function topK(candidates: number[], scores: Float64Array, k: number): number[] {
  const best: number[] = [];
  const better = (x: number, y: number): boolean =>
    (scores[x] as number) > (scores[y] as number) || (scores[x] === scores[y] && x < y);
  for (const e of candidates) {
    if (best.length === k && !better(e, best[k - 1] as number)) continue;
    let i = Math.min(best.length, k - 1);
    while (i > 0 && better(e, best[i - 1] as number)) i--;
    best.splice(i, 0, e);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Finds the entries that answer `query`, best first, and says how sure the engine is. */
export function search(index: SearchIndex, query: string, opts: SearchOptions = {}): SearchOutcome {
  const top = Math.max(opts.top ?? 5, 0);
  const terms = queryTerms(index, query);
  const scores = index.scratch;
  const touched: number[] = [];
  const gramLimit = Math.max(
    GRAM_POSTING_LIMIT.min,
    GRAM_POSTING_LIMIT.share * index.entries.length,
  );
  for (const name of FIELD_NAMES) {
    const { weight } = FIELDS[name];
    if (weight === 0) continue;
    const limit = name === 'qw' || name === 'kw' ? Infinity : gramLimit;
    scoreField(index.fields[name], terms[name], weight, scores, touched, limit);
  }
  const ranked = top > 0 ? topK(touched, scores, top) : [];
  const n = index.entries.length;
  const words = weighTerms(terms.qw.keys(), [index.fields.qw, index.fields.kw, index.fields.aw], n);
  const readings = weighTerms(terms.qr.keys(), [index.fields.qr], n);
  const results = ranked.map((e) => ({
    entry: index.entries[e] as FaqEntry,
    score: coverage(index, words, readings, e),
    relevance: scores[e] as number,
  }));
  for (const e of touched) scores[e] = 0;
  return { status: decideVerdict(results), results };
}
