/**
 * Does every endpoint a console page calls answer in < 300 ms with 100,000 residents and 30
 * days of 100,000 questions + feedback in Redis? `npx tsx bench/console-api.ts`. Runs on
 * 127.0.0.1 and stops what it started:
 * - a throw-away redis-server, seeded by bench/lib/seed-console.ts (through the real stores);
 * - the real server (`src/main.ts`, local mode, komaki) on that Redis;
 * - each endpoint: the first request after the server is ready, then 20 more (p50, max);
 * - the cost of building a month for /reports and /unanswered when it is not cached (in this
 *   process: read the month from Redis, report, queue), which the server paid while a member of
 *   staff waited before the worker and the warm-up (src/http/admin/month-cache.ts);
 * - an older month (100,000 more questions, 3 months back): its first view on a server just
 *   ready (built in the worker while staff wait, unless the warm-up got there first), and on a
 *   second server once its warm-up of every retained month is done (from memory), with the
 *   warm-up's own time from its log line.
 * Writes the `console-api` section of bench/RESULTS.md.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildMonthlyReport,
  buildUnansweredQueue,
  jstMonth,
  monthRange,
  previousMonth,
} from '../src/reports/index.js';
import { createRedisQuestionLog } from '../src/store/question-log/index.js';
import { freePort, startRedisServer } from '../tests/setup/redis-server.js';
import { environmentLine, writeSection } from './lib/results-file.js';
import { seedConsoleWorld } from './lib/seed-console.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOKEN = 'c'.repeat(40);
const RUNS = 20;
const BUDGET_MS = 300;

interface Row {
  name: string;
  first: number;
  p50: number;
  max: number;
  bytes: number;
}

async function main(): Promise<void> {
  const redis = await startRedisServer();
  const prefix = 'bench-console:';
  const now = new Date();
  const servers: ChildProcess[] = [];
  try {
    const world = await seedConsoleWorld({ redisUrl: redis.url, prefix, now });
    console.log(`seeded in ${(world.ms / 1000).toFixed(1)} s`, world.residents);
    // An older month of as many questions (3 months back, within the retention).
    const oldMonth = previousMonth(previousMonth(previousMonth(jstMonth(now))));
    const old = await seedConsoleWorld({
      redisUrl: redis.url,
      prefix,
      now: new Date(monthRange(oldMonth).to.getTime() - 3_600_000),
      days: 27,
      questionsOnly: true,
      seed: 9,
    });
    console.log(`seeded ${oldMonth} in ${(old.ms / 1000).toFixed(1)} s`);

    /** The real server on that Redis; `onLog` gets its log lines (JSON) when given. */
    const startServer = async (onLog?: (line: Record<string, unknown>) => void) => {
      const port = await freePort();
      const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], {
        cwd: ROOT,
        stdio: ['ignore', onLog ? 'pipe' : 'ignore', 'inherit'],
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          CITY: world.city,
          REDIS_URL: redis.url,
          REDIS_PREFIX: prefix,
          ADMIN_TOKENS: `bench:admin:${TOKEN}`,
          LOG_LEVEL: onLog ? 'info' : 'error',
          LINE_CHANNEL_ACCESS_TOKEN: '',
          LINE_CHANNEL_SECRET: '',
        },
      });
      servers.push(proc);
      if (onLog && proc.stdout) {
        createInterface({ input: proc.stdout }).on('line', (line) => {
          try {
            onLog(JSON.parse(line) as Record<string, unknown>);
          } catch {
            // not a log line
          }
        });
      }
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        const ok = await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        if (i > 600) throw new Error('the server did not get ready in 60 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      return { proc, base };
    };
    const stopServer = (proc: ChildProcess) =>
      new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      });
    const timeGet = async (base: string, p: string): Promise<number> => {
      const t = performance.now();
      const res = await fetch(`${base}/admin/api${p}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${p}: ${res.status}`);
      return performance.now() - t;
    };

    // 1. A server just ready: the old month's first view (its warm-up starts 2 s after start).
    const first = await startServer();
    const oldColdMs = await timeGet(first.base, `/reports?month=${oldMonth}`);
    await stopServer(first.proc);

    // 2. A server whose warm-up is done: every retained month from memory.
    let warmed: { months: string[]; ms: number } | undefined;
    let onWarmed: () => void = () => {};
    const warmedNow = new Promise<void>((resolve) => (onWarmed = resolve));
    const second = await startServer((line) => {
      if (String(line['msg']).startsWith('admin API: warmed')) {
        warmed = { months: line['months'] as string[], ms: Number(line['ms']) };
        onWarmed();
      }
    });
    await warmedNow;
    const oldWarmMs = await timeGet(second.base, `/reports?month=${oldMonth}`);
    const oldUnansweredMs = await timeGet(second.base, `/unanswered?month=${oldMonth}`);
    console.log(
      `${oldMonth}: first view ${oldColdMs.toFixed(0)} ms just after start, ${oldWarmMs.toFixed(1)} ms after the warm-up (${warmed!.months.join(', ')} in ${warmed!.ms} ms)`,
    );
    const base = second.base;
    const month = jstMonth(now);
    const call = async (p: string, body?: object): Promise<{ ms: number; bytes: number }> => {
      const t = performance.now();
      const res = await fetch(`${base}/admin/api${p}`, {
        method: body ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const buf = await res.arrayBuffer();
      if (!res.ok) throw new Error(`${p}: ${res.status} ${Buffer.from(buf).toString()}`);
      return { ms: performance.now() - t, bytes: buf.byteLength };
    };
    const draft = {
      title: '防災訓練のお知らせ',
      department: '危機管理課',
      contact: '0568-76-1111',
      message: {
        type: 'flex',
        template: 'event',
        params: { date: '12月1日 10時', place: '市役所' },
      },
    };
    const endpoints: Array<[string, string, object?]> = [
      ['meta', '/meta'],
      ['dashboard', '/dashboard'],
      ['broadcasts (list)', '/broadcasts?limit=50'],
      [
        'audience count (2 topics × 2 areas)',
        '/audience/count',
        { target: { topics: ['bousai', 'kosodate'], areas: ['中部', '東部'] } },
      ],
      ['notices/render', '/notices/render', draft],
      [
        'faq/search (kana typo)',
        `/faq/search?q=${encodeURIComponent('そだいごみ だしかた')}&top=10`,
      ],
      ['reports (this month)', `/reports?month=${month}`],
      [
        'reports (last month, 1 department)',
        `/reports?month=${previousMonth(month)}&department=${encodeURIComponent('市民課')}`,
      ],
      ['reports CSV', `/reports?month=${month}&format=csv`],
      ['unanswered (this month)', `/unanswered?month=${month}`],
      ['unanswered CSV', `/unanswered?month=${month}&format=csv`],
      ['audit', '/audit?limit=50'],
    ];
    const rows: Row[] = [];
    for (const [name, p, body] of endpoints) {
      const first = await call(p, body);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push((await call(p, body)).ms);
      times.sort((a, b) => a - b);
      rows.push({
        name,
        first: first.ms,
        p50: times[RUNS >> 1]!,
        max: times[RUNS - 1]!,
        bytes: first.bytes,
      });
      console.log(
        name,
        first.ms.toFixed(1),
        times[RUNS >> 1]!.toFixed(1),
        times[RUNS - 1]!.toFixed(1),
      );
    }

    // What a month costs to build when it is not cached (once per month, then in the background).
    const log = createRedisQuestionLog({
      url: redis.url,
      prefix,
      clock: { now: () => now },
      commandTimeoutMs: 30_000,
    });
    await log.ready();
    const range = monthRange(oldMonth);
    let t = performance.now();
    const records = await log.read(world.city, range.from, range.to);
    const readMs = performance.now() - t;
    t = performance.now();
    buildMonthlyReport(records, { city: world.city, month: oldMonth });
    buildUnansweredQueue(records, { city: world.city, since: range.from, until: range.to });
    const buildMs = performance.now() - t;
    await log.close();

    const f = (ms: number) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
    const worst = Math.max(...rows.map((r) => r.max));
    writeSection(
      path.join(ROOT, 'bench', 'RESULTS.md'),
      'console-api',
      `## Console data API (\`npx tsx bench/console-api.ts\`)

${environmentLine(ROOT)} · redis-server 7.0

${world.residents.total.toLocaleString('en')} residents (${world.residents.friends.toLocaleString('en')} friends, ${world.residents.blocked.toLocaleString('en')} blocked, ${world.residents.stopped.toLocaleString('en')} 配信停止) and ${world.questions.toLocaleString('en')} questions + ${world.feedback.toLocaleString('en')} feedback over the last 30 days, seeded through the real Redis stores by bench/lib/seed-console.ts in ${(world.ms / 1000).toFixed(1)} s. The real server (src/main.ts, komaki) on that Redis; each endpoint over HTTP on 127.0.0.1 with a bearer token: the first request once the server is ready, then ${RUNS} more.

| endpoint | first | p50 | max | bytes |
| --- | ---: | ---: | ---: | ---: |
${rows.map((r) => `| ${r.name} | ${f(r.first)} ms | ${f(r.p50)} ms | ${f(r.max)} ms | ${r.bytes.toLocaleString('en')} |`).join('\n')}

Target: < ${BUDGET_MS} ms each: ${worst < BUDGET_MS ? 'met' : `**not met** (worst ${f(worst)} ms)`}.

A month not yet cached (${records.length.toLocaleString('en')} records of ${oldMonth}): read from Redis ${f(readMs)} ms, report + unanswered queue ${f(buildMs)} ms, in one thread: what a member of staff waited for the first view of a month before the warm-up (${f(readMs + buildMs)} ms). Now the server builds months in a worker thread and, 2 s after it starts, warms every retained month with records, newest first, one at a time; then serves them from memory, rebuilding in the background when older than 5 min (this month) or 1 h (past months); the dashboard reads per-day counters instead (src/reports/DESIGN.md, "Console speed").

An older month (${old.questions.toLocaleString('en')} questions + ${old.feedback.toLocaleString('en')} feedback in ${oldMonth}), \`/reports?month=${oldMonth}\`:

| first view of ${oldMonth} | time |
| --- | ---: |
| in one thread, before the worker (read + build above) | ${f(readMs + buildMs)} ms |
| on a server just ready: built in the worker while waiting, after its start and behind the warm-up's build in progress | ${f(oldColdMs)} ms |
| after the warm-up (from memory) | ${f(oldWarmMs)} ms (\`/unanswered\` ${f(oldUnansweredMs)} ms) |

The warm-up built ${warmed!.months.length} months (${warmed!.months.join(', ')}) in ${(warmed!.ms / 1000).toFixed(1)} s, in the worker, one at a time.`,
    );
  } finally {
    for (const proc of servers) if (proc.exitCode === null) proc.kill('SIGTERM');
    await redis.stop();
  }
}

await main();
