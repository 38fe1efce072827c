// The verdict on a ranked list: answer, offer a short choice, or hand off to a person.

export type Verdict = 'answered' | 'ambiguous' | 'no_answer';

/**
 * Thresholds, chosen on the city packs' eval.yaml questions, off-topic questions and localgovFAQ
 * dev (`npm run bench:search` prints the verdict table; DESIGN.md "Verdict" has the figures).
 * With these, on the city packs' 260 eval questions: 82% of right first results (216 non-none
 * questions) are `answered`; no wrong first result is `answered`; 95% of off-topic questions
 * get `no_answer` (figures of the 2026-11-21 fixes; `npm run bench:search` has the table). Long, wordy localgovFAQ questions are mostly `ambiguous` or handed off.
 */
export const VERDICT = {
  /** Below this coverage the best entry does not answer the question: hand off. */
  minScore: 0.5,
  /**
   * At or above this coverage, and clearly ahead of the runner-up, the best entry is the answer.
   * 0.7 → 0.65 when the coverage stopped counting synonyms twice (DESIGN.md, "Fixes").
   */
  answerScore: 0.65,
  /** The runner-up's relevance must be below `margin ×` the best one's for `answered`… */
  margin: 0.9,
  /** …and below `tieMargin ×` it when the runner-up covers the query as fully as the best. */
  tieMargin: 0.7,
} as const;

/** Decides from the results, best first: `score` is coverage, `relevance` the ranking score. */
export function decideVerdict(
  results: ReadonlyArray<{ score: number; relevance: number }>,
): Verdict {
  const [best, second] = results;
  if (!best || best.score < VERDICT.minScore) return 'no_answer';
  const rival =
    second !== undefined &&
    (second.relevance >= VERDICT.margin * best.relevance ||
      (second.score >= best.score && second.relevance >= VERDICT.tieMargin * best.relevance));
  const clearlyAhead = !rival;
  return best.score >= VERDICT.answerScore && clearlyAhead ? 'answered' : 'ambiguous';
}
