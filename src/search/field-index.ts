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
  /** Units of entry e are `entryUnits[e] … entryUnits[e + 1] − 1`. */
  entryUnits: Uint32Array;
  /** Per unit, `k1 × (1 − b + b × length / avgLength)`: the BM25 length term, precomputed. */
  unitNorm: Float32Array;
  /** Per unit, its number of terms. */
  unitLength: Float32Array;
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
  /** Scratch list of the units (then entries) a query touched. */
  touchedScratch: Uint32Array;
}

/** Robertson–Spärck Jones idf over `n` entries, never negative. */
export function idfOf(df: number, n: number): number {
  return df === 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** A growable Uint32Array (plain arrays of numbers cost more memory and GC on large packs). */
class U32Buffer {
  data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Builds a field from `[entryIndex, terms]` units, given in entry order. Postings are collected
 * as (term, unit, tf) triples and laid out in two typed arrays with a counting sort, so a large
 * pack does not allocate one array per term.
 */
export function buildField(
  units: Array<[number, string[]]>,
  entryCount: number,
  params: Bm25Params,
): FieldIndex {
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const lastEntry: number[] = [];
  const tripleTerm = new U32Buffer();
  const tripleUnit = new U32Buffer();
  const tripleTf = new U32Buffer();
  const lengths = new Float32Array(units.length);
  const unitEntry = new Uint32Array(units.length);
  const tf = new Map<number, number>();
  let total = 0;
  units.forEach(([entry, terms], u) => {
    lengths[u] = terms.length;
    unitEntry[u] = entry;
    total += terms.length;
    tf.clear();
    for (const t of terms) {
      let id = termIds.get(t);
      if (id === undefined) {
        id = df.length;
        termIds.set(t, id);
        df.push(0);
        lastEntry.push(-1);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const [id, n] of tf) {
      tripleTerm.push(id);
      tripleUnit.push(u);
      tripleTf.push(Math.min(n, 0xffff));
      if (lastEntry[id] !== entry) {
        df[id] = (df[id] as number) + 1;
        lastEntry[id] = entry;
      }
    }
  });
  // Counting sort of the triples by term; units stay in increasing order within a term.
  const start = new Uint32Array(df.length + 1);
  for (let i = 0; i < tripleTerm.length; i++) {
    const next = (tripleTerm.data[i] as number) + 1;
    start[next] = (start[next] as number) + 1;
  }
  for (let id = 0; id < df.length; id++) {
    start[id + 1] = (start[id + 1] as number) + (start[id] as number);
  }
  const fill = start.slice(0, df.length);
  const allUnits = new Uint32Array(tripleTerm.length);
  const allTfs = new Uint16Array(tripleTerm.length);
  for (let i = 0; i < tripleTerm.length; i++) {
    const id = tripleTerm.data[i] as number;
    const at = fill[id] as number;
    fill[id] = at + 1;
    allUnits[at] = tripleUnit.data[i] as number;
    allTfs[at] = tripleTf.data[i] as number;
  }
  const postings = new Map<string, Posting>();
  for (const [t, id] of termIds) {
    const from = start[id] as number;
    const to = start[id + 1] as number;
    postings.set(t, {
      units: allUnits.subarray(from, to),
      tfs: allTfs.subarray(from, to),
      idf: idfOf(df[id] as number, entryCount),
    });
  }
  const avgLength = units.length ? Math.max(total / units.length, 1) : 1;
  const { k1, b } = params;
  const unitNorm = lengths.map((len) => k1 * (1 - b + (b * len) / avgLength));
  const entryUnits = new Uint32Array(entryCount + 1);
  for (let u = units.length - 1; u >= 0; u--) entryUnits[unitEntry[u] as number] = u;
  entryUnits[entryCount] = units.length;
  return {
    postings,
    unitEntry,
    entryUnits,
    unitNorm,
    unitLength: lengths,
    avgLength,
    entryCount,
    params,
    scratch: new Float64Array(units.length),
    entryScratch: new Float64Array(entryCount),
    touchedScratch: new Uint32Array(units.length),
  };
}

/** The idf of a term in the field (0 if no entry has it). */
export function idf(field: FieldIndex, term: string): number {
  return field.postings.get(term)?.idf ?? 0;
}

/**
 * Adds `weight ×` the field's BM25+ score of each entry (its best unit) into `scores`, and
 * appends newly scored entries to `touched`. `terms` maps each query term to its query-side
 * weight; terms with more than `maxPosting` units are skipped. Only the postings of the query terms are read,
 * never every entry.
 */
export function scoreField(
  field: FieldIndex,
  terms: Map<string, number>,
  weight: number,
  scores: Float64Array,
  touched: number[],
  maxPosting = Infinity,
): void {
  const { k1, delta } = field.params;
  const acc = field.scratch;
  const units = field.touchedScratch;
  let count = 0;
  const { unitNorm, unitEntry } = field;
  for (const [term, qWeight] of terms) {
    const posting = field.postings.get(term);
    if (!posting || posting.units.length > maxPosting) continue;
    const w = posting.idf * qWeight;
    const { units: us, tfs } = posting;
    for (let i = 0; i < us.length; i++) {
      const u = us[i] as number;
      const tf = tfs[i] as number;
      if (acc[u] === 0) units[count++] = u;
      acc[u] = (acc[u] as number) + w * ((tf * (k1 + 1)) / (tf + (unitNorm[u] as number)) + delta);
    }
  }
  const oneUnitPerEntry = unitEntry.length === field.entryCount;
  const best = field.entryScratch;
  if (!oneUnitPerEntry) {
    // Several units (question variants) per entry: keep the best unit's score per entry.
    let entries = 0;
    for (let i = 0; i < count; i++) {
      const u = units[i] as number;
      const e = unitEntry[u] as number;
      if (best[e] === 0) units[entries++] = e; // entries never outnumber the units read so far
      if ((acc[u] as number) > (best[e] as number)) best[e] = acc[u] as number;
      acc[u] = 0;
    }
    count = entries;
  }
  const source = oneUnitPerEntry ? acc : best;
  for (let i = 0; i < count; i++) {
    const e = units[i] as number;
    if (scores[e] === 0) touched.push(e);
    scores[e] = (scores[e] as number) + weight * (source[e] as number);
    source[e] = 0;
  }
}

/** Index of the first unit ≥ `from` in a sorted posting list (binary search). */
function firstUnitFrom(units: Uint32Array, from: number): number {
  let lo = 0;
  let hi = units.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((units[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The units of entry `e` that contain `term` (binary search in the term's sorted postings). */
export function unitsWithTerm(field: FieldIndex, term: string, e: number): number[] {
  const posting = field.postings.get(term);
  if (!posting) return [];
  const to = field.entryUnits[e + 1] as number;
  const { units } = posting;
  const found: number[] = [];
  for (let i = firstUnitFrom(units, field.entryUnits[e] as number); i < units.length; i++) {
    if ((units[i] as number) >= to) break;
    found.push(units[i] as number);
  }
  return found;
}

/** Whether entry `e` has `term` in any unit; allocates nothing (the query's re-rank asks often). */
export function entryHasTerm(field: FieldIndex, term: string, e: number): boolean {
  const posting = field.postings.get(term);
  if (!posting) return false;
  const i = firstUnitFrom(posting.units, field.entryUnits[e] as number);
  return (
    i < posting.units.length && (posting.units[i] as number) < (field.entryUnits[e + 1] as number)
  );
}
