// One field of the inverted index (e.g. question words) and its BM25+ scoring. A field holds
// "units": one per entry, or one per question variant (question + each alternative question) so
// an entry with many alternatives is neither diluted nor boosted by them.

/** BM25+ parameters of a field (Lv & Zhai 2011): saturation k1, length normalization b, floor delta. */
export interface Bm25Params {
  k1: number;
  b: number;
  delta: number;
}

export interface FieldIndex {
  postings: Map<string, { units: Uint32Array; tfs: Uint16Array }>;
  /** Number of distinct entries containing the term (for idf), by term. */
  entryDf: Map<string, number>;
  unitLength: Float32Array;
  unitEntry: Uint32Array;
  avgLength: number;
  entryCount: number;
  params: Bm25Params;
}

/** Builds a field from `[entryIndex, terms]` units. */
export function buildField(
  units: Array<[number, string[]]>,
  entryCount: number,
  params: Bm25Params,
): FieldIndex {
  const lists = new Map<
    string,
    { units: number[]; tfs: number[]; lastEntry: number; df: number }
  >();
  const unitLength = new Float32Array(units.length);
  const unitEntry = new Uint32Array(units.length);
  let total = 0;
  units.forEach(([entry, terms], u) => {
    unitLength[u] = terms.length;
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
  const postings = new Map<string, { units: Uint32Array; tfs: Uint16Array }>();
  const entryDf = new Map<string, number>();
  for (const [t, list] of lists) {
    postings.set(t, { units: Uint32Array.from(list.units), tfs: Uint16Array.from(list.tfs) });
    entryDf.set(t, list.df);
  }
  return {
    postings,
    entryDf,
    unitLength,
    unitEntry,
    avgLength: units.length ? Math.max(total / units.length, 1) : 1,
    entryCount,
    params,
  };
}

/** Robertson–Spärck Jones idf, never negative. */
export function idf(field: FieldIndex, term: string): number {
  const df = field.entryDf.get(term) ?? 0;
  if (df === 0) return 0;
  return Math.log(1 + (field.entryCount - df + 0.5) / (df + 0.5));
}

/**
 * Adds `weight ×` the field's BM25+ score of each entry (best unit per entry) into `scores`.
 * `terms` maps each query term to its query-side weight. Touches only the postings of the
 * query terms, never every entry.
 */
export function scoreField(
  field: FieldIndex,
  terms: Map<string, number>,
  weight: number,
  scores: Float64Array,
): void {
  const { k1, b, delta } = field.params;
  const unitScores = new Map<number, number>();
  for (const [term, qWeight] of terms) {
    const posting = field.postings.get(term);
    if (!posting) continue;
    const w = idf(field, term) * qWeight;
    const { units, tfs } = posting;
    for (let i = 0; i < units.length; i++) {
      const u = units[i] as number;
      const tf = tfs[i] as number;
      const norm = k1 * (1 - b + (b * (field.unitLength[u] as number)) / field.avgLength);
      const s = w * ((tf * (k1 + 1)) / (tf + norm) + delta);
      unitScores.set(u, (unitScores.get(u) ?? 0) + s);
    }
  }
  const best = new Map<number, number>();
  for (const [u, s] of unitScores) {
    const e = field.unitEntry[u] as number;
    if (s > (best.get(e) ?? 0)) best.set(e, s);
  }
  for (const [e, s] of best) scores[e] = (scores[e] as number) + weight * s;
}

/** The score a unit made of exactly the query's terms would get: the ceiling used for confidence. */
export function idealScore(field: FieldIndex, terms: Map<string, number>): number {
  const { k1, b, delta } = field.params;
  let len = 0;
  for (const q of terms.values()) len += q;
  const norm = k1 * (1 - b + (b * Math.max(len, 1)) / field.avgLength);
  let s = 0;
  for (const [term, qWeight] of terms) {
    const w = idf(field, term) * qWeight;
    s += w * ((k1 + 1) / (1 + norm) + delta);
  }
  return s;
}
