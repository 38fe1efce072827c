// Every tunable of the engine, in one place. One setting serves every pack: there are no
// per-dataset switches. The measurements behind each value are in DESIGN.md.
import type { Bm25Params } from './field-index.js';

/**
 * qw/qg/qr: question and alternative questions (one unit per variant; an entry scores its best
 * variant) as content words, bigrams as written, bigrams of the kana reading.
 * kw: keywords as content words. aw/ag: answer words and answer bigrams.
 */
export type FieldName = 'qw' | 'qg' | 'qr' | 'kw' | 'aw' | 'ag';

export interface FieldSetting extends Bm25Params {
  /** Multiplier of the field's score in the entry's total. */
  weight: number;
}

export const FIELDS: Readonly<Record<FieldName, Readonly<FieldSetting>>> = {
  qw: { weight: 1, k1: 1.2, b: 0.75, delta: 0.5 },
  qg: { weight: 0.3, k1: 1.2, b: 0.75, delta: 0 },
  qr: { weight: 0.3, k1: 1.2, b: 0.75, delta: 0 },
  kw: { weight: 0.8, k1: 1.2, b: 0.5, delta: 0 },
  aw: { weight: 0.3, k1: 1.2, b: 0.75, delta: 0 },
  ag: { weight: 0.3, k1: 1.2, b: 0.75, delta: 0 },
};

/**
 * How much of each answer is indexed. Answers are indexed without kuromoji (runs of kanji,
 * katakana and latin letters as words, plus their bigrams): tokenizing them cost ~3–5 µs per
 * character and dominated the build of large packs, and on localgovFAQ dev the tokenizer-free
 * answer fields scored the same (DESIGN.md).
 */
export const ANSWER_CHARS = 400;

/**
 * Bigram and answer-word terms (qg, qr, ag, aw) found in more than `share` of the entries (and
 * more than `min`, so small packs keep them all) are skipped at query time: they weigh little
 * (idf < ln 10) and their long postings dominated latency on 20,000 entries (query CPU p99
 * 8.5 → 3.5 ms). No change on localgovFAQ dev or the city packs (where `min` applies).
 */
export const GRAM_POSTING_LIMIT = { share: 0.1, min: 500 } as const;

/**
 * In the verdict's coverage, a query word found only in the answer counts this much (found in a
 * question or keyword: 1). Half credit rescued right answers whose question is worded
 * differently (city packs: 238 → 241 of 260 eval questions passed) at little cost off topic.
 */
export const ANSWER_COVERAGE = 0.5;

/** Fuzzy matching (fuzzy.ts): shortest reading (kana) of an unknown word matched by reading… */
export const MIN_FUZZY_READING = 2;
/** …shortest reading matched with edits, and the most kana edits allowed. */
export const MIN_EDIT_READING = 4;
/**
 * A word the dictionary knows is a real word, not a typo: it is only swapped for a known word
 * one kana off when its reading is at least this long (台風→対応, 入園→入院, 人口→健康 were
 * real words swapped for unrelated ones). Same-reading swaps (試算→資産) stay.
 */
export const MIN_EDIT_READING_KNOWN = 6;
export const MAX_FUZZY_DISTANCE = 1;
/** Shortest known reading (kana) matched inside a kana-only run of the query (kana-runs.ts). */
export const MIN_KANA_RUN_READING = 3;
/** Query weight of a word substituted for an unknown one (same reading: this; one edit: × 0.75). */
export const FUZZY_WEIGHT = 0.8;
/**
 * In the verdict's coverage, a swapped word is a guess: it covers this share of the word it
 * replaced (same reading; × 0.75 for an edit), so 「粗大ごみの回収」 is not fully covered by a
 * 住宅改修 entry. Real IME typos (固定試算税) are still covered by the reading bigrams.
 */
export const FUZZY_COVERAGE = 0.5;

/**
 * The best `depth` entries by BM25+ are re-ordered by relevance × (1 + `coverageBonus` ×
 * coverage): between entries of near-equal relevance, the one that accounts for more of the
 * question comes first (an entry that covers every word over one that covers half), and then
 * (× `precisionBonus` × precision) the one whose question has fewer words the query lacks.
 */
export const RERANK = {
  depth: 10,
  coverageBonus: 0.1,
  precisionBonus: 0.05,
} as const;
