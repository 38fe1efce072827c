// Kana-only text re-read against the pack's own words: kuromoji splits words it does not know
// into junk (すまほ → すま + ほか, けいじどうしゃぜい → けい + … + ゃぜい), so a run of kana
// is cut instead into the known readings that cover most of it.
import type { Analyzed } from './analyze.js';
import type { Vocabulary } from './fuzzy.js';
import { MIN_KANA_RUN_READING } from './settings.js';

/** A known word found in a kana run, and the query words (indexes) it stands for. */
export interface KanaRunWord {
  word: string;
  replaces: number[];
}

/** Longest reading looked up at one position (no known reading in the packs is longer). */
const MAX_READING = 16;

/**
 * The known readings that cover most of `text` without overlapping, as `[start, end]`, each
 * starting and ending where tokens do (`cuts`): a reading found across the middle of a token
 * (こう|ふり|つ read as こうふ) is a coincidence more often than a word.
 */
function coverRun(text: string, vocab: Vocabulary, cuts: Set<number>): Array<[number, number]> {
  const n = text.length;
  const best = new Array<number>(n + 1).fill(0);
  const pick = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    best[i] = best[i + 1] as number;
    if (!cuts.has(i)) continue;
    for (let len = Math.min(MAX_READING, n - i); len >= MIN_KANA_RUN_READING; len--) {
      if (!cuts.has(i + len) || !vocab.wordsByReading.has(text.slice(i, i + len))) continue;
      const v = len + (best[i + len] as number);
      if (v > (best[i] as number)) {
        best[i] = v;
        pick[i] = len;
      }
    }
  }
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n;) {
    const len = pick[i] as number;
    if (len > 0 && best[i] !== best[i + 1]) {
      out.push([i, i + len]);
      i += len;
    } else i++;
  }
  return out;
}

/**
 * Known words read from the query's kana runs, each replacing the content words it overlaps
 * when it joins several of them (すま + ほ → すまほ) or one is unknown to the pack (`isUnknown`);
 * a known word kuromoji already found on its own is left as it is.
 */
export function readKanaRuns(
  a: Analyzed,
  vocab: Vocabulary,
  isUnknown: (word: number) => boolean,
): KanaRunWord[] {
  const out: KanaRunWord[] = [];
  for (const run of a.kanaRuns) {
    for (const [start, end] of coverRun(run.text, vocab, new Set(run.cuts))) {
      const replaces = run.words.filter(([, s, e]) => s < end && e > start).map(([w]) => w);
      const word = vocab.wordsByReading.get(run.text.slice(start, end))?.[0];
      if (word !== undefined && (replaces.length > 1 || replaces.some(isUnknown)))
        out.push({ word, replaces });
    }
  }
  return out;
}
