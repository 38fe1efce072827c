/**
 * The delivery engine on Redis with BullMQ (the only importer of it). Two queues:
 * - `broadcast-start`: one delayed job per confirmed broadcast (`bc:<id>:start`) that freezes
 *   the recipients and adds one job per batch;
 * - `broadcast-batch`: one job per batch (`bc:<id>:<n>`; one id per batch, so a batch is never
 *   queued twice), each one multicast, under BullMQ's limiter, which is global across workers:
 *   at most `rps` requests per second in total, however many workers run.
 * A killed worker's active jobs come back after their lock expires; the batch they were sending
 * reuses its stored retry key, so LINE answers 409 if it went out already. A sweep re-adds the
 * start job of any unfinished broadcast (at start-up, then every `sweepIntervalMs`).
 */
import { Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { runBatch, startBroadcast, unfinishedBroadcasts } from '../app/index.js';
import type { BatchResult, BroadcastDeps } from '../app/index.js';
import { batchJobId, startJobId } from '../delivery/index.js';
import type { DeliveryQueue, Logger } from '../ports.js';

export interface BullDeliveryOptions {
  /** `redis://127.0.0.1:6379` and the like. */
  url: string;
  /** BullMQ key prefix (`StoreKeys.queuePrefix()`). */
  prefix: string;
  logger: Logger;
  /** Multicast requests per second across all workers. Default 100 (LINE allows 200). */
  rps?: number;
  /** The limiter counts per window of this length; short windows avoid bursts. Default 100 ms. */
  rateWindowMs?: number;
  /** Batches one worker sends at once. Default 20. */
  concurrency?: number;
  /** Attempts per batch for 5xx and network failures. Default 5. */
  attempts?: number;
  /** Delay before the first retry of a batch, doubled each time. Default 2,000 ms. */
  backoffMs?: number;
  /** How long the whole queue pauses after LINE's rate-limit 429. Default 1,000 ms. */
  rateLimitPauseMs?: number;
  /** How long a worker's claim on a job lives without renewal (a killed worker's jobs return after it). */
  lockDurationMs?: number;
  /** How often workers look for jobs whose worker died. */
  stalledIntervalMs?: number;
  /** How often unfinished broadcasts are re-started (idempotent). Default 300,000 ms. */
  sweepIntervalMs?: number;
}

export interface BullDelivery extends DeliveryQueue {
  /** Runs the start and batch workers in this process until `close()`. */
  startWorkers(deps: BroadcastDeps): Promise<void>;
  /** Re-starts every unfinished broadcast (also done at start-up and by the sweep). */
  sweep(): Promise<number>;
  /** Resolves when no job of either queue is waiting, delayed or active (tests, benches). */
  drained(): Promise<boolean>;
  close(): Promise<void>;
}

interface StartData {
  id: string;
}
interface BatchData {
  id: string;
  n: number;
}

const KEEP_COMPLETED = { age: 24 * 3600 };
const KEEP_FAILED = { age: 7 * 24 * 3600 };

export function createBullDelivery(options: BullDeliveryOptions): BullDelivery {
  const { logger } = options;
  const rps = options.rps ?? 100;
  const window = options.rateWindowMs ?? 100;
  const attempts = options.attempts ?? 5;
  const backoff = { type: 'exponential', delay: options.backoffMs ?? 2000 } as const;
  const connections: Redis[] = [];
  const connect = () => {
    // BullMQ needs commands that wait for Redis instead of failing (blocking reads, locks).
    const c = new Redis(options.url, { maxRetriesPerRequest: null });
    c.on('error', (err: Error) =>
      logger.warn({ err: { message: err.message } }, 'redis: queue connection error'),
    );
    connections.push(c);
    return c;
  };
  const shared = connect();
  const queueOptions = { connection: shared, prefix: options.prefix };
  const startQueue = new Queue<StartData>('broadcast-start', queueOptions);
  const batchQueue = new Queue<BatchData>('broadcast-batch', queueOptions);
  const workers: Array<Worker<StartData> | Worker<BatchData>> = [];
  let sweepTimer: NodeJS.Timeout | undefined;
  let bound: BroadcastDeps | undefined;

  async function start(id: string, at: Date): Promise<void> {
    const jobId = startJobId(id);
    const delay = Math.max(0, at.getTime() - Date.now());
    const existing = await startQueue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state === 'delayed') {
        await existing.changeDelay(delay);
        return;
      }
      if (state === 'waiting' || state === 'active' || state === 'prioritized') return;
      await existing.remove();
    }
    await startQueue.add(
      'start',
      { id },
      {
        jobId,
        delay,
        attempts: 10,
        backoff,
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      },
    );
  }

  async function enqueueBatches(id: string, batches: number[]): Promise<void> {
    if (batches.length === 0) return;
    const opts = { attempts, backoff, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED };
    for (let i = 0; i < batches.length; i += 1000) {
      await batchQueue.addBulk(
        batches.slice(i, i + 1000).map((n) => ({
          name: 'batch',
          data: { id, n },
          opts: { ...opts, jobId: batchJobId(id, n) },
        })),
      );
    }
    // A batch whose job gave up (an unexpected error every attempt) is unsettled: try it again.
    for (const jobId of await failedAmong(batches.map((n) => batchJobId(id, n)))) {
      await (await batchQueue.getJob(jobId))?.retry('failed');
    }
  }

  /**
   * The batch job ids among `ids` that are in the failed set. Job ids are deterministic, so
   * this asks about just these (pipelined ZSCOREs, 1,000 a round trip) instead of reading every
   * failed job of every broadcast (kept 7 days).
   */
  async function failedAmong(ids: string[]): Promise<string[]> {
    const failedKey = batchQueue.toKey('failed');
    const found: string[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const pipeline = shared.pipeline();
      for (const jobId of chunk) pipeline.zscore(failedKey, jobId);
      const replies = (await pipeline.exec()) ?? [];
      chunk.forEach((jobId, j) => {
        const [err, score] = replies[j] ?? [];
        if (err) throw err;
        if (score !== null && score !== undefined) found.push(jobId);
      });
    }
    return found;
  }

  async function processBatch(deps: BroadcastDeps, job: Job<BatchData>): Promise<BatchResult> {
    const max = job.opts.attempts ?? attempts;
    const r = await runBatch(deps, {
      broadcastId: job.data.id,
      batch: job.data.n,
      attempt: job.attemptsMade + 1,
      maxAttempts: max,
    });
    if (r.status === 'rate-limited') {
      await batchQueue.rateLimit(options.rateLimitPauseMs ?? 1000);
      throw Worker.RateLimitError();
    }
    if (r.status === 'retry') {
      throw new Error(
        `batch ${job.data.n}: ${r.reason}${r.httpStatus ? ` ${r.httpStatus}` : ''}; retrying with the same key`,
      );
    }
    return r;
  }

  const delivery: BullDelivery = {
    start,
    async cancel(id) {
      const job = await startQueue.getJob(startJobId(id));
      const state = await job?.getState();
      if (job && (state === 'delayed' || state === 'waiting')) await job.remove();
    },
    async startWorkers(deps) {
      bound = deps;
      const common = {
        prefix: options.prefix,
        maxStalledCount: 100,
        ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
        ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
      };
      const starter = new Worker<StartData>(
        'broadcast-start',
        async (job) => {
          const batches = await startBroadcast(deps, job.data.id);
          await enqueueBatches(job.data.id, batches);
          return batches.length;
        },
        { ...common, connection: connect(), concurrency: 2 },
      );
      const sender = new Worker<BatchData>('broadcast-batch', (job) => processBatch(deps, job), {
        ...common,
        connection: connect(),
        concurrency: options.concurrency ?? 20,
        limiter: { max: Math.max(1, Math.floor((rps * window) / 1000)), duration: window },
      });
      for (const w of [starter, sender] as Worker[]) {
        w.on('failed', (job, err) => {
          logger.warn(
            { job: job?.id, attemptsMade: job?.attemptsMade, err: { message: err.message } },
            'broadcast job failed',
          );
        });
        w.on('error', (err) =>
          logger.error({ err: { message: err.message } }, 'broadcast worker error'),
        );
        workers.push(w);
      }
      await Promise.all(workers.map((w) => w.waitUntilReady()));
      await delivery
        .sweep()
        .catch((err: unknown) => logger.error({ err }, 'broadcast sweep failed'));
      sweepTimer = setInterval(() => {
        delivery.sweep().catch((err: unknown) => logger.error({ err }, 'broadcast sweep failed'));
      }, options.sweepIntervalMs ?? 300_000);
      sweepTimer.unref();
      logger.info({ rps, concurrency: options.concurrency ?? 20 }, 'broadcast workers running');
    },
    async sweep() {
      if (!bound) return 0;
      const unfinished = await unfinishedBroadcasts(bound);
      for (const { id, at } of unfinished) await start(id, at);
      return unfinished.length;
    },
    async drained() {
      const [s, b] = await Promise.all([
        startQueue.getJobCounts('waiting', 'delayed', 'active', 'prioritized'),
        batchQueue.getJobCounts('waiting', 'delayed', 'active', 'prioritized'),
      ]);
      return [...Object.values(s), ...Object.values(b)].every((n) => n === 0);
    },
    async close() {
      if (sweepTimer) clearInterval(sweepTimer);
      await Promise.all(workers.map((w) => w.close()));
      await startQueue.close();
      await batchQueue.close();
      for (const c of connections) c.disconnect();
    },
  };
  return delivery;
}
