/** `madoguchi faq eval`: runs a pack's eval.yaml through the search engine and scores top-1. */
import type { EvalCase } from '../schema/index.js';
import type { SearchOptions, SearchOutcome, Verdict } from '../search/index.js';
import { UsageError } from './cli-errors.js';
import { parseFlags, type Command } from './command.js';
import { loadTarget, TARGET_FLAGS } from './content-target.js';
import { EXIT } from './exit-codes.js';

/** Marks an entry that honestly says a fact is not known; it counts as right for `expect: none`. */
export const UNKNOWN_KEYWORD = '不明';

export interface EvalOutcome {
  q: string;
  expected: string[] | 'none';
  got: string | null;
  status: Verdict;
  score: number;
  pass: boolean;
}

export interface EvalReport {
  target: string;
  total: number;
  correct: number;
  /** Correct without asking the resident to choose (verdict not `ambiguous`). */
  confident: number;
  accuracy: number;
  min: number;
  passed: boolean;
  byStatus: Record<Verdict, number>;
  misses: EvalOutcome[];
}

const USAGE = `usage: madoguchi faq eval [--city ID | --faq-dir DIR] [--min RATIO] [--json]

Runs the pack's eval.yaml through the search engine and prints top-1 accuracy and each miss.
  --city ID       city pack (faq/common + faq/ID); default: $CITY or komaki
  --faq-dir DIR   evaluate one pack directory
  --min RATIO     fail (exit 1) below this accuracy (default 0.9)
  --json          one JSON report instead of text

A question passes when the engine answers (answered or ambiguous) with an expected id first.
An "expect: none" question passes when the verdict is no_answer, or when the first entry has
the keyword 不明 (an entry that says the fact is not known).

examples:
  madoguchi faq eval --city komaki
  madoguchi faq eval --city kameyama --min 0.95 --json`;

export const faqEvalCommand: Command = {
  name: 'faq eval',
  summary: "score the search engine on a pack's eval.yaml",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, {
      ...TARGET_FLAGS,
      min: { type: 'string' },
      json: { type: 'boolean' },
    });
    const min = parseMin(values.min);
    const target = await loadTarget(values, io);
    if (target.evalCases.length === 0) {
      io.err(`madoguchi: ${target.label} has no eval.yaml questions to run`);
      return EXIT.failed;
    }
    const report = evaluate(target.label, target.evalCases, target.search, min);
    if (values.json) io.out(JSON.stringify(report));
    else {
      const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
      for (const m of report.misses) {
        const want = m.expected === 'none' ? 'none (no_answer)' : m.expected.join(' | ');
        io.out(`MISS 「${m.q}」`);
        io.out(
          `     expected ${want}; got ${m.got ?? '-'} (${m.status}, score ${m.score.toFixed(3)})`,
        );
      }
      const s = report.byStatus;
      io.out(
        `${report.passed ? 'OK' : 'FAILED'}: ${report.target}: top-1 accuracy ${pct(report.accuracy)} ` +
          `(${report.correct}/${report.total}), minimum ${pct(min)}; ` +
          `verdicts: ${s.answered} answered, ${s.ambiguous} ambiguous, ${s.no_answer} no_answer; ` +
          `${report.confident}/${report.total} right without a choice list`,
      );
    }
    return report.passed ? EXIT.ok : EXIT.failed;
  },
};

/** Scores eval cases with a search function (pure apart from the search itself). */
export function evaluate(
  label: string,
  cases: EvalCase[],
  search: (query: string, opts?: SearchOptions) => SearchOutcome,
  min: number,
): EvalReport {
  const outcomes = cases.map((c): EvalOutcome => {
    const { status, results } = search(c.q, { top: 5 });
    const first = results[0];
    const expected = c.expect === 'none' ? 'none' : Array.isArray(c.expect) ? c.expect : [c.expect];
    const pass =
      expected === 'none'
        ? status === 'no_answer' || (first?.entry.keywords.includes(UNKNOWN_KEYWORD) ?? false)
        : status !== 'no_answer' && first !== undefined && expected.includes(first.entry.id);
    return {
      q: c.q,
      expected,
      got: first?.entry.id ?? null,
      status,
      score: first?.score ?? 0,
      pass,
    };
  });
  const correct = outcomes.filter((o) => o.pass).length;
  const accuracy = outcomes.length === 0 ? 0 : correct / outcomes.length;
  const byStatus: Record<Verdict, number> = { answered: 0, ambiguous: 0, no_answer: 0 };
  for (const o of outcomes) byStatus[o.status]++;
  return {
    target: label,
    total: outcomes.length,
    correct,
    confident: outcomes.filter((o) => o.pass && o.status !== 'ambiguous').length,
    accuracy: Math.round(accuracy * 10_000) / 10_000,
    min,
    passed: accuracy >= min,
    byStatus,
    misses: outcomes.filter((o) => !o.pass),
  };
}

function parseMin(value: string | undefined): number {
  if (value === undefined) return 0.9;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new UsageError(`--min must be a ratio between 0 and 1 (e.g. 0.9), got "${value}"`);
  }
  return n;
}
