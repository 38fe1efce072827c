/** @module text: Japanese normalisation (NFKC, kana folding), the `Tokenize` type and stop words. */
export type { Token, Tokenize } from './token.js';
export { cleanText, foldKana, normalize, toHiragana, isKana } from './normalize.js';
export { STOP_WORDS, isContentToken } from './stop-words.js';
export { editDistance } from './edit-distance.js';
