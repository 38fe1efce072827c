// Answers one query from a built index: analyze, score the query's postings per field, rank,
// then decide whether the best entry is a confident answer.
import type { FaqEntry } from '../schema/index.js';
import { scriptTerms } from './analyze.js';
import type { Analyzed } from './analyze.js';
import { analyzeWithSynonyms, synonymLinks } from './build-index.js';
import type { SearchIndex } from './build-index.js';
import { coverage, precision, termWeight } from './confidence.js';
import type { CoverageWord, WeightedTerms } from './confidence.js';
import { scoreField } from './field-index.js';
import { closestKnownWord } from './fuzzy.js';
import { readKanaRuns } from './kana-runs.js';
import {
  FIELDS,
  FUZZY_COVERAGE,
  FUZZY_WEIGHT,
  GRAM_POSTING_LIMIT,
  MIN_EDIT_READING_KNOWN,
  RERANK,
} from './settings.js';
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

/** A query word after typo correction: the term searched, its weight, its coverage credit. */
export interface QueryWord {
  term: string;
  weight: number;
  credit: number;
  /** Synonym concepts (indexes in the query's words) whose presence also covers this word. */
  concepts: number[];
  /** A concept that stands for other words of the query: no weight of its own in the coverage. */
  linked: boolean;
}

/**
 * Query words with their weights; a word the pack does not know is replaced by the known word
 * closest to it by reading (fuzzy.ts), at a lower weight. A word the dictionary knows is only
 * replaced by one that reads the same, or one kana off when its reading is long.
 */
function correctTypos(index: SearchIndex, a: Analyzed): QueryWord[] {
  const { conceptsOf, linked: linkedSet } = synonymLinks(a, index.synonyms);
  const words = a.words.map((word, i) => {
    const concepts = conceptsOf[i] ?? [];
    const linked = linkedSet.has(i);
    const reading = a.wordReadings[i];
    if (reading && !isKnown(index, word)) {
      const allowEdits = a.wordKnown[i] !== true || reading.length >= MIN_EDIT_READING_KNOWN;
      const near = closestKnownWord(index.vocabulary, reading, allowEdits);
      if (near) {
        const edit = near.distance === 0 ? 1 : 0.75;
        const credit = FUZZY_COVERAGE * edit;
        return { term: near.word, weight: FUZZY_WEIGHT * edit, credit, concepts, linked };
      }
    }
    return { term: word, weight: 1, credit: 1, concepts, linked };
  });
  const unknown = (w: number): boolean => !isKnown(index, a.words[w] as string);
  for (const { word, replaces } of readKanaRuns(a, index.vocabulary, unknown)) {
    replaces.forEach((w, k) => {
      const q = words[w] as QueryWord;
      // The first word becomes the known one; the others were pieces of it.
      if (k === 0) Object.assign(q, { term: word, weight: 1, credit: 1 });
      else Object.assign(q, { term: '', weight: 0, linked: true });
    });
  }
  return words;
}

/** The analyzed query: terms per field (word fields share the words, gram fields the bigrams). */
export interface Query {
  fields: Record<FieldName, Map<string, number>>;
  words: QueryWord[];
  analyzed: Analyzed;
}

export function analyzeQuery(index: SearchIndex, query: string): Query {
  const a = analyzeWithSynonyms(query, index.tokenize, index.synonyms);
  const script = scriptTerms(query);
  const qwords = correctTypos(index, a);
  const words = new Map<string, number>();
  for (const w of qwords) if (w.term !== '') words.set(w.term, (words.get(w.term) ?? 0) + w.weight);
  return {
    fields: {
      qw: words,
      qg: counts(a.grams),
      qr: counts(a.readingGrams),
      kw: words,
      aw: counts([...script.words, ...a.words.filter((w) => w.startsWith('~'))]),
      ag: counts(script.grams),
    },
    words: qwords,
    analyzed: a,
  };
}

/**
 * The query's words as the coverage weighs them: a word is covered by itself or by a synonym
 * concept found in it (which then has no weight of its own); a word repeated counts once.
 */
function coverageWords(index: SearchIndex, words: QueryWord[]): CoverageWord[] {
  const fields = [index.fields.qw, index.fields.kw, index.fields.aw];
  const n = index.entries.length;
  const out = new Map<string, CoverageWord>();
  for (const w of words) {
    if (w.linked) continue;
    // A swapped word stands for an unknown one: it weighs as an unknown word.
    const weight = w.credit < 1 ? Math.log(1 + n) : termWeight(w.term, fields, n);
    const terms: Array<[string, number]> = [[w.term, w.credit]];
    for (const c of w.concepts) terms.push([(words[c] as QueryWord).term, 1]);
    const key = terms.map(([t]) => t).join(' ');
    const seen = out.get(key);
    if (!seen) out.set(key, { terms, weight });
    else seen.terms.forEach((t, i) => (t[1] = Math.max(t[1], terms[i]?.[1] ?? 0)));
  }
  return [...out.values()];
}

/**
 * The query's reading bigrams, weighted by word: each word's weight (as in the coverage's words)
 * is shared among the bigrams its kana are in, so a short word (犬: いぬ, one bigram) costs as
 * much as a long one (登録: three) when it is missing. A word written in kanji that an entry
 * matches only by reading (回収 ≈ 改修) is a guess and covers `FUZZY_COVERAGE` of its share.
 */
function readingTerms(index: SearchIndex, a: Analyzed): WeightedTerms {
  const fields = [index.fields.qw, index.fields.kw, index.fields.aw];
  const n = index.entries.length;
  const touches = new Map<number, number>();
  for (const [x, y] of a.readingGramWords) {
    touches.set(x, (touches.get(x) ?? 0) + 1);
    if (y !== x) touches.set(y, (touches.get(y) ?? 0) + 1);
  }
  const share = new Map<number, number>();
  let total = 0;
  for (const [i, k] of touches) {
    const word = a.words[i] as string;
    const weight = termWeight(word, fields, n);
    total += weight;
    const credit = a.wordKana[i] === true ? 1 : FUZZY_COVERAGE;
    share.set(i, (weight * credit) / k);
  }
  const byGram = new Map<string, number>();
  a.readingGrams.forEach((g, j) => {
    const [x, y] = a.readingGramWords[j] as [number, number];
    const w = (share.get(x) ?? 0) + (y !== x ? (share.get(y) ?? 0) : 0);
    byGram.set(g, (byGram.get(g) ?? 0) + w);
  });
  return { terms: [...byGram], total };
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
  const analyzed = analyzeQuery(index, query);
  const terms = analyzed.fields;
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
  const ranked = top > 0 ? topK(touched, scores, Math.max(top, RERANK.depth)) : [];
  const words = coverageWords(index, analyzed.words);
  const readings = readingTerms(index, analyzed.analyzed);
  const results = ranked
    .map((e) => {
      const score = coverage(index, words, readings, e);
      const bonus =
        RERANK.coverageBonus * score + RERANK.precisionBonus * precision(index, words, e);
      const relevance = (scores[e] as number) * (1 + bonus);
      return { entry: index.entries[e] as FaqEntry, score, relevance };
    })
    .sort((x, y) => y.relevance - x.relevance)
    .slice(0, top);
  for (const e of touched) scores[e] = 0;
  return { status: decideVerdict(results), results };
}
