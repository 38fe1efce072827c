// `npm run bench:segments`: can the Redis audience answer 「how many residents match?」 within
// 1 s at 1,000,000 residents, and stream about half of them out as batches of 500?
// Starts its own redis-server on a free 127.0.0.1 port, loads 1,000,000 residents with seeded
// random settings through the real write path (the update script, pipelined), times counts of
// several targets (checked against a count in JS), a snapshot and a full read of it, and writes
// the "segments" section of bench/RESULTS.md. Options: `--residents N` (default 1,000,000).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { parse } from 'yaml';
import { AGE_BANDS, CityConfigSchema } from '../src/schema/index.js';
import type { AgeBand, ResidentSettings, Target } from '../src/schema/index.js';
import { describeTarget, matchesTarget } from '../src/segments/index.js';
import { createRedisAudience } from '../src/store/audience/index.js';
import { startRedisServer } from '../tests/setup/redis-server.js';
import { prng as random } from './lib/prng.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const city = CityConfigSchema.parse(
  parse(readFileSync(path.join(repoRoot, 'faq/komaki/city.yaml'), 'utf8')),
);
const argIndex = process.argv.indexOf('--residents');
const RESIDENTS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 1_000_000;
const WINDOW = 5_000;
const ROUNDS = 30;

interface Resident {
  id: string;
  settings: ResidentSettings;
  blocked: boolean;
}

/** Most keep 防災・緊急; other topics 8-30 %; 10 % give no area, 20 % no age; 2 % stopped, 5 % blocked. */
function population(n: number): Resident[] {
  const rnd = random(20260401);
  const share = [0.92, 0.3, 0.25, 0.15, 0.2, 0.1, 0.12, 0.08];
  const out: Resident[] = [];
  for (let i = 0; i < n; i++) {
    const topics = city.topics.filter((_, t) => rnd() < (share[t] ?? 0.1)).map((t) => t.id);
    const area = rnd() < 0.1 ? undefined : city.areas[Math.floor(rnd() * city.areas.length)];
    const age: AgeBand | undefined =
      rnd() < 0.2 ? undefined : AGE_BANDS[Math.floor(rnd() * AGE_BANDS.length)]!.id;
    out.push({
      id: `U${i.toString(16).padStart(32, '0')}`,
      settings: {
        topics,
        ...(area ? { area } : {}),
        ...(age ? { age } : {}),
        stopped: rnd() < 0.02,
      },
      blocked: rnd() < 0.05,
    });
  }
  return out;
}

const TARGETS: Array<Target & { label?: string }> = [
  { all: true },
  { topics: ['bousai'] },
  { topics: ['kosodate', 'kenko', 'event'] },
  { areas: ['中部', '東部'] },
  { ages: ['60s', '70plus'] },
  { topics: ['bousai'], areas: ['桃花台'] },
  { topics: ['kosodate', 'event'], areas: ['中部', '東部', '味岡'], ages: ['20s', '30s', '40s'] },
  {
    label: 'every topic × every area × every age band (8 × 6 × 7 bitmaps)',
    topics: city.topics.map((t) => t.id),
    areas: [...city.areas],
    ages: AGE_BANDS.map((b) => b.id),
  },
];
/** About half of the residents: the snapshot and stream measurement. */
const HALF: Target = { areas: ['中部', '東部', '味岡'] };

/** Date, machine, load, Node, Redis and commit, for the section's first line. */
function environmentLine(redisVersion: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  let commit = 'unknown';
  try {
    commit = git('rev-parse', '--short', 'HEAD');
    const mine = ['src/store/audience', 'src/store/keys.ts', 'src/segments', 'bench/segments.ts'];
    if (git('status', '--porcelain', '--', ...mine)) {
      commit += ' (+ uncommitted audience changes)';
    }
  } catch {
    // not a git checkout
  }
  const cpu = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}`;
  const load = os.loadavg()[0]!.toFixed(1);
  return `${new Date().toISOString().slice(0, 10)} · ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load average ${load} · Node ${process.version} · redis-server ${redisVersion} · commit ${commit}`;
}

/** Replaces (or appends) this script's block of bench/RESULTS.md, leaving other sections alone. */
function writeSection(body: string): void {
  const file = path.join(repoRoot, 'bench/RESULTS.md');
  const [start, end] = ['<!-- segments:start -->', '<!-- segments:end -->'];
  const block = `${start}\n${body.trim()}\n${end}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  writeFileSync(
    file,
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${block}\n`,
  );
}

const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => n.toLocaleString('en-US');
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const server = await startRedisServer();
  const audience = createRedisAudience({
    url: server.url,
    prefix: 'bench:',
    commandTimeoutMs: 30_000,
  });
  const raw = new Redis(server.url);
  try {
    await audience.ready();
    const people = population(RESIDENTS);
    const oracle = (t: Target) =>
      people.filter((r) => !r.blocked && matchesTarget(r.settings, t)).length;

    // Load: settings for everyone (a first write makes a known friend), then the blocks, with
    // WINDOW calls in flight (ioredis writes them to the socket back to back: a pipeline).
    const load0 = performance.now();
    for (let i = 0; i < people.length; i += WINDOW) {
      const slice = people.slice(i, i + WINDOW);
      await Promise.all(slice.map((r) => audience.setSettings(r.id, r.settings)));
      await Promise.all(slice.filter((r) => r.blocked).map((r) => audience.markBlocked(r.id)));
    }
    const loadMs = ms(load0);
    const writes = people.length + people.filter((r) => r.blocked).length;
    const usecPerCall = /cmdstat_evalsha:.*usec_per_call=([\d.]+)/.exec(
      await raw.info('commandstats'),
    )?.[1];
    const memory = await raw.info('memory');
    const usedBytes = Number(/used_memory:(\d+)/.exec(memory)?.[1] ?? 0);
    console.log(`loaded ${fmt(people.length)} residents in ${(loadMs / 1000).toFixed(1)} s`);

    // Single-resident latency, one at a time (what a settings tap costs).
    const one: number[] = [];
    for (let i = 0; i < 200; i++) {
      const r = people[(i * 4999) % people.length]!;
      const t0 = performance.now();
      await audience.setSettings(r.id, r.settings);
      one.push(ms(t0));
    }
    one.sort((a, b) => a - b);

    const rows: string[] = [];
    let worst = 0;
    for (const { label, ...target } of TARGETS) {
      const times: number[] = [];
      let got = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        got = await audience.count(target);
        times.push(ms(t0));
      }
      const want = oracle(target);
      if (got !== want)
        throw new Error(`count ${JSON.stringify(target)}: ${got}, expected ${want}`);
      times.sort((a, b) => a - b);
      worst = Math.max(worst, times.at(-1)!);
      rows.push(
        `| ${label ?? describeTarget(target, city)} | ${fmt(got)} | ${pct(times, 50).toFixed(2)} ms | ${times.at(-1)!.toFixed(2)} ms |`,
      );
      console.log(rows.at(-1));
    }

    // Snapshot of about half, then a full read in batches of 500 (checked: count, no repeats).
    const snap0 = performance.now();
    const size = await audience.snapshot(HALF, 'bench:half');
    const snapMs = ms(snap0);
    if (size !== oracle(HALF)) throw new Error(`snapshot ${size}, expected ${oracle(HALF)}`);
    const read0 = performance.now();
    const seen = new Set<string>();
    let batches = 0;
    let slowest = 0;
    let last = performance.now();
    for await (const b of audience.readSnapshot('bench:half', 0, 500)) {
      if (b.batch !== batches++) throw new Error(`batch ${b.batch} out of order`);
      for (const id of b.userIds) seen.add(id);
      slowest = Math.max(slowest, ms(last));
      last = performance.now();
    }
    const readMs = ms(read0);
    if (seen.size !== size) throw new Error(`read ${seen.size} distinct ids, expected ${size}`);
    const seek0 = performance.now();
    for await (const b of audience.readSnapshot('bench:half', batches - 1, 500)) void b;
    const seekMs = ms(seek0);
    const rssMb = process.memoryUsage().rss / 2 ** 20;

    const body = `## Segments (\`npm run bench:segments\`)

${environmentLine(/redis_version:(\S+)/.exec(await raw.info('server'))?.[1] ?? '?')}

${fmt(RESIDENTS)} residents with seeded random settings (小牧市's 8 topics and 6 areas, 7 age
bands; 10 % no area, 20 % no age, 2 % 配信停止, 5 % blocked), loaded through the real update
script with ${fmt(WINDOW)} calls in flight: ${fmt(writes)} writes in ${(loadMs / 1000).toFixed(1)} s
(${fmt(Math.round(writes / (loadMs / 1000)))} writes/s; ${usecPerCall} µs of Redis time per write). Redis memory: ${(usedBytes / 2 ** 20).toFixed(0)} MB
(${Math.round(usedBytes / RESIDENTS)} bytes per resident). One settings change, alone: p50
${pct(one, 50).toFixed(2)} ms, max ${one.at(-1)!.toFixed(2)} ms.

**Count** (${ROUNDS} rounds each; every count equals a count in JS over the same residents):

| target | residents | p50 | max |
| --- | ---: | ---: | ---: |
${rows.join('\n')}

Slowest count: ${worst.toFixed(2)} ms (target: ≤ 1,000 ms).

**Snapshot and stream** of ${describeTarget(HALF, city)}: ${fmt(size)} residents
(${((100 * size) / RESIDENTS).toFixed(0)} %). Snapshot ${snapMs.toFixed(1)} ms; full read in
${fmt(batches)} batches of ≤ 500: ${(readMs / 1000).toFixed(2)} s (${fmt(Math.round(size / (readMs / 1000)))} ids/s,
slowest batch ${slowest.toFixed(1)} ms), every id once; reading only the last batch (seek from
the start of the bitmap): ${seekMs.toFixed(1)} ms. Bench process RSS ${rssMb.toFixed(0)} MB.
`;
    console.log(body);
    writeSection(body);
  } finally {
    raw.disconnect();
    await audience.close();
    await server.stop();
  }
}

await main();
