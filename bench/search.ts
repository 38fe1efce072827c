// `npm run bench:search`: how fast and how good is the FAQ search engine?
// Tokenizer load, index build time and memory at 2,000 and 20,000 entries, query latency, and
// retrieval quality on the localgovFAQ dev split. Each measurement runs in a fresh child process
// so memory figures do not mix. Writes the "search" section of bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import { loadTokenizer } from '../src/content/tokenizer.js';
import { buildIndex, search } from '../src/search/index.js';
import type { SearchIndex, SearchOutcome } from '../src/search/index.js';
import { evalDir, hasEvalSet, loadEvalSet, measureQuality } from './lib/localgovfaq.js';
import { environmentLine, writeSection } from './lib/results-file.js';
import { synthesizePack } from './lib/synthesize.js';
import { OFF_TOPIC_QUERIES } from './lib/off-topic.js';
import { tallyVerdicts, verdictTable } from './lib/verdicts.js';
import type { VerdictCase, VerdictTally } from './lib/verdicts.js';
import { listCities, loadCity } from '../src/content/index.js';

const self = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(self), '..');
const MB = 2 ** 20;

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Kana-only, colloquial and typo queries of the kind residents send, for latency only. */
const RESIDENT_QUERIES = [
  'まいなんばーかーど なくした',
  'こんびにで住民票とれる？',
  '固定試算税',
  'ぺいぺいで払える？',
  'ごみの日いつ',
  'じどうてあて',
];

async function childTokenizer(): Promise<object> {
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  await loadTokenizer();
  return { loadMs: performance.now() - t0, rssMb: (process.memoryUsage().rss - rss0) / MB };
}

async function childSize(n: number): Promise<object> {
  const tokenStart = performance.now();
  const tokenize = await loadTokenizer();
  const tokenizerMs = performance.now() - tokenStart;
  const entries = synthesizePack(loadEvalSet().entries, n);
  const buildStart = performance.now();
  const cpuStart = process.cpuUsage();
  let index: SearchIndex | undefined = buildIndex(entries, { tokenize });
  const buildMs = performance.now() - buildStart;
  const buildCpuMs = process.cpuUsage(cpuStart).user / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const queries = [...loadEvalSet().queries.map((q) => q.text), ...RESIDENT_QUERIES];
  for (const q of queries) search(index, q); // warm-up
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      search(index, q);
      const used = process.cpuUsage(cpu);
      times.push(performance.now() - t);
      cpuTimes.push((used.user + used.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  // Index memory: what the heap holds with the index minus without it, both after a full GC.
  gc();
  const withIndex = heapBytes();
  const kept = index.entries.length;
  index = undefined;
  gc();
  const indexHeapMb = (withIndex - heapBytes()) / MB;
  return {
    entries: n,
    tokenizerMs,
    buildMs,
    readyMs: tokenizerMs + buildMs,
    buildCpuMs,
    indexHeapMb,
    peakRssMb,
    queries: times.length,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    cpuP50Ms: percentile(cpuTimes, 50),
    cpuP99Ms: percentile(cpuTimes, 99),
    maxMs: times[times.length - 1],
    indexKeptAlive: kept,
  };
}

async function childQuality(): Promise<object> {
  const tokenize = await loadTokenizer();
  const set = loadEvalSet();
  const index = buildIndex(set.entries, { tokenize });
  const rank = (q: string): string[] =>
    search(index, q, { top: 10 }).results.map((r) => r.entry.id);
  rank(set.queries[0]?.text ?? ''); // warm-up
  return measureQuality(set, rank);
}

async function childVerdicts(): Promise<object> {
  const tokenize = await loadTokenizer();
  const tallies: VerdictTally[] = [];
  const set = loadEvalSet();
  const index = buildIndex(set.entries, { tokenize });
  const run = (q: string): SearchOutcome => search(index, q);
  tallies.push(
    tallyVerdicts(
      'localgovFAQ dev',
      set.queries.map((q) => ({ q: q.text, expect: [...q.relevant] })),
      run,
    ),
  );
  // The same questions against the corpus without any entry judged relevant to a dev question.
  const judged = new Set(set.queries.flatMap((q) => [...q.relevant]));
  const rest = buildIndex(
    set.entries.filter((e) => !judged.has(e.id)),
    { tokenize },
  );
  tallies.push(
    tallyVerdicts(
      'localgovFAQ dev, judged entries removed',
      set.queries.map((q) => ({ q: q.text, expect: 'none' })),
      (q) => search(rest, q),
    ),
  );
  const offTopic = OFF_TOPIC_QUERIES.map((q) => ({ q, expect: 'none' as const }));
  tallies.push(tallyVerdicts('off-topic vs localgovFAQ', offTopic, run));
  let cityNote = '';
  try {
    const faqRoot = path.join(repoRoot, 'faq');
    const cases: VerdictCase[] = [];
    const offCases: Array<[SearchIndex, string]> = [];
    const indexes = new Map<string, SearchIndex>();
    for (const id of await listCities(faqRoot)) {
      const city = await loadCity(faqRoot, id);
      const cityIndex = buildIndex(city.entries, { tokenize, synonyms: city.synonyms });
      for (const c of city.evalCases) {
        const q = `${id}\u0000${c.q}`;
        indexes.set(q, cityIndex);
        cases.push({ q, expect: c.expect === 'none' ? 'none' : [c.expect].flat() });
      }
      for (const q of OFF_TOPIC_QUERIES) offCases.push([cityIndex, q]);
    }
    const byCity = (q: string): SearchOutcome =>
      search(indexes.get(q) as SearchIndex, q.slice(q.indexOf('\u0000') + 1));
    // faq eval counts an entry keyworded 不明 ("we don't know, ask …") as right for `none`.
    const unknown = (o: SearchOutcome): boolean =>
      o.results[0]?.entry.keywords.includes('不明') ?? false;
    tallies.unshift(tallyVerdicts('city packs eval.yaml', cases, byCity, unknown));
    const off = zeroTally('off-topic vs city packs');
    for (const [cityIndex, q] of offCases) off.none[search(cityIndex, q).status]++;
    tallies.splice(1, 0, off);
  } catch (err) {
    cityNote = `City packs skipped: ${(err as Error).message.split('\n')[0]}`;
  }
  return { table: verdictTable(tallies), cityNote };
}

function zeroTally(label: string): VerdictTally {
  const z = (): VerdictTally['none'] => ({ answered: 0, ambiguous: 0, no_answer: 0 });
  return { label, right: z(), wrong: z(), none: z() };
}

function runChild<T = Record<string, number>>(...args: string[]): T {
  const r = spawnSync(process.execPath, [...process.execArgv, self, '--child', ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  if (r.status !== 0) throw new Error(`child ${args.join(' ')} failed:\n${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as T;
}

const f = (x: number | undefined, digits = 0): string => (x ?? NaN).toFixed(digits);

async function main(): Promise<void> {
  const [flag, mode, arg] = process.argv.slice(2);
  if (flag === '--child') {
    const children: Record<string, () => Promise<object>> = {
      tokenizer: childTokenizer,
      size: () => childSize(Number(arg)),
      quality: childQuality,
      verdicts: childVerdicts,
    };
    const result = await (children[mode ?? ''] ?? childQuality)();
    console.log(JSON.stringify(result));
    return;
  }
  if (!hasEvalSet()) throw new Error(`the localgovFAQ dev split is missing at ${evalDir()}`);
  const env = environmentLine(repoRoot);
  console.log(env);
  const tok = runChild('tokenizer');
  console.log('tokenizer', tok);
  const sizes = [2000, 20000].map((n) => runChild('size', String(n)));
  for (const s of sizes) console.log('size', s);
  const q = runChild('quality');
  console.log('quality', q);
  const v = runChild<{ table: string; cityNote: string }>('verdicts');
  console.log(v.table, v.cityNote);
  const rows = sizes
    .map(
      (s) =>
        `| ${s.entries?.toLocaleString('en')} | ${f(s.buildMs)} ms (CPU ${f(s.buildCpuMs)}) | ${f(s.readyMs)} ms | ${f(s.indexHeapMb, 1)} MB | ${f(s.peakRssMb)} MB | ${f(s.p50Ms, 2)} / ${f(s.cpuP50Ms, 2)} ms | ${f(s.p99Ms, 2)} / ${f(s.cpuP99Ms, 2)} ms | ${f(s.maxMs, 2)} ms |`,
    )
    .join('\n');
  writeSection(
    path.join(repoRoot, 'bench', 'RESULTS.md'),
    'search',
    `## Search (\`npm run bench:search\`)

${env}

**Tokenizer** (kuromoji 0.1.2, IPADIC): load ${f(tok.loadMs)} ms, RSS +${f(tok.rssMb)} MB.

**Index and queries.** Packs of 2,000 and 20,000 entries are grown from the 1,786 localgovFAQ
entries (\`bench/lib/synthesize.ts\`: every synthesized question and answer is a new string).
"ready" = tokenizer load + index build in a fresh process. "index heap" = heap + array buffers
retained by the index after GC. "peak RSS" includes the tokenizer. The machine is shared by the
team (see the load average above): wall times include waiting for a core, so CPU times are given
too. Latency: the 150 dev queries
and ${RESIDENT_QUERIES.length} kana/typo resident queries, 5 rounds after a warm-up.

| entries | build (wall, CPU) | ready | index heap | peak RSS | query p50 (wall / CPU) | query p99 (wall / CPU) | max |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows}

**Quality** on localgovFAQ dev (150 queries, 1,786 entries, one pack, same settings as every pack):

| SR@1 | SR@5 | MRR@10 | time per query |
| ---: | ---: | ---: | ---: |
| ${f(q.sr1, 3)} | ${f(q.sr5, 3)} | ${f(q.mrr10, 3)} | ${f(q.msPerQuery, 2)} ms |

**Verdicts** (\`src/search/verdict.ts\`): share of each kind of question per verdict. Wanted: right
answers \`answered\` or \`ambiguous\`, wrong first results and questions with no answer not
\`answered\`. "no answer in the pack" for city packs = \`expect: none\` questions whose first result is not
an entry saying the fact is unknown (keyword 不明). Off-topic: \`bench/lib/off-topic.ts\`.

${v.table}
${v.cityNote}

Targets: SR@1 ≥ 0.42, SR@5 ≥ 0.68; 20k entries: p99 ≤ 5 ms, build ≤ 10 s; 2k entries ready ≤ 3 s.
See \`src/search/DESIGN.md\` for the pipeline and the history of measured changes.`,
  );
  console.log('wrote bench/RESULTS.md (search section)');
}

await main();
