// Typo tolerance on readings: a query word the pack does not know is replaced by a known word
// that reads the same (固定試算税 → 資産: IME picked the wrong kanji) or almost the same (one kana
// off). Candidates come from a bigram index of the readings, so no query scans the vocabulary.
import { editDistance } from '../text/index.js';
import { MAX_FUZZY_DISTANCE, MIN_EDIT_READING, MIN_FUZZY_READING } from './settings.js';

/** Known words by reading, and a bigram index of the readings. */
export interface Vocabulary {
  wordsByReading: Map<string, string[]>;
  readingsByGram: Map<string, string[]>;
}

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
  return out;
}

/** Builds the vocabulary from `[word, reading]` pairs (pairs with no reading are skipped). */
export function buildVocabulary(pairs: Iterable<[string, string]>): Vocabulary {
  const wordsByReading = new Map<string, string[]>();
  for (const [word, reading] of pairs) {
    if (!reading) continue;
    const words = wordsByReading.get(reading);
    if (!words) wordsByReading.set(reading, [word]);
    else if (!words.includes(word)) words.push(word);
  }
  const readingsByGram = new Map<string, string[]>();
  for (const reading of wordsByReading.keys()) {
    for (const g of new Set(bigrams(reading))) {
      const list = readingsByGram.get(g);
      if (list) list.push(reading);
      else readingsByGram.set(g, [reading]);
    }
  }
  return { wordsByReading, readingsByGram };
}

/**
 * The known word closest to an unknown one by reading: the same reading (at least
 * `MIN_FUZZY_READING` kana), else the nearest reading within `MAX_FUZZY_DISTANCE` kana edits
 * (at least `MIN_EDIT_READING` kana; only if `allowEdits`).
 * Returns the word and the edit distance, or undefined.
 */
export function closestKnownWord(
  vocab: Vocabulary,
  reading: string,
  allowEdits = true,
): { word: string; distance: number } | undefined {
  if (reading.length < MIN_FUZZY_READING) return undefined;
  const same = vocab.wordsByReading.get(reading);
  if (same?.[0] !== undefined) return { word: same[0], distance: 0 };
  if (!allowEdits || reading.length < MIN_EDIT_READING) return undefined;
  const shared = new Map<string, number>();
  for (const g of new Set(bigrams(reading))) {
    for (const r of vocab.readingsByGram.get(g) ?? []) shared.set(r, (shared.get(r) ?? 0) + 1);
  }
  // A reading one edit away shares all but at most two of the query's bigrams.
  const need = Math.max(1, reading.length - 1 - 2 * MAX_FUZZY_DISTANCE);
  let best: { word: string; distance: number } | undefined;
  for (const [r, n] of shared) {
    if (n < need) continue;
    const d = editDistance(reading, r, MAX_FUZZY_DISTANCE);
    if (d <= MAX_FUZZY_DISTANCE && (!best || d < best.distance)) {
      const word = vocab.wordsByReading.get(r)?.[0];
      if (word !== undefined) best = { word, distance: d };
    }
  }
  return best;
}
