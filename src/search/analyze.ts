// Turns text into the terms of each search field. Runs on entries at build time and on queries,
// so both sides always go through exactly the same steps.
import { STOP_WORDS, cleanText, foldKana, isContentToken, isKana } from '../text/index.js';
import type { Token, Tokenize } from '../text/index.js';
import { plainVerb } from './verb-forms.js';

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
  /** Per reading bigram, the words (indexes in `words`) its two kana come from. */
  readingGramWords: Array<[number, number]>;
  /** Per word: written in kana only (the resident typed its reading). */
  wordKana: boolean[];
  /**
   * Runs of adjacent kana-only tokens (folded text), with the content words in each as
   * `[word, start, end]` character offsets: kuromoji often splits kana-only words into junk
   * (すまほ → すま + ほか), so the search re-reads these runs against the pack's readings.
   */
  kanaRuns: Array<{ text: string; words: Array<[number, number, number]>; cuts: number[] }>;
  /** The whole text, normalized, for substring checks (synonyms). */
  folded: string;
  /** The whole text read as kana, normalized. */
  foldedReading: string;
}

/** Small kana and the long-vowel mark belong to the kana before them (ファ, ショ, ケー). */
const ATTACHES = /[ぁぃぅぇぉゃゅょゎァィゥェォャュョヮー]/u;

/**
 * Appends the morae of clean (unfolded) text to `run`: a small kana stays with the kana before
 * it, even across tokens (kuromoji splits てんし|ゅつ), so folding ふぁ to ふあ cannot create a
 * bigram あい that was never typed (わいふぁい). Returns how many morae were added.
 */
export function pushMorae(text: string, run: string[]): number {
  const before = run.length;
  for (const ch of text) {
    const attaches = ATTACHES.test(ch) || foldKana(ch) === '';
    if (attaches && run.length > 0) run[run.length - 1] += ch;
    else if (foldKana(ch) !== '') run.push(ch);
  }
  return run.length - before;
}

/** Appends the bigrams of folded morae (a lone mora counts as one term). */
function pushGrams(run: string[], out: string[]): void {
  const folded = run.map(foldKana);
  if (folded.length === 1) out.push(folded[0] as string);
  for (let i = 0; i + 1 < folded.length; i++) out.push(`${folded[i]}${folded[i + 1]}`);
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
  const wordKana: boolean[] = [];
  const grams: string[] = [];
  const readingGrams: string[] = [];
  const readingGramWords: Array<[number, number]> = [];
  let run: string[] = [];
  let readingRun: string[] = [];
  let owners: number[] = [];
  let folded = '';
  let foldedReading = '';
  const kanaRuns: Analyzed['kanaRuns'] = [];
  let kanaRun: Analyzed['kanaRuns'][number] = { text: '', words: [], cuts: [0] };
  const flush = (): void => {
    pushGrams(run, grams);
    pushGrams(readingRun, readingGrams);
    if (owners.length === 1) readingGramWords.push([owners[0] as number, owners[0] as number]);
    for (let i = 0; i + 1 < owners.length; i++)
      readingGramWords.push([owners[i] as number, owners[i + 1] as number]);
    run = [];
    readingRun = [];
    owners = [];
  };
  for (const token of tokens) {
    // Tokens come from cleaned text, so kana folding is all that is left to do.
    const surface = foldKana(token.surface);
    const rawReading = token.reading ?? token.surface;
    const reading = foldKana(rawReading);
    folded += surface;
    foldedReading += reading;
    const base = foldKana(token.pos === '動詞' ? plainVerb(token.base, tokenize) : token.base);
    const kanaToken = isKana(surface);
    if (!kanaToken && kanaRun.text) {
      kanaRuns.push(kanaRun);
      kanaRun = { text: '', words: [], cuts: [0] };
    }
    const at = kanaRun.text.length;
    if (kanaToken) {
      kanaRun.text += surface;
      kanaRun.cuts.push(kanaRun.text.length);
    }
    // A lone kana is a piece kuromoji could not place (すまほか|ら), not a word.
    if (
      isWordTerm(token, base) &&
      !(kanaToken && surface.length === 1 && token.unknown !== true && token.pos === '名詞')
    ) {
      const kana = kanaToken;
      if (kana) kanaRun.words.push([words.length, at, kanaRun.text.length]);
      const kanaGuess = token.unknown === true && kana;
      wordReadings.push(
        (token.pos === '名詞' && token.reading !== undefined) || kanaGuess ? reading : '',
      );
      wordKnown.push(token.unknown !== true);
      wordKana.push(kana);
      pushMorae(token.surface, run);
      const added = pushMorae(rawReading, readingRun);
      for (let i = 0; i < added; i++) owners.push(words.length);
      words.push(base);
    } else {
      flush();
    }
  }
  flush();
  if (kanaRun.text) kanaRuns.push(kanaRun);
  return {
    words,
    wordReadings,
    wordKnown,
    wordKana,
    grams,
    readingGrams,
    readingGramWords,
    kanaRuns,
    folded,
    foldedReading,
  };
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
    const runMorae: string[] = [];
    pushMorae(m[0], runMorae);
    pushGrams(runMorae, grams);
  }
  return { words, grams };
}
