/**
 * Groups near-identical wordings of residents' questions, so that staff see 「粗大ごみの出し方」
 * once with its count instead of ten rows that differ by a space, a 「？」, katakana or a polite
 * ending. Features: the character bigrams of the text folded with `normalize` (src/text), plus
 * each kanji/katakana/latin character on its own (content weighs more than particles); two
 * wordings meet when the Jaccard similarity of those sets reaches the threshold, unless each
 * has a content character the other lacks (「犬の登録」 and 「猫の登録」 stay apart).
 *
 * Greedy and deterministic: the most frequent wordings found groups first; each later wording
 * joins the most similar group representative. Candidates come from an inverted index over the
 * rarest features only (prefix filtering), so 100,000 wordings group in well under a second.
 */
import { cleanText, normalize } from '../text/index.js';

export interface GroupOptions {
  /** Jaccard similarity needed to join a group (0–1). Default 0.45. */
  threshold?: number;
  /** Other wordings kept per group, most frequent first. Default 5. */
  maxVariants?: number;
}

export interface WordingGroup<T> {
  /** The group's most frequent wording, as it was written (masked). */
  text: string;
  /** How many items the group holds. */
  count: number;
  /** Other wordings of the group with their counts, most frequent first. */
  variants: Array<{ text: string; count: number }>;
  /** The items, in the order given. */
  items: T[];
}

/** Polite and question endings that do not change what is asked. */
const ENDINGS =
  /(?:を?教えて(?:ください|下さい|ほしい)?|ください|下さい|でしょうか|ですか|ますか|たいです|です|ます|か|ね|よ|な|の)+$/u;
/** Masks written by `maskQuestion` ([電話番号] …): not part of the wording. */
const MASKS = /\[[^\]]{1,12}\]/gu;
const HIRAGANA = /^[\u3041-\u309f]$/u;

interface Features {
  /** Feature ids, sorted by the global order (rarest first) once known. */
  ids: number[];
  /** Normalized characters that were kanji, katakana, latin or digits. */
  content: Set<string>;
  /** Every normalized character. */
  chars: Set<string>;
}

/** The folded words of a wording: masks, punctuation and polite endings removed. */
export function wordingKey(text: string): string {
  const words = cleanText(text.replace(MASKS, ' '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(ENDINGS, '')
    .trim();
  return words
    .split(' ')
    .map((w) => normalize(w))
    .filter(Boolean)
    .join('');
}

function features(text: string, intern: (f: string) => number): Features {
  const words = cleanText(text.replace(MASKS, ' '))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(ENDINGS, '')
    .trim()
    .split(' ');
  const content = new Set<string>();
  const chars = new Set<string>();
  const names = new Set<string>();
  for (const word of words) {
    const folded: string[] = [];
    for (const ch of word) {
      const n = normalize(ch);
      if (!n) continue;
      folded.push(n);
      chars.add(n);
      if (!HIRAGANA.test(ch)) content.add(n);
    }
    for (let i = 0; i + 1 < folded.length; i++) names.add(`${folded[i]}${folded[i + 1]}`);
    if (folded.length === 1) names.add(folded[0]!);
  }
  for (const c of content) names.add(`\u0001${c}`);
  return { ids: [...names].map(intern), content, chars };
}

/** |a ∩ b| of two id lists sorted the same way. */
function overlap(a: number[], b: number[], rank: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const ra = rank[a[i]!]!;
    const rb = rank[b[j]!]!;
    if (ra === rb) {
      n++;
      i++;
      j++;
    } else if (ra < rb) i++;
    else j++;
  }
  return n;
}

/** True when each side has a content character the other does not have at all. */
function contentClash(a: Features, b: Features): boolean {
  let aOnly = false;
  for (const c of a.content) if (!b.chars.has(c)) aOnly = true;
  if (!aOnly) return false;
  for (const c of b.content) if (!a.chars.has(c)) return true;
  return false;
}

/** Groups `items` by near-identical `textOf(item)`; the largest group first. */
export function groupWordings<T>(
  items: readonly T[],
  textOf: (item: T) => string,
  options: GroupOptions = {},
): Array<WordingGroup<T>> {
  const threshold = options.threshold ?? 0.45;
  const maxVariants = options.maxVariants ?? 5;

  // 1. Identical keys first: one entry per folded wording, with its written forms.
  const byKey = new Map<string, { items: number[]; texts: Map<string, number> }>();
  const keyOf = new Map<string, string>();
  items.forEach((item, i) => {
    const text = textOf(item);
    let key = keyOf.get(text);
    if (key === undefined) keyOf.set(text, (key = wordingKey(text)));
    let k = byKey.get(key);
    if (!k) byKey.set(key, (k = { items: [], texts: new Map() }));
    k.items.push(i);
    k.texts.set(text, (k.texts.get(text) ?? 0) + 1);
  });
  const keys = [...byKey.entries()].sort(
    ([ka, a], [kb, b]) => b.items.length - a.items.length || (ka < kb ? -1 : ka > kb ? 1 : 0),
  );

  // 2. Features, and their order: rarest first (ties by id), for prefix filtering.
  const ids = new Map<string, number>();
  const intern = (f: string): number => {
    let id = ids.get(f);
    if (id === undefined) ids.set(f, (id = ids.size));
    return id;
  };
  // Features of a written form: whether a character was kanji or kana matters, so not the key.
  const feats = keys.map(([, k]) => features(k.texts.keys().next().value!, intern));
  const df = new Int32Array(ids.size);
  for (const f of feats) for (const id of f.ids) df[id]!++;
  const order = Array.from({ length: ids.size }, (_, i) => i).sort(
    (a, b) => df[a]! - df[b]! || a - b,
  );
  const rank = new Int32Array(ids.size);
  order.forEach((id, r) => (rank[id] = r));
  for (const f of feats) f.ids.sort((a, b) => rank[a]! - rank[b]!);

  // 3. Greedy grouping against group representatives.
  interface Building {
    rep: Features;
    keys: number[];
  }
  const groups: Building[] = [];
  const postings = new Map<number, number[]>();
  const prefixLength = (n: number): number => n - Math.ceil(threshold * n) + 1;
  for (let k = 0; k < keys.length; k++) {
    const f = feats[k]!;
    let best = -1;
    let bestScore = threshold;
    if (f.ids.length > 0) {
      const tried = new Set<number>();
      for (const id of f.ids.slice(0, prefixLength(f.ids.length))) {
        for (const g of postings.get(id) ?? []) {
          if (tried.has(g)) continue;
          tried.add(g);
          const rep = groups[g]!.rep;
          const small = Math.min(rep.ids.length, f.ids.length);
          const large = Math.max(rep.ids.length, f.ids.length);
          if (small < threshold * large) continue;
          const both = overlap(f.ids, rep.ids, rank);
          const score = both / (f.ids.length + rep.ids.length - both);
          const better = best < 0 ? score >= bestScore : score > bestScore;
          if (better && !contentClash(f, rep)) {
            best = g;
            bestScore = score;
          }
        }
      }
    }
    if (best >= 0) {
      groups[best]!.keys.push(k);
      continue;
    }
    groups.push({ rep: f, keys: [k] });
    if (f.ids.length === 0) continue;
    for (const id of f.ids.slice(0, prefixLength(f.ids.length))) {
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push(groups.length - 1);
    }
  }

  // 4. Results: written forms counted across the group's keys, items in input order.
  const out = groups.map((g): WordingGroup<T> => {
    const texts = new Map<string, number>();
    const members: number[] = [];
    for (const k of g.keys) {
      const entry = keys[k]![1];
      members.push(...entry.items);
      for (const [t, n] of entry.texts) texts.set(t, (texts.get(t) ?? 0) + n);
    }
    const ranked = [...texts.entries()].sort(
      ([ta, a], [tb, b]) => b - a || (ta < tb ? -1 : ta > tb ? 1 : 0),
    );
    members.sort((a, b) => a - b);
    return {
      text: ranked[0]![0],
      count: members.length,
      variants: ranked.slice(1, 1 + maxVariants).map(([text, count]) => ({ text, count })),
      items: members.map((i) => items[i]!),
    };
  });
  return out.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/**
 * How alike two wordings are, by the measure `groupWordings` uses: `similarity` is the Jaccard
 * of their features, and `differ` is true when each has a content character the other lacks
 * (小学校 / 中学校): such wordings never group, however similar.
 */
export function compareWordings(a: string, b: string): { similarity: number; differ: boolean } {
  const ids = new Map<string, number>();
  const intern = (f: string): number => {
    let id = ids.get(f);
    if (id === undefined) ids.set(f, (id = ids.size));
    return id;
  };
  const fa = features(a, intern);
  const fb = features(b, intern);
  const inB = new Set(fb.ids);
  const both = fa.ids.filter((id) => inB.has(id)).length;
  const union = fa.ids.length + fb.ids.length - both;
  return { similarity: union === 0 ? 1 : both / union, differ: contentClash(fa, fb) };
}
