/** Finds the allowed name a misspelt one was probably meant to be (`alt_question` → `alt_questions`). */
import { editDistance } from '../text/index.js';

/** The closest candidate within a small edit distance, or undefined. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase().replace(/-/g, '_');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // Allow roughly one typo per four letters, at least two.
  const limit = Math.max(2, Math.floor(name.length / 4));
  return bestDistance <= limit ? best : undefined;
}
