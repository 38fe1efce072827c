// Every tunable of the engine, in one place. One setting serves every pack: there are no
// per-dataset switches. The figures behind each value are in DESIGN.md and bench/RESULTS.md.
import type { Bm25Params } from './field-index.js';

export type FieldName = 'qw' | 'qg' | 'qr' | 'kw' | 'aw' | 'ag';

export interface FieldSetting extends Bm25Params {
  /** Multiplier of the field's score in the entry's total. */
  weight: number;
}

export const FIELDS: Record<FieldName, FieldSetting> = {
  /** Question and alternative questions: content-word base forms (and synonym concepts). */
  qw: { weight: 1, k1: 1.2, b: 0.75, delta: 0.5 },
  /** Question variants: character bigrams as written, for compounds the tokenizer split differently. */
  qg: { weight: 0.3, k1: 1.2, b: 0.75, delta: 0 },
  /** Question variants: bigrams of the kana reading, where kana-only and kanji spellings meet. */
  qr: { weight: 0.3, k1: 1.2, b: 0.75, delta: 0 },
  /** Staff keywords (words, and each keyword whole). */
  kw: { weight: 0.8, k1: 1.2, b: 0.5, delta: 0 },
  /** Answer: content words of its first `ANSWER_CHARS` characters. */
  aw: { weight: 0.3, k1: 1.2, b: 0.75, delta: 0 },
  /** Answer: character bigrams of content-word runs. */
  ag: { weight: 0.2, k1: 1.2, b: 0.75, delta: 0 },
};

/** How much of each answer is tokenized and indexed (long answers dominate build time). */
export const ANSWER_CHARS = 100_000;
