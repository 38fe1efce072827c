/**
 * The month builder's worker thread (started by month-builder.ts): its own Redis connection and
 * question log (the same store code, prefix and retention as the server's), reading a month and
 * building its report and unanswered queue off the main thread. One request at a time; each
 * carries the main thread's `now`, so retention cutoffs agree with the server's clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  buildMonthlyReport,
  buildUnansweredQueue,
  jstMonth,
  monthRange,
  previousMonth,
  retentionCutoff,
} from '../reports/index.js';
import { closeRedisConnection, createRedisConnection } from '../store/index.js';
import { createRedisQuestionLog } from '../store/question-log/index.js';
import type { MonthReply, MonthRequest, MonthWorkerData } from './month-worker-protocol.js';

/** How long a request waits for the connection before failing (Redis down fails at once). */
const READY_MS = 5000;

/** Runs a Redis step, naming it in the error (ioredis's own messages do not say Redis). */
async function onRedis<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${what} on Redis failed: ${message}`, { cause: err });
  }
}

const port = parentPort!;
const options = workerData as MonthWorkerData;
let nowMs = 0;
const clock = { now: () => new Date(nowMs) };
const client = createRedisConnection({
  url: options.url,
  commandTimeoutMs: options.commandTimeoutMs,
  name: 'month builder',
});
const questionLog = createRedisQuestionLog({
  client,
  prefix: options.prefix,
  clock,
  retentionMonths: options.retentionMonths,
});

async function build(city: string, month: string): Promise<MonthReply & { ok: true }> {
  const range = monthRange(month);
  const records = await onRedis(`reading ${month}`, () =>
    questionLog.read(city, range.from, range.to),
  );
  const report = buildMonthlyReport(records, { city, month });
  const queue = buildUnansweredQueue(records, { city, since: range.from, until: range.to });
  return { id: 0, ok: true, kind: 'build', report, queue, builtAt: clock.now().toISOString() };
}

/** Months from now back to the retention cutoff's, newest first, kept when ZCOUNT finds records. */
async function monthsWithRecords(city: string): Promise<string[]> {
  const cutoff = retentionCutoff(clock.now(), options.retentionMonths).getTime();
  const last = jstMonth(new Date(cutoff));
  const months: string[] = [];
  for (let m = jstMonth(clock.now()); months.length < 1200; m = previousMonth(m)) {
    months.push(m);
    if (m <= last) break;
  }
  const pipeline = client.pipeline();
  for (const m of months) {
    const range = monthRange(m);
    const min = Math.max(range.from.getTime(), cutoff);
    pipeline.zcount(questionLog.keys.records(city), min, `(${range.to.getTime()}`);
  }
  const counts = (await onRedis('counting the months', () => pipeline.exec())) ?? [];
  return months.filter((_, i) => {
    const [err, n] = counts[i] ?? [null, 0];
    if (err) throw err;
    return Number(n) > 0;
  });
}

async function handle(req: Exclude<MonthRequest, { kind: 'close' }>): Promise<MonthReply> {
  nowMs = req.now;
  await questionLog.ready(READY_MS);
  if (req.kind === 'months') {
    return { id: req.id, ok: true, kind: 'months', months: await monthsWithRecords(req.city) };
  }
  return { ...(await build(req.city, req.month)), id: req.id };
}

port.on('message', (req: MonthRequest) => {
  if (req.kind === 'close') {
    // Nothing left to keep the thread alive once the port and the connection are closed.
    void closeRedisConnection(client).finally(() => port.close());
    return;
  }
  handle(req).then(
    (reply) => port.postMessage(reply),
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      const code = (e as { code?: unknown }).code;
      const reply: MonthReply = {
        id: req.id,
        ok: false,
        error: { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) },
      };
      port.postMessage(reply);
    },
  );
});
