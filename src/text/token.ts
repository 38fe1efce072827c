/** One morpheme as the search engine sees it; produced by a `Tokenize` (kuromoji at the edge). */
export interface Token {
  /** The text as written (after `cleanText`). */
  surface: string;
  /** Dictionary form (食べた → 食べる); the surface when the dictionary does not know the word. */
  base: string;
  /** Katakana reading, when the dictionary knows one. */
  reading?: string;
  /** Part of speech (IPADIC): 名詞, 動詞, 助詞… */
  pos: string;
  /** First POS subcategory (IPADIC pos_detail_1): 一般, 自立, 非自立, 接尾… */
  posDetail?: string;
  /** True when the dictionary does not know the word (kuromoji guessed its extent). */
  unknown?: boolean;
}

/**
 * Splits text into tokens. Must be synchronous and deterministic, and must apply `cleanText`
 * first (NFKC, case, spaces): token strings are only kana-folded after it. `loadTokenizer` does.
 */
export type Tokenize = (text: string) => Token[];
