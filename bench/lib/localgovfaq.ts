// Reads the localgovFAQ dev split at run time (third-party data: never copied into the repo)
// and scores a search function on it with the paper's protocol.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaqEntry } from '../../src/schema/index.js';

export interface EvalSet {
  dir: string;
  entries: FaqEntry[];
  queries: Array<{ id: string; text: string; relevant: Set<string> }>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `$MADOGUCHI_EVAL_DIR`, else `../shared/eval/localgovfaq-dev` next to the repo. */
export function evalDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.MADOGUCHI_EVAL_DIR ?? path.resolve(repoRoot, '..', 'shared', 'eval', 'localgovfaq-dev')
  );
}

export function hasEvalSet(dir = evalDir()): boolean {
  return ['corpus.json', 'queries.json', 'qrels.json'].every((f) => existsSync(path.join(dir, f)));
}

/**
 * The answer as a resident would read it: `＜改＞` is a leftover line-break marker and
 * 【関連するＦＡＱ】 lists the titles of other entries, which would make them match here.
 */
export function cleanAnswer(answer: string): string {
  return answer
    .replace(/【関連するＦＡＱ】[\s\S]*?(?=【|$)/g, '')
    .replace(/＜改＞。?/g, '')
    .trim();
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
}

/** Loads the corpus as FAQ entries (id = doc id) and the queries with their judged documents. */
export function loadEvalSet(dir = evalDir()): EvalSet {
  const corpus = readJson<Record<string, string>>(dir, 'corpus.json');
  const queries = readJson<Record<string, string>>(dir, 'queries.json');
  const qrels = readJson<Record<string, Record<string, number>>>(dir, 'qrels.json');
  const entries: FaqEntry[] = Object.entries(corpus).map(([id, text]) => {
    const m = /^Question:\s*([\s\S]*?)\nAnswer:\s*([\s\S]*)$/.exec(text);
    const question = (m?.[1] ?? text).trim();
    const answer = cleanAnswer(m?.[2] ?? '') || question;
    return {
      id,
      question,
      answer,
      alt_questions: [],
      keywords: [],
      links: [],
      status: 'live',
      related: [],
    };
  });
  return {
    dir,
    entries,
    queries: Object.entries(queries).map(([id, text]) => ({
      id,
      text,
      relevant: new Set(
        Object.entries(qrels[id] ?? {})
          .filter(([, grade]) => grade >= 1)
          .map(([doc]) => doc),
      ),
    })),
  };
}

export interface Quality {
  sr1: number;
  sr5: number;
  mrr10: number;
  msPerQuery: number;
  queries: number;
}

/** SR@1, SR@5, MRR@10 of `rank` (ids best first) over the set, and the mean time per query. */
export function measureQuality(set: EvalSet, rank: (query: string) => string[]): Quality {
  let sr1 = 0;
  let sr5 = 0;
  let mrr = 0;
  const start = performance.now();
  for (const q of set.queries) {
    const ids = rank(q.text).slice(0, 10);
    const pos = ids.findIndex((id) => q.relevant.has(id));
    if (pos === 0) sr1++;
    if (pos >= 0 && pos < 5) sr5++;
    if (pos >= 0) mrr += 1 / (pos + 1);
  }
  const n = set.queries.length || 1;
  return {
    sr1: sr1 / n,
    sr5: sr5 / n,
    mrr10: mrr / n,
    msPerQuery: (performance.now() - start) / n,
    queries: set.queries.length,
  };
}
