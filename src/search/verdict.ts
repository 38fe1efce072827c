// The verdict on a ranked list: answer, offer a short choice, or hand off to a person.

export type Verdict = 'answered' | 'ambiguous' | 'no_answer';

/** Thresholds on the relative score (see DESIGN.md "Verdict" for how they were measured). */
export const VERDICT = {
  /** Below this the best entry is not worth showing: hand off. */
  minScore: 0.25,
  /** At or above this, and clearly ahead of the runner-up, the best entry is the answer. */
  answerScore: 0.5,
  /** The runner-up must be below `margin ×` the best score for an `answered` verdict. */
  margin: 0.8,
} as const;

/** Decides from the relative scores of the results, best first. */
export function decideVerdict(scores: number[]): Verdict {
  const [best = 0, second = 0] = scores;
  if (best < VERDICT.minScore) return 'no_answer';
  if (best >= VERDICT.answerScore && second < VERDICT.margin * best) return 'answered';
  return 'ambiguous';
}
