/**
 * The console's month builder in a worker thread (src/wiring/month-builder.ts) on a real Redis:
 * the same month as the in-process build, the months worth warming, and every failure a clear
 * rejection (Redis down, a worker that dies, a closed builder) with the next request working.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessMonthBuilder } from '../../src/http/admin/month-cache.js';
import { createRedisQuestionLog } from '../../src/store/question-log/index.js';
import type { RedisQuestionLog } from '../../src/store/question-log/index.js';
import { createWorkerMonthBuilder, MonthBuildError } from '../../src/wiring/index.js';
import { APRIL_LOG } from '../reports/fixture.js';
import { startRedisServer } from '../setup/redis-server.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../setup/redis-test.js';

const url = redisUrl();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const clock = { now: () => new Date('2026-05-10T03:00:00Z') };
const prefix = uniquePrefix('month-builder');

describe.skipIf(!url)('createWorkerMonthBuilder', () => {
  let log: RedisQuestionLog;
  beforeAll(async () => {
    log = createRedisQuestionLog({ url, prefix, clock, retentionMonths: 13 });
    await log.ready();
    for (const { id: _id, ...r } of APRIL_LOG) await log.append(r);
    await log.append({
      kind: 'question',
      at: '2026-03-31T00:00:00Z',
      city: 'testcity',
      query: 'ごみ',
      verdict: 'no_answer',
    });
    // Written while they were still retained: one before the cutoff (2025-04-10), one after.
    const then = createRedisQuestionLog({
      url,
      prefix,
      clock: { now: () => new Date('2025-05-01T00:00:00Z') },
    });
    await then.ready();
    for (const at of ['2025-04-05T00:00:00Z', '2025-04-20T00:00:00Z'])
      await then.append({
        kind: 'question',
        at,
        city: 'testcity',
        query: '古い質問',
        verdict: 'answered',
      });
    await then.close();
  });
  afterAll(async () => {
    await log.close();
    await deleteKeys(url, prefix);
  });

  it('builds the same report and queue as the in-process build', async () => {
    const builder = createWorkerMonthBuilder({ url, prefix, retentionMonths: 13, clock });
    try {
      const inWorker = await builder.build('testcity', '2026-04');
      const here = await inProcessMonthBuilder(log, clock).build('testcity', '2026-04');
      expect(inWorker).toEqual(here);
      expect(inWorker.builtAt).toEqual(clock.now());
      expect(inWorker.report.overall.questions).toBeGreaterThan(0);
      expect(inWorker.queue.length).toBeGreaterThan(0);
    } finally {
      await builder.close();
    }
  });

  it('lists the retained months that have records, newest first (ZCOUNT, from the cutoff)', async () => {
    const builder = createWorkerMonthBuilder({ url, prefix, retentionMonths: 13, clock });
    try {
      // The fixture's April has a record in the first minute of May (JST) too.
      expect(await builder.monthsWithRecords('testcity')).toEqual([
        '2026-05',
        '2026-04',
        '2026-03',
        '2025-04',
      ]);
      expect(await builder.monthsWithRecords('nocity')).toEqual([]);
    } finally {
      await builder.close();
    }
  });

  it('rejects when the worker dies (out of memory), and starts a new one for the next build', async () => {
    const big = uniquePrefix('month-builder-big');
    const redis = new Redis(url);
    try {
      const pipeline = redis.pipeline();
      const text = 'あ'.repeat(400);
      for (let i = 0; i < 20_000; i++) {
        const at = Date.parse('2026-03-01T00:00:00Z') + i * 60_000;
        const record = {
          id: `r${i}`,
          kind: 'question',
          at: new Date(at).toISOString(),
          city: 'testcity',
          query: `${text}${i}`,
          verdict: 'no_answer',
        };
        pipeline.zadd(`${big}qlog:{testcity}`, at, JSON.stringify(record));
      }
      pipeline.zadd(
        `${big}qlog:{testcity}`,
        Date.parse('2026-04-02T00:00:00Z'),
        JSON.stringify({
          id: 's',
          kind: 'question',
          at: '2026-04-02T00:00:00.000Z',
          city: 'testcity',
          query: 'ごみ',
          verdict: 'answered',
        }),
      );
      await pipeline.exec();
      const builder = createWorkerMonthBuilder({
        url,
        prefix: big,
        retentionMonths: 13,
        clock,
        resourceLimits: { maxOldGenerationSizeMb: 32 },
      });
      try {
        const error = await builder.build('testcity', '2026-03').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MonthBuildError);
        expect((error as Error).message).toMatch(/worker stopped .*memory limit/);
        expect((await builder.build('testcity', '2026-04')).report.overall.questions).toBe(1);
      } finally {
        await builder.close();
      }
    } finally {
      redis.disconnect();
      await deleteKeys(url, big);
    }
  });

  it('rejects at once while Redis is down, and builds again once it is back', async () => {
    const server = await startRedisServer();
    const own = `redis://127.0.0.1:${server.port}`;
    const builder = createWorkerMonthBuilder({ url: own, prefix, retentionMonths: 13, clock });
    try {
      expect((await builder.build('testcity', '2026-04')).report.overall.questions).toBe(0);
      await server.stop();
      const error = await builder.build('testcity', '2026-04').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MonthBuildError);
      expect((error as Error).message).toMatch(/^the month builder failed: .*redis/i);
      const again = await startRedisServer(server.port);
      try {
        expect((await builder.build('testcity', '2026-04')).report.overall.questions).toBe(0);
      } finally {
        await builder.close();
        await again.stop();
      }
    } finally {
      await builder.close();
    }
  });

  it('close ends the worker: builds after it reject, and nothing keeps the process alive', async () => {
    const builder = createWorkerMonthBuilder({ url, prefix, retentionMonths: 13, clock });
    await builder.build('testcity', '2026-04');
    await builder.close();
    await expect(builder.build('testcity', '2026-04')).rejects.toThrow(
      'the month builder is closed',
    );

    // A process that builds once and closes the builder exits by itself (no process.exit).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'month-builder-'));
    const script = path.join(dir, 'close.mts');
    const wiring = pathToHref(path.join(ROOT, 'src/wiring/index.ts'));
    writeFileSync(
      script,
      `import { createWorkerMonthBuilder } from ${JSON.stringify(wiring)};
const b = createWorkerMonthBuilder({ url: ${JSON.stringify(url)}, prefix: ${JSON.stringify(prefix)}, retentionMonths: 13, clock: { now: () => new Date('2026-05-10T03:00:00Z') } });
const d = await b.build('testcity', '2026-04');
await b.close();
console.log('built', d.report.overall.questions);
`,
    );
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(0);
      expect(out).toMatch(/^built [1-9]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function pathToHref(p: string): string {
  return new URL(`file://${p}`).href;
}
