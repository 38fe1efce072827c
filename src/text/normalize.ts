// Japanese text folding. Two strengths:
// - `cleanText` is safe to feed the tokenizer: it only fixes width, case and spaces, so kuromoji
//   still sees katakana loan words and kanji as written (kuromoji does not fold half-width kana).
// - `normalize` folds everything residents vary without meaning to: katakana vs hiragana,
//   long-vowel marks, small kana. It is applied to terms and readings after tokenizing, so
//   「まいなんばーかーど」 and 「マイナンバーカード」 give the same key.

const KATA_START = 0x30a1; // ァ
const KATA_END = 0x30f6; // ヶ
const KATA_TO_HIRA = 0x60;

/** Small kana (already hiragana) → their full-size forms. */
const SMALL_TO_LARGE: Record<string, string> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
  ゕ: 'か',
  ゖ: 'け',
  ゔ: 'ぶ',
};

/** Long-vowel marks and the wave dashes people type in their place (after NFKC). */
const LONG_VOWEL = /[ー〜~]/g;
const SPACES = /\s+/gu;

/** NFKC (full-width ASCII, half-width kana), lower case, one space between words. */
export function cleanText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SPACES, ' ').trim();
}

/** Katakana → hiragana; other characters are kept. */
export function toHiragana(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    out += c >= KATA_START && c <= KATA_END ? String.fromCodePoint(c - KATA_TO_HIRA) : ch;
  }
  return out;
}

/**
 * The matching key of a text: `cleanText`, then katakana → hiragana, small kana → large,
 * long-vowel marks and wave dashes dropped, ヴ → ぶ. Kanji, latin letters and digits are kept.
 * Lossy on purpose (ビル and ビール meet); it is only ever compared with other normalized text.
 */
export function normalize(text: string): string {
  const hira = toHiragana(cleanText(text));
  let out = '';
  for (const ch of hira) out += SMALL_TO_LARGE[ch] ?? ch;
  return out.replace(LONG_VOWEL, '');
}

/** True for hiragana/katakana only strings (after `normalize`, only hiragana remain). */
export function isKana(text: string): boolean {
  return /^[\u3041-\u309f\u30a0-\u30ff]+$/u.test(text);
}
