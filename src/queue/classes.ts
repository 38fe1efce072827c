/**
 * The スマホ教室 scheduler: calls the class tick (due reminders, change notices, the weekly
 * announcement) every few minutes.
 * - On Redis: a BullMQ job scheduler `classes-tick` (`upsertJobScheduler`, so a restart replaces
 *   it instead of adding a second) and one worker with concurrency 1; with several processes,
 *   each tick runs once, in one of them. A tick missed while every worker was down runs when one
 *   comes back.
 * - Without Redis: a timer in the process, ticks never overlapping.
 * The tick itself is idempotent (retry keys stored before sending), so a tick that runs twice is
 * harmless either way.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../ports.js';

export interface ClassScheduler {
  /** Starts ticking (the BullMQ version also starts its worker in this process). */
  start(tick: () => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
}

const QUEUE = 'classes';
const SCHEDULER_ID = 'classes-tick';

export interface InlineClassSchedulerOptions {
  everyMs: number;
  logger: Logger;
  /** Delay before the first tick (the content loads meanwhile). Default 10,000 ms. */
  firstMs?: number;
}

export function createInlineClassScheduler(options: InlineClassSchedulerOptions): ClassScheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  return {
    async start(tick) {
      const loop = (ms: number) => {
        if (stopped) return;
        timer = setTimeout(() => {
          running = tick()
            .catch((err: unknown) => options.logger.error({ err }, 'class tick failed'))
            .finally(() => loop(options.everyMs));
        }, ms);
        timer.unref();
      };
      loop(options.firstMs ?? 10_000);
    },
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export interface BullClassSchedulerOptions {
  url: string;
  /** BullMQ key prefix (`StoreKeys.queuePrefix()`). */
  prefix: string;
  everyMs: number;
  logger: Logger;
}

export function createBullClassScheduler(options: BullClassSchedulerOptions): ClassScheduler {
  const connections: Redis[] = [];
  const connect = () => {
    const c = new Redis(options.url, { maxRetriesPerRequest: null });
    c.on('error', (err: Error) =>
      options.logger.warn(
        { err: { message: err.message } },
        'redis: class scheduler connection error',
      ),
    );
    connections.push(c);
    return c;
  };
  const queue = new Queue(QUEUE, { connection: connect(), prefix: options.prefix });
  let worker: Worker | undefined;
  return {
    async start(tick) {
      await queue.upsertJobScheduler(
        SCHEDULER_ID,
        { every: options.everyMs },
        { name: 'tick', opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
      );
      worker = new Worker(QUEUE, async () => tick(), {
        connection: connect(),
        prefix: options.prefix,
        concurrency: 1,
      });
      worker.on('failed', (_job, err) =>
        options.logger.error({ err: { message: err.message } }, 'class tick failed'),
      );
    },
    async close() {
      await worker?.close();
      await queue.close();
      for (const c of connections) c.disconnect();
    },
  };
}
