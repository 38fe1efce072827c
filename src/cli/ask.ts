/** `madoguchi ask`: asks the FAQ a question (or a file of them) and prints the ranked answers. */
import { readFile } from 'node:fs/promises';
import type { SearchOutcome } from '../search/index.js';
import { EmptyQuestionError, InputFileError, UsageError } from './cli-errors.js';
import { parseFlags, type CliIo, type Command } from './command.js';
import { loadTarget, TARGET_FLAGS } from './content-target.js';
import { EXIT } from './exit-codes.js';

/**
 * One line of `ask --json`. This shape is a contract (scripts and the eval tooling read it):
 * add fields if needed, never rename or remove one.
 */
export interface AskJson {
  query: string;
  status: SearchOutcome['status'];
  results: { id: string; question: string; answer: string; score: number }[];
}

const USAGE = `usage: madoguchi ask [--city ID | --faq-dir DIR] [--json] [--top N] QUESTION
       madoguchi ask [--city ID | --faq-dir DIR] [--json] [--top N] --batch FILE

Asks the FAQ like a resident would and shows the best answers.
  --city ID       city pack (faq/common + faq/ID); default: $CITY or komaki
  --faq-dir DIR   search one pack directory instead
  --json          one JSON object per question, one per line:
                  {"query","status":"answered|ambiguous|no_answer","results":[{"id","question","answer","score"}]}
  --top N         at most N results (default 5)
  --batch FILE    ask every non-blank line of FILE (the tokenizer loads once)

examples:
  madoguchi ask 住民票ってコンビニでとれる？
  madoguchi ask --city kameyama --json --top 3 "まいなかーど なくした"`;

export const askCommand: Command = {
  name: 'ask',
  summary: 'ask the FAQ a question and show the ranked answers',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      {
        ...TARGET_FLAGS,
        json: { type: 'boolean' },
        top: { type: 'string' },
        batch: { type: 'string' },
      },
      true,
    );
    const top = parseTop(values.top);
    if (values.batch !== undefined && positionals.length > 0) {
      throw new UsageError('give either a QUESTION or --batch FILE, not both');
    }
    if (values.batch === undefined && positionals.length === 0) {
      throw new UsageError('what should I ask? give a QUESTION or --batch FILE');
    }
    const questions =
      values.batch !== undefined
        ? await readQuestions(values.batch)
        : [positionals.join(' ').trim()];
    if (questions.length === 0 || questions.some((q) => q === '')) {
      throw new EmptyQuestionError(
        values.batch !== undefined ? `no questions in ${values.batch}` : 'the question is empty',
      );
    }

    const target = await loadTarget(values, io);
    for (const query of questions) {
      // Ask for at least 5 so the verdict (which looks at the runner-up) does not depend on --top.
      const outcome = target.search(query, { top: Math.max(top, 5) });
      const results = outcome.results.slice(0, top);
      if (values.json) io.out(JSON.stringify(toJson(query, { ...outcome, results })));
      else printReadable(query, { ...outcome, results }, io);
    }
    return EXIT.ok;
  },
};

/** The `--json` line for one question. */
export function toJson(query: string, outcome: SearchOutcome): AskJson {
  return {
    query,
    status: outcome.status,
    results: outcome.results.map((r) => ({
      id: r.entry.id,
      question: r.entry.question,
      answer: r.entry.answer,
      score: Math.round(r.score * 10_000) / 10_000,
    })),
  };
}

function printReadable(query: string, outcome: SearchOutcome, io: CliIo): void {
  const [best, ...others] = outcome.results;
  io.out(`? ${query}`);
  const score = (s: number): string => s.toFixed(3);
  if (outcome.status === 'no_answer' || !best) {
    io.out('no answer: the bot would say it cannot answer and point to the city contact.');
    if (best)
      io.out(`  (closest: ${best.entry.id} ${best.entry.question}, score ${score(best.score)})`);
    io.out('');
    return;
  }
  if (outcome.status === 'ambiguous') {
    io.out('ambiguous: the bot would offer these choices:');
    outcome.results.forEach((r, i) =>
      io.out(`  ${i + 1}. ${r.entry.question}  [${r.entry.id}, score ${score(r.score)}]`),
    );
    io.out('');
    return;
  }
  io.out(`answered: ${best.entry.id} (score ${score(best.score)})`);
  io.out(`Q: ${best.entry.question}`);
  for (const line of best.entry.answer.split('\n')) io.out(`A: ${line}`);
  if (others.length > 0) {
    io.out('next best:');
    others.forEach((r, i) =>
      io.out(`  ${i + 2}. ${r.entry.question}  [${r.entry.id}, score ${score(r.score)}]`),
    );
  }
  io.out('');
}

function parseTop(value: string | undefined): number {
  if (value === undefined) return 5;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--top must be a whole number ≥ 1, got "${value}"`);
  return n;
}

async function readQuestions(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InputFileError(file);
  });
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}
