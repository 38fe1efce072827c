// Tallies the search verdicts on question sets whose right outcome is known, so the thresholds
// in src/search/verdict.ts can be judged (and re-chosen) on data.
import type { SearchOutcome, Verdict } from '../../src/search/index.js';

export interface VerdictCase {
  q: string;
  /** Acceptable entry ids, or 'none' when no entry answers the question. */
  expect: string[] | 'none';
}

export interface VerdictTally {
  label: string;
  /** Questions with an answer in the pack, by whether the first result was right. */
  right: Record<Verdict, number>;
  wrong: Record<Verdict, number>;
  /** Questions with no answer in the pack. */
  none: Record<Verdict, number>;
}

const zero = (): Record<Verdict, number> => ({ answered: 0, ambiguous: 0, no_answer: 0 });

/** Runs every case and counts verdicts; `isAnswer` lets an entry stand for "we don't know". */
export function tallyVerdicts(
  label: string,
  cases: VerdictCase[],
  search: (q: string) => SearchOutcome,
  saysUnknown: (outcome: SearchOutcome) => boolean = () => false,
): VerdictTally {
  const tally: VerdictTally = { label, right: zero(), wrong: zero(), none: zero() };
  for (const c of cases) {
    const outcome = search(c.q);
    const first = outcome.results[0]?.entry.id;
    if (c.expect === 'none') {
      // An entry that says the fact is unknown and whom to ask is a right answer here.
      if (saysUnknown(outcome)) tally.right[outcome.status]++;
      else tally.none[outcome.status]++;
    } else if (first !== undefined && c.expect.includes(first)) tally.right[outcome.status]++;
    else tally.wrong[outcome.status]++;
  }
  return tally;
}

function share(r: Record<Verdict, number>): string {
  const n = r.answered + r.ambiguous + r.no_answer;
  if (n === 0) return '— | — | — | 0';
  const p = (v: number): string => `${Math.round((100 * v) / n)}%`;
  return `${p(r.answered)} | ${p(r.ambiguous)} | ${p(r.no_answer)} | ${n}`;
}

/** A markdown table: one row per set and kind of question. */
export function verdictTable(tallies: VerdictTally[]): string {
  const rows = tallies.flatMap((t) => [
    `| ${t.label} | first result right | ${share(t.right)} |`,
    `| ${t.label} | first result wrong | ${share(t.wrong)} |`,
    `| ${t.label} | no answer in the pack | ${share(t.none)} |`,
  ]);
  return [
    '| questions | kind | answered | ambiguous | no_answer | n |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows.filter((r) => !r.endsWith('| 0 |')),
  ].join('\n');
}
