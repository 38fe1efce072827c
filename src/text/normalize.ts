// Japanese text folding. Two strengths:
// - `cleanText` is safe to feed the tokenizer: it only fixes width, case and spaces, so kuromoji
//   still sees katakana loan words and kanji as written (kuromoji does not fold half-width kana).
// - `normalize` = `cleanText` + `foldKana`: it folds what residents vary without meaning to
//   (katakana vs hiragana, long-vowel marks, small kana), so 「まいなんばーかーど」 and
//   「マイナンバーカード」 give the same key. Applied to terms and readings after tokenizing.

const SPACES = /\s+/gu;

/** Small hiragana → full size; ゔ → ぶ (by code point, after katakana → hiragana). */
const FOLD = new Map<number, number>([
  [0x3041, 0x3042], // ぁ → あ
  [0x3043, 0x3044], // ぃ → い
  [0x3045, 0x3046], // ぅ → う
  [0x3047, 0x3048], // ぇ → え
  [0x3049, 0x304a], // ぉ → お
  [0x3063, 0x3064], // っ → つ
  [0x3083, 0x3084], // ゃ → や
  [0x3085, 0x3086], // ゅ → ゆ
  [0x3087, 0x3088], // ょ → よ
  [0x308e, 0x308f], // ゎ → わ
  [0x3095, 0x304b], // ゕ → か
  [0x3096, 0x3051], // ゖ → け
  [0x3094, 0x3076], // ゔ → ぶ
]);

/** Long-vowel mark and the wave dashes people type in its place (〜, and ~ after NFKC). */
const isLongVowel = (c: number): boolean => c === 0x30fc || c === 0x301c || c === 0x7e;

/** A hyphen typed after kana stands for the long-vowel mark (マイナンバーカ-ド). */
const KANA_HYPHEN = /(?<=[\u3041-\u30fa])[-‐‑–—―]/gu;

/**
 * NFKC (full-width ASCII, half-width kana), lower case, one space between words, and a hyphen
 * after kana read as ー.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(KANA_HYPHEN, 'ー')
    .replace(SPACES, ' ')
    .trim();
}

/** Katakana → hiragana; other characters are kept. */
export function toHiragana(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0x30a1 && c <= 0x30f6 ? String.fromCharCode(c - 0x60) : text[i];
  }
  return out;
}

/**
 * Kana folding of already-clean text (see `cleanText`): katakana → hiragana, small kana → large,
 * ヴ → ぶ, long-vowel marks and wave dashes dropped. Kanji, latin letters and digits are kept.
 */
export function foldKana(text: string): string {
  let i = 0;
  // Fast path: most terms (kanji, latin) need no change.
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3000 && c <= 0x30ff) || c === 0x7e) break;
    i++;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (isLongVowel(c)) continue;
    if (c >= 0x30a1 && c <= 0x30f6) c -= 0x60;
    c = FOLD.get(c) ?? c;
    out += String.fromCharCode(c);
  }
  return out;
}

/**
 * The matching key of a text: `cleanText` then `foldKana`. Lossy on purpose (ビル and ビール
 * meet); it is only ever compared with other normalized text.
 */
export function normalize(text: string): string {
  return foldKana(cleanText(text));
}

/** True for hiragana/katakana only strings (after `normalize`, only hiragana remain). */
export function isKana(text: string): boolean {
  return /^[\u3041-\u309f\u30a0-\u30ff]+$/u.test(text);
}
