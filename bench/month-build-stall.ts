/**
 * How long does building a month for the console (src/http/admin/month-cache.ts: read the month
 * from Redis, monthly report, unanswered queue) hold the event loop, i.e. how late can a webhook
 * or a `/healthz` be answered while it runs? `npx tsx bench/month-build-stall.ts` (also
 * `npm run bench:month-stall`). Runs on 127.0.0.1 and stops what it started: a throw-away
 * redis-server seeded by bench/lib/seed-console.ts with 100,000 questions (+ feedback) in one
 * month, then the month cache's first build in this process while a probe timer measures every
 * gap between two turns of the event loop, with each builder: in this thread (the memory log's,
 * and the server's before the worker) and in the worker thread (src/wiring/month-builder.ts, the
 * server's on Redis). Also the heap one cached month holds. Writes the `month-stall` section of
 * bench/RESULTS.md.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createMonthCache, inProcessMonthBuilder } from '../src/http/admin/month-cache.js';
import type { MonthBuilder, MonthData } from '../src/http/admin/month-cache.js';
import { createRedisQuestionLog } from '../src/store/question-log/index.js';
import { createWorkerMonthBuilder } from '../src/wiring/index.js';
import { startRedisServer } from '../tests/setup/redis-server.js';
import { environmentLine, writeSection } from './lib/results-file.js';
import { seedConsoleWorld } from './lib/seed-console.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The last day of October (JST), so the 30 days of questions all fall in one month.
const NOW = new Date('2026-10-31T14:00:00Z');
const MONTH = '2026-10';
const BUILDS = 3;
const TARGET_MS = 50;

interface Stall {
  wallMs: number;
  /** The longest time the loop could not run a timer. */
  maxGapMs: number;
  /** The sum of gaps over 50 ms (time a request would have waited noticeably). */
  blockedMs: number;
  records: number;
  /** The process's resident memory at its highest during the build (the worker's included). */
  rssPeakMb: number;
}

/** Gaps between turns of the loop while `work` runs (a 1 ms timer re-armed each turn). */
async function measure(work: () => Promise<number>): Promise<Stall> {
  let last = performance.now();
  let maxGapMs = 0;
  let blockedMs = 0;
  let running = true;
  let rssPeak = 0;
  const tick = () => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    const now = performance.now();
    const gap = now - last;
    last = now;
    if (gap > maxGapMs) maxGapMs = gap;
    if (gap > 50) blockedMs += gap;
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  const started = performance.now();
  const records = await work();
  const wallMs = performance.now() - started;
  running = false;
  tick();
  return { wallMs, maxGapMs, blockedMs, records, rssPeakMb: rssPeak / 2 ** 20 };
}

/** A full garbage collection (`--expose-gc` switched on at run time). */
function gc(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const median = (rows: Stall[], f: (s: Stall) => number) =>
  rows.map(f).sort((a, b) => a - b)[rows.length >> 1]!;

async function main(): Promise<void> {
  const redis = await startRedisServer();
  const prefix = 'bench-stall:';
  try {
    const world = await seedConsoleWorld({
      redisUrl: redis.url,
      prefix,
      now: NOW,
      residents: 1000,
    });
    console.log(`seeded ${world.questions} questions in ${(world.ms / 1000).toFixed(1)} s`);
    const clock = { now: () => NOW };
    const logger = { info() {}, warn() {}, error() {}, debug() {} };
    const questionLog = createRedisQuestionLog({
      url: redis.url,
      prefix,
      clock,
      commandTimeoutMs: 30_000,
    });
    await questionLog.ready();
    const worker = createWorkerMonthBuilder({
      url: redis.url,
      prefix,
      retentionMonths: 13,
      clock,
      commandTimeoutMs: 30_000,
    });
    // The worker starts with the first request (a thread, and under tsx its compiler): once here.
    let t = performance.now();
    await worker.monthsWithRecords(world.city);
    const workerStartMs = performance.now() - t;

    const run = async (name: string, builder: MonthBuilder): Promise<Stall[]> => {
      const rows: Stall[] = [];
      for (let i = 0; i < BUILDS; i++) {
        // A fresh cache each time: the first `get` of a month builds it.
        const cache = createMonthCache({ questionLog, builder, city: world.city, clock, logger });
        gc(); // each build from a clean heap: no collection of the last build's garbage in it
        const stall = await measure(async () => {
          const data = await cache.get(MONTH);
          return data.report.overall.questions;
        });
        rows.push(stall);
        console.log(
          `${name} build ${i + 1}: ${stall.wallMs.toFixed(0)} ms, longest stall ${stall.maxGapMs.toFixed(0)} ms, ` +
            `blocked ${stall.blockedMs.toFixed(0)} ms, rss peak ${stall.rssPeakMb.toFixed(0)} MB`,
        );
      }
      return rows;
    };
    const inWorker = await run('worker', worker);
    const here = await run('in-process', inProcessMonthBuilder(questionLog, clock));

    // The heap one cached month holds on the main thread: 3 built copies kept, after full GCs.
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept: MonthData[] = [];
    for (let i = 0; i < 3; i++) kept.push(await worker.build(world.city, MONTH));
    gc();
    const perMonthMb = (process.memoryUsage().heapUsed - before) / kept.length / 2 ** 20;
    const json = JSON.stringify({ report: kept[0]!.report, queue: kept[0]!.queue }).length;
    console.log(`one cached month: ${perMonthMb.toFixed(1)} MB heap (${json} bytes as JSON)`);
    t = performance.now();
    await worker.monthsWithRecords(world.city);
    const listMs = performance.now() - t;
    await worker.close();
    await questionLog.close();

    const f = (ms: number) => ms.toFixed(0);
    const row = (name: string, rows: Stall[]) =>
      `| ${name} | ${f(median(rows, (s) => s.wallMs))} ms | ${f(median(rows, (s) => s.maxGapMs))} ms | ${f(median(rows, (s) => s.blockedMs))} ms | ${f(median(rows, (s) => s.rssPeakMb))} MB |`;
    const stall = median(inWorker, (s) => s.maxGapMs);
    writeSection(
      path.join(ROOT, 'bench', 'RESULTS.md'),
      'month-stall',
      `## Month build stall (\`npx tsx bench/month-build-stall.ts\`)

${environmentLine(ROOT)} · redis-server 7.0

${here[0]!.records.toLocaleString('en')} questions + ${world.feedback.toLocaleString('en')} feedback in ${MONTH}, seeded through the real Redis stores. The console's month cache (src/http/admin/month-cache.ts) builds the month once from an empty cache, ${BUILDS} times per builder, while a 1 ms timer measures how long the event loop could not run (what a webhook or /healthz arriving meanwhile would wait). Median of ${BUILDS}:

| builder | build (wall) | longest stall | time in stalls > 50 ms | process RSS at its peak |
| --- | ---: | ---: | ---: | ---: |
${row('in this thread (memory log; the server before the worker)', here)}
${row('worker thread (the server on Redis, src/wiring/month-builder.ts)', inWorker)}

Target with the worker: longest stall < ${TARGET_MS} ms: ${stall < TARGET_MS ? 'met' : `**not met** (${f(stall)} ms)`} (the worst of the ${BUILDS} worker builds: ${f(Math.max(...inWorker.map((s) => s.maxGapMs)))} ms; the machine's 2 cores are shared, so one build can be unlucky). What is left on the main thread is receiving the built month (a structured clone of ${(json / 2 ** 20).toFixed(1)} MB as JSON). The worker started in ${f(workerStartMs)} ms on its first request (under tsx, which compiles its files; from \`dist/\` it is faster); listing the retained months with records (one ZCOUNT per month, one pipeline) took ${listMs.toFixed(1)} ms. One cached month of these ${here[0]!.records.toLocaleString('en')} questions holds ${perMonthMb.toFixed(1)} MB of the main thread's heap (3 copies kept, after full GCs), so the 14 months the cache keeps at most hold ≤ ${Math.ceil(perMonthMb * 14)} MB at this volume.`,
    );
  } finally {
    await redis.stop();
  }
}

await main();
