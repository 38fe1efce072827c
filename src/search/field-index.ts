// One field of the inverted index (e.g. question words) and its BM25+ scoring. A field holds
// "units": one per entry, or one per question variant (question + each alternative question) so
// an entry with many alternatives is neither diluted nor boosted by them.

/** BM25+ parameters of a field (Lv & Zhai 2011): saturation k1, length normalization b, floor delta. */
export interface Bm25Params {
  k1: number;
  b: number;
  delta: number;
}

export interface Posting {
  units: Uint32Array;
  tfs: Uint16Array;
  /** idf over entries (an entry with several matching variants counts once). */
  idf: number;
}

export interface FieldIndex {
  postings: Map<string, Posting>;
  unitEntry: Uint32Array;
  /** Per unit, `k1 × (1 − b + b × length / avgLength)`: the BM25 length term, precomputed. */
  unitNorm: Float32Array;
  avgLength: number;
  entryCount: number;
  params: Bm25Params;
  /**
   * Scratch space for scoring, reused by every query (search is synchronous, so no two queries
   * ever share it at once); always left zeroed.
   */
  scratch: Float64Array;
  /** Scratch per entry (best unit so far), same rules. */
  entryScratch: Float64Array;
}

/** Robertson–Spärck Jones idf over `n` entries, never negative. */
export function idfOf(df: number, n: number): number {
  return df === 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** Builds a field from `[entryIndex, terms]` units, given in entry order. */
export function buildField(
  units: Array<[number, string[]]>,
  entryCount: number,
  params: Bm25Params,
): FieldIndex {
  const lists = new Map<
    string,
    { units: number[]; tfs: number[]; lastEntry: number; df: number }
  >();
  const lengths = new Float32Array(units.length);
  const unitEntry = new Uint32Array(units.length);
  let total = 0;
  units.forEach(([entry, terms], u) => {
    lengths[u] = terms.length;
    unitEntry[u] = entry;
    total += terms.length;
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let list = lists.get(t);
      if (!list) lists.set(t, (list = { units: [], tfs: [], lastEntry: -1, df: 0 }));
      list.units.push(u);
      list.tfs.push(Math.min(n, 0xffff));
      if (list.lastEntry !== entry) {
        list.df++;
        list.lastEntry = entry;
      }
    }
  });
  const postings = new Map<string, Posting>();
  for (const [t, list] of lists) {
    postings.set(t, {
      units: Uint32Array.from(list.units),
      tfs: Uint16Array.from(list.tfs),
      idf: idfOf(list.df, entryCount),
    });
  }
  const avgLength = units.length ? Math.max(total / units.length, 1) : 1;
  const { k1, b } = params;
  const unitNorm = lengths.map((len) => k1 * (1 - b + (b * len) / avgLength));
  return {
    postings,
    unitEntry,
    unitNorm,
    avgLength,
    entryCount,
    params,
    scratch: new Float64Array(units.length),
    entryScratch: new Float64Array(entryCount),
  };
}

/** The idf of a term in the field (0 if no entry has it). */
export function idf(field: FieldIndex, term: string): number {
  return field.postings.get(term)?.idf ?? 0;
}

/**
 * Adds `weight ×` the field's BM25+ score of each entry (its best unit) into `scores`, and
 * appends newly scored entries to `touched`. `terms` maps each query term to its query-side
 * weight. Only the postings of the query terms are read, never every entry.
 */
export function scoreField(
  field: FieldIndex,
  terms: Map<string, number>,
  weight: number,
  scores: Float64Array,
  touched: number[],
): void {
  const { k1, delta } = field.params;
  const acc = field.scratch;
  const { unitNorm, unitEntry } = field;
  const units: number[] = [];
  for (const [term, qWeight] of terms) {
    const posting = field.postings.get(term);
    if (!posting) continue;
    const w = posting.idf * qWeight;
    const { units: us, tfs } = posting;
    for (let i = 0; i < us.length; i++) {
      const u = us[i] as number;
      const tf = tfs[i] as number;
      if (acc[u] === 0) units.push(u);
      acc[u] = (acc[u] as number) + w * ((tf * (k1 + 1)) / (tf + (unitNorm[u] as number)) + delta);
    }
  }
  const oneUnitPerEntry = unitEntry.length === field.entryCount;
  const best = field.entryScratch;
  const entries: number[] = oneUnitPerEntry ? units : [];
  if (!oneUnitPerEntry) {
    for (const u of units) {
      const e = unitEntry[u] as number;
      if (best[e] === 0) entries.push(e);
      if ((acc[u] as number) > (best[e] as number)) best[e] = acc[u] as number;
      acc[u] = 0;
    }
  }
  const source = oneUnitPerEntry ? acc : best;
  for (const e of entries) {
    if (scores[e] === 0) touched.push(e);
    scores[e] = (scores[e] as number) + weight * (source[e] as number);
    source[e] = 0;
  }
}

/** The score a unit made of exactly the query's terms would get: the ceiling used for confidence. */
export function idealScore(field: FieldIndex, terms: Map<string, number>): number {
  const { k1, b, delta } = field.params;
  let len = 0;
  for (const q of terms.values()) len += q;
  const norm = k1 * (1 - b + (b * Math.max(len, 1)) / field.avgLength);
  let s = 0;
  for (const [term, qWeight] of terms)
    s += idf(field, term) * qWeight * ((k1 + 1) / (1 + norm) + delta);
  return s;
}
