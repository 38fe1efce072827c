// How much of the query an entry accounts for: the basis of the verdict. BM25 scores are not
// comparable across queries, so the verdict uses this share instead (0..1).
import type { SearchIndex } from './build-index.js';
import { entryHasTerm, idf, unitsWithTerm } from './field-index.js';
import type { FieldIndex } from './field-index.js';
import { ANSWER_COVERAGE } from './settings.js';

/** Weighted terms: each term with the weight it adds when found, out of `total`. */
export interface WeightedTerms {
  terms: Array<[string, number]>;
  total: number;
}

/**
 * One query word as the coverage sees it. Finding any of its `terms` covers it, by that term's
 * credit (1 for the word itself or its synonym concept, less for a typo guess), so a word and
 * its synonym concept count once.
 */
export interface CoverageWord {
  terms: Array<[string, number]>;
  weight: number;
}

/**
 * A term's weight: its idf in the first field that knows it; a term no field knows (a topic the
 * pack does not cover, or a typo) weighs as much as the rarest possible term, so it pulls the
 * coverage down.
 */
export function termWeight(term: string, fields: FieldIndex[], entryCount: number): number {
  for (const f of fields) {
    const w = idf(f, term);
    if (w > 0) return w;
  }
  return Math.log(1 + entryCount);
}

/** The best unit's share of the weighted terms. */
function bestUnitShare(field: FieldIndex, q: WeightedTerms, e: number): number {
  if (q.total === 0) return 0;
  const matched = new Map<number, number>();
  for (const [t, w] of q.terms) {
    for (const u of unitsWithTerm(field, t, e)) matched.set(u, (matched.get(u) ?? 0) + w);
  }
  let best = 0;
  for (const m of matched.values()) best = Math.max(best, m);
  return Math.min(best / q.total, 1);
}

/**
 * The weighted share of the query's words found in the entry's best question variant, or in its
 * keywords (1) or answer (`ANSWER_COVERAGE`) wherever the variant lacks them.
 */
function wordShare(index: SearchIndex, words: CoverageWord[], e: number): number {
  let total = 0;
  let base = 0;
  const extra = new Map<number, number>();
  for (const word of words) {
    total += word.weight;
    let elsewhere = 0;
    const inUnit = new Map<number, number>();
    for (const [t, credit] of word.terms) {
      if (entryHasTerm(index.fields.kw, t, e)) elsewhere = Math.max(elsewhere, credit);
      else if (entryHasTerm(index.fields.aw, t, e))
        elsewhere = Math.max(elsewhere, credit * ANSWER_COVERAGE);
      for (const u of unitsWithTerm(index.fields.qw, t, e))
        inUnit.set(u, Math.max(inUnit.get(u) ?? 0, credit));
    }
    base += word.weight * elsewhere;
    for (const [u, credit] of inUnit)
      if (credit > elsewhere)
        extra.set(u, (extra.get(u) ?? 0) + word.weight * (credit - elsewhere));
  }
  if (total === 0) return 0;
  let best = 0;
  for (const x of extra.values()) best = Math.max(best, x);
  return Math.min((base + best) / total, 1);
}

/**
 * The entry's coverage of the query: the larger of (a) the weighted share of the query's words
 * found in its best question variant or its keywords (words found only in its answer count
 * `ANSWER_COVERAGE`) and (b) the weighted share of the query's reading bigrams found in its best
 * question variant's reading (kana-only queries and typos that read the same, where kuromoji's
 * words fail).
 */
export function coverage(
  index: SearchIndex,
  words: CoverageWord[],
  readings: WeightedTerms,
  e: number,
): number {
  return Math.max(wordShare(index, words, e), bestUnitShare(index.fields.qr, readings, e));
}

/**
 * How much of the entry's closest question variant the query accounts for: the largest share of
 * a variant's words that are query terms. Breaks ties between entries that both cover the whole
 * query: the one asked in just those words (「住所と名前を書いたほうがいい？」) comes first.
 */
export function precision(index: SearchIndex, words: CoverageWord[], e: number): number {
  const field = index.fields.qw;
  const hits = new Map<number, number>();
  const seen = new Set<string>();
  for (const word of words)
    for (const [t] of word.terms) {
      if (seen.has(t)) continue;
      seen.add(t);
      for (const u of unitsWithTerm(field, t, e)) hits.set(u, (hits.get(u) ?? 0) + 1);
    }
  let best = 0;
  for (const [u, n] of hits) best = Math.max(best, Math.min(n / (field.unitLength[u] || 1), 1));
  return best;
}
