/**
 * One delivery worker process, as the broadcast bench starts it (and kills it with SIGKILL
 * mid-delivery): the Redis audience and broadcast store, the real LINE sender pointed at the
 * fake LINE API, and the BullMQ workers. Configured by environment; stops on SIGTERM.
 *   BENCH_REDIS_URL, BENCH_PREFIX, BENCH_LINE_URL, BENCH_RPS, BENCH_CONCURRENCY, BENCH_LOCK_MS
 */
import { createLineSender } from '../src/line/index.js';
import { createBullDelivery } from '../src/queue/index.js';
import type { Logger } from '../src/ports.js';
import { createKeys } from '../src/store/index.js';
import { createRedisAudience } from '../src/store/audience/index.js';
import { createRedisAuditLog } from '../src/store/audit/index.js';
import { createRedisBroadcastStore } from '../src/store/broadcasts/index.js';

const env = process.env;
const url = env.BENCH_REDIS_URL!;
const prefix = env.BENCH_PREFIX!;
const lockMs = Number(env.BENCH_LOCK_MS ?? 3000);

// Warnings and errors only, one JSON line each (no user ids reach the logger).
const logger: Logger = {
  info: () => {},
  debug: () => {},
  warn: (obj, msg) => process.stderr.write(JSON.stringify({ level: 'warn', msg, ...obj }) + '\n'),
  error: (obj, msg) => process.stderr.write(JSON.stringify({ level: 'error', msg, ...obj }) + '\n'),
};

const audience = createRedisAudience({ url, prefix, logger });
const broadcasts = createRedisBroadcastStore({ url, prefix, logger });
const audit = createRedisAuditLog({ url, prefix, logger });
await Promise.all([audience.ready(), broadcasts.ready(), audit.ready()]);
const delivery = createBullDelivery({
  url,
  prefix: createKeys(prefix).queuePrefix(),
  logger,
  rps: Number(env.BENCH_RPS ?? 100),
  rateWindowMs: Number(env.BENCH_WINDOW_MS ?? 100),
  concurrency: Number(env.BENCH_CONCURRENCY ?? 20),
  lockDurationMs: lockMs,
  stalledIntervalMs: Math.max(500, Math.floor(lockMs / 3)),
  backoffMs: 200,
  rateLimitPauseMs: 200,
});
await delivery.startWorkers({
  broadcasts,
  audit,
  audience,
  // One try per call, as in main.ts: every retry goes through the queue and its rate cap.
  sender: createLineSender({
    channelAccessToken: 'bench',
    baseURL: env.BENCH_LINE_URL!,
    logger,
    maxAttempts: 1,
  }),
  queue: delivery,
  clock: { now: () => new Date() },
  logger,
  city: () => {
    throw new Error('workers send frozen messages; they never need the city');
  },
});
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void (async () => {
    await delivery.close();
    await Promise.all([audience.close(), broadcasts.close(), audit.close()]);
    process.exit(0);
  })();
});
