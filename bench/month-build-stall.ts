/**
 * How long does building a month for the console (src/http/admin/month-cache.ts: read the month
 * from Redis, monthly report, unanswered queue) hold the event loop, i.e. how late can a webhook
 * or a `/healthz` be answered while it runs? `npx tsx bench/month-build-stall.ts` (also
 * `npm run bench:month-stall`). Runs on 127.0.0.1 and stops what it started: a throw-away
 * redis-server seeded by bench/lib/seed-console.ts with 100,000 questions (+ feedback) in one
 * month, then the month cache's first build in this process while a probe timer measures every
 * gap between two turns of the event loop. Writes the `month-stall` section of bench/RESULTS.md.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMonthCache } from '../src/http/admin/month-cache.js';
import { createRedisQuestionLog } from '../src/store/index.js';
import { startRedisServer } from '../tests/setup/redis-server.js';
import { environmentLine, writeSection } from './lib/results-file.js';
import { seedConsoleWorld } from './lib/seed-console.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The last day of October (JST), so the 30 days of questions all fall in one month.
const NOW = new Date('2026-10-31T14:00:00Z');
const MONTH = '2026-10';
const BUILDS = 3;

interface Stall {
  wallMs: number;
  /** The longest time the loop could not run a timer. */
  maxGapMs: number;
  /** The sum of gaps over 50 ms (time a request would have waited noticeably). */
  blockedMs: number;
  records: number;
}

/** Gaps between turns of the loop while `work` runs (a 1 ms timer re-armed each turn). */
async function measure(work: () => Promise<number>): Promise<Stall> {
  let last = performance.now();
  let maxGapMs = 0;
  let blockedMs = 0;
  let running = true;
  const tick = () => {
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
  return { wallMs, maxGapMs, blockedMs, records };
}

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
    const rows: Stall[] = [];
    for (let i = 0; i < BUILDS; i++) {
      // A fresh cache each time: the first `get` of a month builds it.
      const cache = createMonthCache({ questionLog, city: world.city, clock, logger });
      const stall = await measure(async () => {
        const data = await cache.get(MONTH);
        return data.report.overall.questions;
      });
      rows.push(stall);
      console.log(
        `build ${i + 1}: ${stall.wallMs.toFixed(0)} ms, longest stall ${stall.maxGapMs.toFixed(0)} ms, ` +
          `blocked ${stall.blockedMs.toFixed(0)} ms`,
      );
    }
    await questionLog.close();
    const median = (f: (s: Stall) => number) => rows.map(f).sort((a, b) => a - b)[BUILDS >> 1]!;
    writeSection(
      path.join(ROOT, 'bench', 'RESULTS.md'),
      'month-stall',
      `## Month build stall (\`npx tsx bench/month-build-stall.ts\`)

${environmentLine(ROOT)} · redis-server 7.0

${rows[0]!.records.toLocaleString('en')} questions + ${world.feedback.toLocaleString('en')} feedback in ${MONTH}, seeded through the real Redis stores. The console's month cache (src/http/admin/month-cache.ts) builds the month once from an empty cache, ${BUILDS} times, while a 1 ms timer measures how long the event loop could not run (what a webhook or /healthz arriving meanwhile would wait). Median of ${BUILDS}:

| build (wall) | longest stall | time in stalls > 50 ms |
| ---: | ---: | ---: |
| ${median((s) => s.wallMs).toFixed(0)} ms | ${median((s) => s.maxGapMs).toFixed(0)} ms | ${median((s) => s.blockedMs).toFixed(0)} ms |`,
    );
  } finally {
    await redis.stop();
  }
}

await main();
