/** Shortening text so it fits LINE's limits without breaking a character or a sentence badly. */
import { graphemeLength, graphemeSegments } from './limits.js';

/** Cuts `s` to at most `max` grapheme clusters, ending with 「…」 when it was cut. */
export function clampLabel(s: string, max: number): string {
  const clean = s.replace(/\s+/g, ' ').trim();
  // A grapheme is at least one UTF-16 unit: short strings need no segmenting.
  if (clean.length <= max || graphemeLength(clean) <= max) return clean;
  const parts = [...graphemeSegments(clean)].map((x) => x.segment);
  return parts.slice(0, Math.max(0, max - 1)).join('') + '…';
}

/** Cuts `s` to at most `max` UTF-16 units (never inside a surrogate pair), with 「…」. */
export function clampUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const { segment } of graphemeSegments(s)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return out + '…';
}

/**
 * Shortens a long answer for a chat bubble: cut at the last sentence end (。！？ or a line break)
 * before `max` UTF-16 units, then add `tail` (e.g. 「続きは担当課へ」). Short answers are unchanged.
 */
export function truncateAnswer(answer: string, max: number, tail: string): string {
  if (answer.length <= max) return answer;
  const room = Math.max(0, max - tail.length - 2);
  const head = clampUtf16(answer, room).replace(/…$/, '');
  const cut = Math.max(
    head.lastIndexOf('。'),
    head.lastIndexOf('\n'),
    head.lastIndexOf('！'),
    head.lastIndexOf('？'),
  );
  const kept = cut >= room / 2 ? head.slice(0, cut + 1) : head + '…';
  return `${kept.trimEnd()}\n\n${tail}`;
}
