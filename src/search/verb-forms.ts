// Potential and colloquial verb forms read as the plain verb: 払える/はらえる → 払う/はらう,
// 受け取れる → 受け取る, 見れる (ら抜き) → 見る, so 「払える？」 meets an entry that says 払う.
import { STOP_WORDS, normalize } from '../text/index.js';
import type { Tokenize } from '../text/index.js';

/** e-row kana → u-row kana: the last kana of a potential form's stem (払え → 払う). */
const U_ROW: Readonly<Record<string, string>> = {
  え: 'う',
  け: 'く',
  げ: 'ぐ',
  せ: 'す',
  て: 'つ',
  ね: 'ぬ',
  べ: 'ぶ',
  め: 'む',
  れ: 'る',
};

/** Per tokenizer, the plain verb of each base form already looked up ('' = none). */
const seen = new WeakMap<Tokenize, Map<string, string>>();

/**
 * The plain verb of a potential form, if the dictionary knows that verb as one word; else the
 * base form unchanged. Ichidan verbs that only look potential (食べる, 決める) stay, because
 * 食ぶ and 決む are not dictionary verbs; a few pairs that are (届ける/届く) meet, on entries and
 * queries alike.
 */
export function plainVerb(base: string, tokenize: Tokenize): string {
  const stem = base.length >= 3 && base.endsWith('る') ? base.at(-2) : undefined;
  const u = stem === undefined ? undefined : U_ROW[stem];
  if (u === undefined) return base;
  let cache = seen.get(tokenize);
  if (!cache) seen.set(tokenize, (cache = new Map()));
  let plain = cache.get(base);
  if (plain === undefined) {
    const candidate = base.slice(0, -2) + u;
    const tokens = tokenize(candidate);
    const t = tokens[0];
    // 行ける, もらえる: the plain verb is a stop word, but being able to is the question.
    plain =
      tokens.length === 1 &&
      t?.pos === '動詞' &&
      t.base === candidate &&
      t.unknown !== true &&
      !STOP_WORDS.has(normalize(candidate))
        ? candidate
        : '';
    cache.set(base, plain);
  }
  return plain || base;
}
