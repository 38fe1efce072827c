// Turns text into the terms of each search field. Runs on entries at build time and on queries,
// so both sides always go through exactly the same steps.
import { STOP_WORDS, cleanText, foldKana, isContentToken, isKana } from '../text/index.js';
import type { Token, Tokenize } from '../text/index.js';

/** The terms one text contributes; every list may repeat a term (term frequency counts). */
export interface Analyzed {
  /** Normalized base forms of content words (住民票, とる…). */
  words: string[];
  /**
   * Per word, its kana reading (normalized) when the word is a noun the dictionary reads, or its
   * surface when the dictionary does not know a kana-only word; else ''.
   */
  wordReadings: string[];
  /** Per word: the dictionary knows it (a real word, not kuromoji's guess at an unknown one). */
  wordKnown: boolean[];
  /** Character bigrams of runs of adjacent content words, as written (normalized). */
  grams: string[];
  /** Character bigrams of the same runs, read as kana: kana-only and kanji spellings meet here. */
  readingGrams: string[];
  /** The whole text, normalized, for substring checks (synonyms). */
  folded: string;
  /** The whole text read as kana, normalized. */
  foldedReading: string;
}

/** Appends the character bigrams of `run` (a lone character counts as one term). */
function pushGrams(run: string, out: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) out.push(chars[0] as string);
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
}

function isWordTerm(token: Token, base: string): boolean {
  return isContentToken(token) && base.length > 0 && !STOP_WORDS.has(base);
}

/** Analyzes one text. */
export function analyze(text: string, tokenize: Tokenize): Analyzed {
  const tokens = tokenize(text);
  const words: string[] = [];
  const wordReadings: string[] = [];
  const wordKnown: boolean[] = [];
  const grams: string[] = [];
  const readingGrams: string[] = [];
  let run = '';
  let readingRun = '';
  let folded = '';
  let foldedReading = '';
  const flush = (): void => {
    if (run) pushGrams(run, grams);
    if (readingRun) pushGrams(readingRun, readingGrams);
    run = '';
    readingRun = '';
  };
  for (const token of tokens) {
    // Tokens come from cleaned text, so kana folding is all that is left to do.
    const surface = foldKana(token.surface);
    const reading = token.reading === undefined ? surface : foldKana(token.reading);
    folded += surface;
    foldedReading += reading;
    const base = foldKana(token.base);
    if (isWordTerm(token, base)) {
      words.push(base);
      const kanaGuess = token.unknown === true && isKana(surface);
      wordReadings.push(
        (token.pos === '名詞' && token.reading !== undefined) || kanaGuess ? reading : '',
      );
      wordKnown.push(token.unknown !== true);
      run += surface;
      readingRun += reading;
    } else {
      flush();
    }
  }
  flush();
  return { words, wordReadings, wordKnown, grams, readingGrams, folded, foldedReading };
}

/** Runs of kanji, katakana, latin letters and digits: content words, roughly, without a tokenizer. */
const CONTENT_RUN = /[\p{Script=Han}\p{Script=Katakana}ー々〆ヶa-z0-9]+/gu;

/**
 * Words and bigrams without a tokenizer, cheap enough for long answers: the text's runs of
 * kanji, katakana, latin letters and digits (hiragana, mostly particles and okurigana, and
 * symbols split runs), kana-folded, as words, and their character bigrams.
 */
export function scriptTerms(text: string): { words: string[]; grams: string[] } {
  const words: string[] = [];
  const grams: string[] = [];
  for (const m of cleanText(text).matchAll(CONTENT_RUN)) {
    const run = foldKana(m[0]);
    if (run.length === 0) continue;
    words.push(run);
    pushGrams(run, grams);
  }
  return { words, grams };
}
