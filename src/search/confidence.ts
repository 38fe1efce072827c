// How much of the query an entry accounts for: the basis of the verdict. BM25 scores are not
// comparable across queries, so the verdict uses this share instead (0..1).
import type { SearchIndex } from './build-index.js';
import { idf, unitsWithTerm } from './field-index.js';
import type { FieldIndex } from './field-index.js';
import { ANSWER_COVERAGE } from './settings.js';

/** Query terms with the weight each carries in the coverage (unknown terms weigh the most). */
export interface WeightedTerms {
  terms: Array<[string, number]>;
  total: number;
}

/**
 * Weighs each distinct term by its idf in the first field that knows it; a term no field knows
 * (a topic the pack does not cover, or a typo) weighs as much as the rarest possible term, so
 * it pulls the coverage down.
 */
export function weighTerms(
  terms: Iterable<string>,
  fields: FieldIndex[],
  entryCount: number,
): WeightedTerms {
  const unknown = Math.log(1 + entryCount);
  const out: Array<[string, number]> = [];
  let total = 0;
  for (const t of terms) {
    let w = 0;
    for (const f of fields) if ((w = idf(f, t)) > 0) break;
    if (w === 0) w = unknown;
    out.push([t, w]);
    total += w;
  }
  return { terms: out, total };
}

/** The best unit's share of the weighted terms; `extra` holds terms matched outside the units. */
function bestUnitShare(
  field: FieldIndex,
  q: WeightedTerms,
  e: number,
  extra: Map<string, number>,
): number {
  if (q.total === 0) return 0;
  const matched = new Map<number, number>();
  let everywhere = 0;
  for (const [t, w] of q.terms) {
    const share = extra.get(t);
    if (share === 1) {
      everywhere += w;
      continue;
    }
    if (share !== undefined) everywhere += share * w;
    for (const u of unitsWithTerm(field, t, e)) matched.set(u, (matched.get(u) ?? 0) + w);
  }
  let best = 0;
  for (const m of matched.values()) best = Math.max(best, m);
  return Math.min((best + everywhere) / q.total, 1);
}

/**
 * The entry's coverage of the query: the larger of (a) the weighted share of the query's words
 * found in its best question variant or its keywords (words found only in its answer count
 * `ANSWER_COVERAGE`) and (b) the weighted share of the query's
 * reading bigrams found in its best question variant's reading (kana-only queries and typos
 * that read the same, where kuromoji's words fail).
 */
export function coverage(
  index: SearchIndex,
  words: WeightedTerms,
  readings: WeightedTerms,
  e: number,
): number {
  const elsewhere = new Map<string, number>();
  for (const [t] of words.terms) {
    if (unitsWithTerm(index.fields.kw, t, e).length > 0) elsewhere.set(t, 1);
    else if (unitsWithTerm(index.fields.aw, t, e).length > 0) {
      elsewhere.set(t, ANSWER_COVERAGE);
    }
  }
  const byWords = bestUnitShare(index.fields.qw, words, e, elsewhere);
  const byReading = bestUnitShare(index.fields.qr, readings, e, new Map());
  return Math.max(byWords, byReading);
}
