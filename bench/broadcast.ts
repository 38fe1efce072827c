/**
 * Segmented broadcasts at 100,000 residents: `npm run bench:broadcast`. Everything runs on
 * 127.0.0.1 and stops by itself:
 * - a throw-away redis-server, and the fake LINE API (bench/fake-line) answering after 20 ms;
 * - 100,000 residents with random settings, written through the real Redis audience;
 * - delivery workers in a child process (bench/crash-worker.ts), BullMQ on that Redis.
 * Measures count and snapshot ("resolve") of a segment of about half the residents, end-to-end
 * delivery at the default cap (100 requests/s) and at LINE's 200/s, a run with injected 429s
 * and 500s, and a crash run: SIGKILL the worker mid-delivery and start a new one. Every
 * delivery is checked from the fake server's records: each targeted resident exactly once.
 * Figures go to bench/RESULTS.md (section "broadcast").
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBroadcastService } from '../src/app/index.js';
import type { BroadcastService } from '../src/app/index.js';
import { loadCity } from '../src/content/index.js';
import { createLineSender } from '../src/line/index.js';
import type { Logger } from '../src/ports.js';
import { createBullDelivery } from '../src/queue/index.js';
import type { ResidentSettings, Target } from '../src/schema/index.js';
import { matchesTarget } from '../src/segments/index.js';
import { createKeys } from '../src/store/index.js';
import { createRedisAudience } from '../src/store/audience/index.js';
import { createRedisAuditLog } from '../src/store/audit/index.js';
import { createRedisBroadcastStore } from '../src/store/broadcasts/index.js';
import { startRedisServer } from '../tests/setup/redis-server.js';
import { startFakeLine } from './fake-line/server.js';
import type { FakeLineRequest } from './fake-line/server.js';
import { writeSection } from './lib/results-file.js';
import { prng as random } from './lib/prng.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 100_000);
const LATENCY_MS = 20;
const PREFIX = 'bench-bc:';
const AREAS = ['中部', '東部', '味岡', '篠岡', '北里', '桃花台'];
const TOPICS = ['bousai', 'kosodate', 'kenko', 'zei', 'event', 'digital', 'gomi', 'mynumber'];
const AGES = ['10s', '20s', '30s', '40s', '50s', '60s', '70plus'] as const;
const HALF: Target = { areas: ['中部', '東部', '味岡'] };
const ADMIN = { name: 'bench', role: 'broadcaster' as const };
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? '20';
/** Runs to do (all by default): half100, all100, faults, crash, all200, ceiling. */
const ONLY = process.env.BENCH_ONLY?.split(',');
const wanted = (run: string) => !ONLY || ONLY.includes(run);

/** Other work on the machine skews the rates: the load is written next to them. */
const LOAD_AT_START = os.loadavg()[0]!;
const quiet: Logger = { info() {}, debug() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const userId = (i: number) => `U${i.toString(16).padStart(32, '0')}`;
const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
const n = (v: number) => v.toLocaleString('en-US');

interface Resident {
  id: string;
  settings: ResidentSettings;
  blocked: boolean;
}

function population(count: number): Resident[] {
  const r = random(20260401);
  return Array.from({ length: count }, (_, i) => {
    const topics = TOPICS.filter((t) => r() < (t === 'bousai' ? 0.9 : 0.25));
    const area = r() < 0.92 ? AREAS[Math.floor(r() * AREAS.length)] : undefined;
    const age = r() < 0.85 ? AGES[Math.floor(r() * AGES.length)] : undefined;
    const settings: ResidentSettings = {
      topics,
      stopped: r() < 0.03,
      ...(area ? { area } : {}),
      ...(age ? { age } : {}),
    };
    return { id: userId(i), settings, blocked: r() < 0.02 };
  });
}

function expectedFor(residents: Resident[], target: Target): Set<string> {
  return new Set(
    residents.filter((x) => !x.blocked && matchesTarget(x.settings, target)).map((x) => x.id),
  );
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Starts a worker process and waits for its "ready" line. */
async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench/crash-worker.ts')],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
  });
  return child;
}

function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

interface Delivery {
  name: string;
  cap: number;
  expected: number;
  recipients: number;
  /** Confirm → broadcast finished. */
  endToEndMs: number;
  /** Accepted multicast requests (200), and the rate between the first and the last. */
  requests: number;
  rps: number;
  /** Most accepted requests within any 1-second window. */
  maxPerSecond: number;
  conflicts: number;
  refused: number;
  duplicates: number;
  missing: number;
  extra: number;
  state: string;
  note?: string;
}

function check(
  name: string,
  cap: number,
  expected: Set<string>,
  requests: FakeLineRequest[],
  extra: { endToEndMs: number; recipients: number; state: string; note?: string },
): Delivery {
  const multicasts = requests.filter((r) => r.endpoint === 'multicast');
  const accepted = multicasts.filter((r) => r.status === 200);
  const ids = accepted.flatMap((r) => r.body.to as string[]);
  const unique = new Set(ids);
  const at = accepted.map((r) => r.at).sort((a, b) => a - b);
  let maxPerSecond = 0;
  for (let i = 0, j = 0; j < at.length; j++) {
    while (at[j]! - at[i]! >= 1000) i++;
    maxPerSecond = Math.max(maxPerSecond, j - i + 1);
  }
  const span = at.length > 1 ? at[at.length - 1]! - at[0]! : NaN;
  return {
    name,
    cap,
    expected: expected.size,
    requests: accepted.length,
    rps: at.length > 1 ? ((at.length - 1) / span) * 1000 : NaN,
    maxPerSecond,
    conflicts: multicasts.filter((r) => r.status === 409).length,
    refused: multicasts.filter((r) => r.status !== 200 && r.status !== 409).length,
    duplicates: ids.length - unique.size,
    missing: [...expected].filter((id) => !unique.has(id)).length,
    extra: [...unique].filter((id) => !expected.has(id)).length,
    ...extra,
  };
}

async function main(): Promise<void> {
  const redis = await startRedisServer();
  const fake = await startFakeLine({ record: true });
  fake.hold(() => sleep(LATENCY_MS));
  const url = redis.url;
  const audience = createRedisAudience({
    url,
    prefix: PREFIX,
    logger: quiet,
    commandTimeoutMs: 30_000,
  });
  const broadcasts = createRedisBroadcastStore({ url, prefix: PREFIX, logger: quiet });
  const audit = createRedisAuditLog({ url, prefix: PREFIX, logger: quiet });
  await Promise.all([audience.ready(), broadcasts.ready(), audit.ready()]);
  const producer = createBullDelivery({
    url,
    prefix: createKeys(PREFIX).queuePrefix(),
    logger: quiet,
  });
  let worker: ChildProcess | undefined;
  const workerEnv = (rps: number) => ({
    BENCH_REDIS_URL: url,
    BENCH_PREFIX: PREFIX,
    BENCH_LINE_URL: fake.url,
    BENCH_RPS: String(rps),
    BENCH_CONCURRENCY: CONCURRENCY,
    BENCH_LOCK_MS: '3000',
    BENCH_WINDOW_MS: process.env.BENCH_WINDOW_MS ?? '100',
  });
  try {
    // 1. Residents, through the real write path (WINDOW calls in flight: a pipeline).
    const residents = population(RESIDENTS);
    let t = performance.now();
    const WINDOW = 2000;
    for (let i = 0; i < residents.length; i += WINDOW) {
      const slice = residents.slice(i, i + WINDOW);
      await Promise.all(slice.map((x) => audience.markFollowed(x.id, x.settings)));
      await Promise.all(slice.filter((x) => x.blocked).map((x) => audience.markBlocked(x.id)));
    }
    const loadMs = performance.now() - t;
    console.log(`loaded ${n(RESIDENTS)} residents in ${ms(loadMs)}`);

    // 2. Count and resolve the segment.
    const countTimes: Record<string, number[]> = {};
    const shapes: Array<[string, Target]> = [
      ['all friends', { all: true }],
      ['3 of 6 areas (≈ half)', HALF],
      ['1 topic', { topics: ['kosodate'] }],
      [
        '2 topics × 2 areas × 3 ages',
        { topics: ['event', 'digital'], areas: ['篠岡', '北里'], ages: ['50s', '60s', '70plus'] },
      ],
    ];
    const counts: Record<string, number> = {};
    for (const [label, target] of shapes) {
      countTimes[label] = [];
      for (let i = 0; i < 30; i++) {
        t = performance.now();
        counts[label] = await audience.count(target);
        countTimes[label]!.push(performance.now() - t);
      }
      const expected = expectedFor(residents, target).size;
      if (counts[label] !== expected)
        throw new Error(`${label}: counted ${counts[label]}, expected ${expected}`);
    }
    const resolveTimes: number[] = [];
    let snapshotMs = 0;
    for (let round = 0; round < 3; round++) {
      t = performance.now();
      const size = await audience.snapshot(HALF, `bench-resolve-${round}`);
      snapshotMs = performance.now() - t;
      let read = 0;
      for await (const batch of audience.readSnapshot(`bench-resolve-${round}`, 0, 500))
        read += batch.userIds.length;
      resolveTimes.push(performance.now() - t);
      if (read !== size) throw new Error(`snapshot of ${size} read back ${read}`);
      await audience.dropSnapshot(`bench-resolve-${round}`);
    }
    console.log(
      `half: ${n(counts['3 of 6 areas (≈ half)']!)} residents; resolve ${ms(percentile(resolveTimes, 50))}`,
    );

    // 3. Deliveries, checked from the fake LINE server's records.
    const city = (await loadCity(path.join(ROOT, 'faq'), 'komaki')).config!;
    const service: BroadcastService = createBroadcastService({
      broadcasts,
      audit,
      audience,
      sender: createLineSender({ channelAccessToken: 'bench', baseURL: fake.url, logger: quiet }),
      queue: producer,
      clock: { now: () => new Date() },
      logger: quiet,
      city: () => city,
      options: { quietHours: 'off' },
    });

    async function deliver(name: string, target: Target, cap: number): Promise<Delivery> {
      const from = fake.requests.length;
      const b = await service.create(ADMIN, {
        title: `ベンチ ${name}`,
        message: { type: 'text', text: '配信の性能を測るための文です。' },
        department: '広報広聴課',
        contact: '0568-76-1111',
        target,
      });
      const { count } = await service.preview(b.id);
      const started = performance.now();
      await service.confirm(ADMIN, b.id, { count });
      let done = await broadcasts.get(b.id);
      while (!done?.finishedAt) {
        await sleep(20);
        done = await broadcasts.get(b.id);
      }
      const endToEndMs = performance.now() - started;
      const d = check(name, cap, expectedFor(residents, target), fake.requests.slice(from), {
        endToEndMs,
        recipients: done.recipients ?? 0,
        state: done.state,
      });
      console.log(
        `${name}: ${d.state} ${n(d.recipients)} in ${ms(endToEndMs)}, ${d.rps.toFixed(1)} req/s (cap ${cap}), ` +
          `duplicates ${d.duplicates}, missing ${d.missing}`,
      );
      return d;
    }

    const runs: Delivery[] = [];
    worker = await startWorker(workerEnv(100));
    if (wanted('half100')) runs.push(await deliver('half, cap 100/s', HALF, 100));
    if (wanted('all100')) runs.push(await deliver('all, cap 100/s', { all: true }, 100));

    // LINE answers 3 × 429 (rate limit) and 3 × 500 after the 20th request of this run.
    let seen = 0;
    const faults = (r: FakeLineRequest) => {
      if (r.endpoint === 'multicast' && ++seen === 20) {
        fake.script(
          'multicast',
          ...[1, 2, 3].map(() => ({ status: 429, body: { message: 'Too many requests' } })),
          ...[1, 2, 3].map(() => ({ status: 500, body: { message: 'Internal server error' } })),
        );
      }
    };
    fake.onRequest(faults);
    if (wanted('faults')) {
      const faulty = await deliver('half, 429s and 500s injected', HALF, 100);
      faulty.note = '3 × 429 and 3 × 500 after request 20';
      runs.push(faulty);
    }
    seen = Number.POSITIVE_INFINITY;

    // The crash run: SIGKILL the worker after 60 accepted requests, start a new one at once.
    let accepted = 0;
    let killedAt = 0;
    let firstAfterKill = 0;
    let killing: Promise<void> | undefined;
    fake.onRequest((r) => {
      if (r.endpoint !== 'multicast') return;
      if (killedAt && !firstAfterKill && r.at > killedAt + 50) firstAfterKill = r.at;
      if (r.status === 200 && ++accepted === 60 && worker) {
        killedAt = performance.now();
        const dead = worker;
        killing = stopWorker(dead, 'SIGKILL').then(async () => {
          worker = await startWorker(workerEnv(100));
        });
      }
    });
    if (wanted('crash')) {
      const crash = await deliver('all, worker SIGKILLed mid-delivery', { all: true }, 100);
      await killing;
      crash.note = `killed after 60 batches; next request ${ms(firstAfterKill - killedAt)} later`;
      runs.push(crash);
    }
    accepted = Number.NEGATIVE_INFINITY;

    if (wanted('all200')) {
      await stopWorker(worker!);
      worker = await startWorker(workerEnv(200));
      runs.push(await deliver('all, cap 200/s', { all: true }, 200));
    }
    if (wanted('ceiling')) {
      // The cap lifted far above LINE's: how fast this machine can go at all.
      await stopWorker(worker!);
      worker = await startWorker(workerEnv(1000));
      const ceiling = await deliver('all, cap lifted to 1000/s', { all: true }, 1000);
      ceiling.note = 'the pipeline ceiling on this machine (not a LINE setting)';
      runs.push(ceiling);
    }

    const bad = runs.filter((d) => d.duplicates || d.missing || d.extra || d.state !== 'sent');
    if (!ONLY) writeResults({ loadMs, countTimes, counts, snapshotMs, resolveTimes, runs });
    if (bad.length > 0) {
      console.error(`NOT exactly once: ${bad.map((d) => d.name).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    if (worker) await stopWorker(worker);
    await producer.close();
    await Promise.all([audience.close(), broadcasts.close(), audit.close()]);
    await fake.close();
    await redis.stop();
  }
}

function writeResults(r: {
  loadMs: number;
  countTimes: Record<string, number[]>;
  counts: Record<string, number>;
  snapshotMs: number;
  resolveTimes: number[];
  runs: Delivery[];
}): void {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync(
      'git',
      [
        'status',
        '--porcelain',
        '--',
        'src/delivery',
        'src/queue',
        'src/app',
        'src/store',
        'bench/broadcast.ts',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (dirty.trim()) commit += ' (+ uncommitted changes)';
  } catch {
    // not a git checkout
  }
  const redisVersion = execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).match(
    /v=(\S+)/,
  )?.[1];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = `load average ${LOAD_AT_START.toFixed(1)} at start`;
  const lines = [
    '## Broadcasts (`npm run bench:broadcast`)',
    '',
    `${new Date().toISOString().slice(0, 10)} · ${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${load} · Node ${process.version} · redis ${redisVersion} · commit ${commit}`,
    '',
    `${n(RESIDENTS)} residents with random settings (seeded) in a throw-away redis-server, written through the`,
    `real audience in ${(r.loadMs / 1000).toFixed(1)} s. The fake LINE API (bench/fake-line) answers each request after`,
    `${LATENCY_MS} ms; delivery workers run in a child process (BullMQ, concurrency 20). Every delivery is checked`,
    "from the fake server's records against the residents the target should reach.",
    '',
    '**Count** (30 runs each) and **resolve** of the segment (snapshot + read every batch of 500, 3 runs):',
    '',
    '| target | residents | count p50 | count max |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(r.countTimes).map(
      ([label, times]) =>
        `| ${label} | ${n(r.counts[label]!)} | ${ms(percentile(times, 50))} | ${ms(Math.max(...times))} |`,
    ),
    '',
    `Resolve ≈ half (${n(r.counts['3 of 6 areas (≈ half)']!)} residents): p50 ${ms(percentile(r.resolveTimes, 50))}, max ${ms(Math.max(...r.resolveTimes))} (snapshot alone ${ms(r.snapshotMs)}).`,
    '',
    '**Delivery**: end to end = confirm → broadcast finished; req/s = accepted multicasts over the span',
    'between the first and the last (target ≥ 90 % of the cap); max/s = most in any 1-second window.',
    '',
    '| run | recipients | end to end | req/s (cap) | max/s | 409 | refused | duplicates | missing | state |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...r.runs.map(
      (d) =>
        `| ${d.name} | ${n(d.recipients)} | ${(d.endToEndMs / 1000).toFixed(2)} s | ${d.rps.toFixed(1)} (${d.cap}, ${((d.rps / d.cap) * 100).toFixed(0)} %) | ${d.maxPerSecond} | ${d.conflicts} | ${d.refused} | ${d.duplicates} | ${d.missing + d.extra} | ${d.state} |`,
    ),
    '',
    ...r.runs.filter((d) => d.note).map((d) => `- ${d.name}: ${d.note}.`),
  ];
  writeSection(path.join(ROOT, 'bench/RESULTS.md'), 'broadcast', lines.join('\n'));
  console.log(lines.join('\n'));
}

await main();
