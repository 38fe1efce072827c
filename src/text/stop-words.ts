// Which tokens carry meaning for FAQ search. Particles, auxiliaries, symbols and the verbs and
// nouns every question uses (する, ある, 方法, 教えてください…) only add noise to the ranking.
import type { Token } from './token.js';

/** Parts of speech that never carry the topic of a question. */
const DROP_POS = new Set([
  '助詞',
  '助動詞',
  '記号',
  '感動詞',
  'フィラー',
  '接続詞',
  '連体詞',
  'その他',
]);

/** Noun subcategories that are grammar, not topic (こと, もの, これ, 三…). */
const DROP_NOUN_DETAIL = new Set(['非自立', '代名詞', '数', '特殊', '接続詞的', '副詞可能']);

/**
 * Base forms that appear in questions about anything: function verbs, question boilerplate and
 * politeness. Compared after `normalize` (hiragana, no long vowels).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'する',
  'ある',
  'いる',
  'なる',
  'できる',
  'れる',
  'られる',
  'せる',
  'させる',
  'くる',
  'いく',
  '行く',
  'くださる',
  'ください',
  'いただく',
  'もらう',
  'おる',
  'しまう',
  'みる',
  'おく',
  'ほしい',
  'いう',
  '言う',
  'ござる',
  'です',
  'ます',
  '思う',
  '教える',
  '知る',
  '知れる',
  'わかる',
  '分かる',
  '聞く',
  'よい',
  'いい',
  '良い',
  '方法',
  'について',
  'こと',
  'もの',
  'ため',
  'よう',
  'どう',
  'どこ',
  'いつ',
  'なに',
  '何',
  '誰',
  'どれ',
  'どの',
  'どんな',
  'どなた',
  '場合',
  'とき',
  '時',
  '方',
  'ほう',
  'の',
  'など',
  'ところ',
  '的',
  '等',
  'お',
  'ご',
  '御',
  'たい',
  'ない',
  'はい',
  'いいえ',
  'さん',
  '様',
  // Time adverbs and verbs of any procedure (「もう始まってる？」), and dialect for いい/本当.
  'もう',
  '始まる',
  'ええ',
  'ほんま',
  'ほんと',
]);

/** Nouns kept although their subcategory is grammar: they change the question (ほかの決済). */
const KEEP_WORDS: ReadonlySet<string> = new Set(['ほか', '他', '以外']);

const HAS_LETTER = /[\p{L}\p{N}]/u;

/** True if the token should be indexed and searched as a word. */
export function isContentToken(token: Token): boolean {
  if (DROP_POS.has(token.pos)) return false;
  // kuromoji tags unknown symbols such as "?" as nouns.
  if (!HAS_LETTER.test(token.surface)) return false;
  if (token.pos === '名詞' && KEEP_WORDS.has(token.base)) return true;
  if (
    token.pos === '名詞' &&
    token.posDetail !== undefined &&
    DROP_NOUN_DETAIL.has(token.posDetail)
  ) {
    return false;
  }
  if (token.pos === '接頭詞') return false;
  if ((token.pos === '動詞' || token.pos === '形容詞') && token.posDetail === '非自立')
    return false;
  return true;
}
