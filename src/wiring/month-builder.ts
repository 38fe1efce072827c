/**
 * The console's month builds (src/http/admin/month-cache.ts, `MonthBuilder`) in a worker thread
 * when the question log is on Redis: reading a month of 100,000 records and grouping it holds a
 * thread for ~1.2 s, which on the main thread delays webhooks and every console request. One
 * worker per process, started at the first request, one request at a time; a worker that dies
 * or stops answering is replaced at the next request, and the request it held rejects with a
 * `MonthBuildError` (the console answers 503). See src/reports/DESIGN.md ("Console speed").
 */
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';
import { MadoguchiError } from '../errors.js';
import type { Clock } from '../ports.js';
import type { MonthlyReport, QueueGroup } from '../reports/index.js';
import type { WiringContext } from './context.js';
import type { MonthReply, MonthRequest, MonthWorkerData } from './month-worker-protocol.js';
import type { Stores } from './stores.js';

/** A month built by the worker (the shape of month-cache.ts's `MonthData`). */
export interface BuiltMonth {
  report: MonthlyReport;
  queue: QueueGroup[];
  builtAt: Date;
}

export interface WorkerMonthBuilder {
  /** Reads `city`'s `month` and builds its report and queue in the worker. */
  build(city: string, month: string): Promise<BuiltMonth>;
  /** The retained months with records (ZCOUNT per month), newest first. */
  monthsWithRecords(city: string): Promise<string[]>;
  /** Stops the worker (its Redis connection closes); later requests reject. */
  close(): Promise<void>;
}

export interface WorkerMonthBuilderOptions {
  /** The question log's Redis: URL and key prefix, as the server's stores use. */
  url: string;
  prefix: string;
  retentionMonths: number;
  /** Gives each request its `now` (the worker has no clock of its own). */
  clock: Clock;
  /** Per Redis command in the worker. Default 5,000 ms (the question log's own default). */
  commandTimeoutMs?: number;
  /** A request not answered in this time rejects and the worker is replaced. Default 60 s. */
  timeoutMs?: number;
  /**
   * The worker's heap limits (Node's defaults when absent). A month too big for them ends the
   * worker (ERR_WORKER_OUT_OF_MEMORY), not the server: that request rejects, the next restarts it.
   */
  resourceLimits?: ResourceLimits;
}

/** A month build that failed in the worker, or a worker that stopped or did not answer. */
export class MonthBuildError extends MadoguchiError {
  override name = 'MonthBuildError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('reports/build-failed', message, undefined, options);
  }
}

/**
 * Where the worker's code is: `month-worker.js` beside this file in `dist/`. Under tsx or vitest
 * (this file is `.ts`), Node 20 does not apply the parent's `--import tsx` to a worker's entry,
 * so the worker registers tsx itself before importing `month-worker.ts`.
 */
function startWorker(workerData: MonthWorkerData, resourceLimits?: ResourceLimits): Worker {
  const self = import.meta.url;
  const limits = resourceLimits ? { resourceLimits } : {};
  if (!self.endsWith('.ts')) {
    return new Worker(new URL('./month-worker.js', self), { workerData, ...limits });
  }
  const entry = new URL('./month-worker.ts', self).href;
  let api = 'tsx/esm/api';
  try {
    api = import.meta.resolve(api);
  } catch {
    // No import.meta.resolve here (some test runners): the bare name resolves from the cwd.
  }
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  // execArgv: [] so a parent's own `--import tsx` does not register tsx a second time (Node 22).
  return new Worker(code, { eval: true, execArgv: [], workerData, ...limits });
}

type Ask = { kind: 'build'; city: string; month: string } | { kind: 'months'; city: string };

interface Pending {
  id: number;
  /** The worker the request went to (a replaced one's exit must not fail the next request). */
  worker: Worker;
  resolve(reply: MonthReply & { ok: true }): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export function createWorkerMonthBuilder(options: WorkerMonthBuilderOptions): WorkerMonthBuilder {
  const workerData: MonthWorkerData = {
    url: options.url,
    prefix: options.prefix,
    retentionMonths: options.retentionMonths,
    commandTimeoutMs: options.commandTimeoutMs ?? 5000,
  };
  const timeoutMs = options.timeoutMs ?? 60_000;
  let worker: Worker | undefined;
  let pending: Pending | undefined;
  let lastId = 0;
  let closed = false;
  let tail: Promise<unknown> = Promise.resolve();

  /** Rejects the request in flight (only if it went to `on`, when given). */
  function fail(err: Error, on?: Worker): void {
    const p = pending;
    if (!p || (on && p.worker !== on)) return;
    pending = undefined;
    clearTimeout(p.timer);
    p.reject(err);
  }

  function spawn(): Worker {
    const w = startWorker(workerData, options.resourceLimits);
    let lastError: Error | undefined;
    w.on('message', (reply: MonthReply) => {
      const p = pending;
      if (!p || p.worker !== w || reply.id !== p.id) return;
      pending = undefined;
      clearTimeout(p.timer);
      w.unref();
      if (reply.ok) p.resolve(reply);
      else {
        const { name, message, code } = reply.error;
        p.reject(
          new MonthBuildError(`the month builder failed: ${name}: ${message}`, {
            cause: { name, message, code },
          }),
        );
      }
    });
    w.on('error', (err) => {
      lastError = err;
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      const why = lastError ? `: ${lastError.message}` : '';
      fail(new MonthBuildError(`the month builder's worker stopped (exit code ${code})${why}`), w);
    });
    // Idle, it keeps nothing alive; a request in flight refs it (see `send`).
    w.unref();
    return w;
  }

  function send(ask: Ask): Promise<MonthReply & { ok: true }> {
    if (closed) return Promise.reject(new MonthBuildError('the month builder is closed'));
    const w = (worker ??= spawn());
    const id = ++lastId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        fail(new MonthBuildError(`the month builder did not answer in ${timeoutMs} ms`), w);
        if (worker === w) worker = undefined; // the next request starts a new one
        void w.terminate();
      }, timeoutMs);
      timer.unref();
      pending = { id, worker: w, resolve, reject, timer };
      w.ref();
      const req: MonthRequest = { id, now: options.clock.now().getTime(), ...ask };
      w.postMessage(req);
    });
  }

  /** One request at a time: the worker holds at most one month's records. */
  function request(ask: Ask): Promise<MonthReply & { ok: true }> {
    const run = tail.then(() => send(ask));
    tail = run.catch(() => undefined);
    return run;
  }

  return {
    async build(city, month) {
      const reply = await request({ kind: 'build', city, month });
      if (reply.kind !== 'build')
        throw new MonthBuildError('the month builder answered out of turn');
      return { report: reply.report, queue: reply.queue, builtAt: new Date(reply.builtAt) };
    },
    async monthsWithRecords(city) {
      const reply = await request({ kind: 'months', city });
      if (reply.kind !== 'months')
        throw new MonthBuildError('the month builder answered out of turn');
      return reply.months;
    },
    async close() {
      closed = true;
      const w = worker;
      worker = undefined;
      fail(new MonthBuildError('the month builder is closed'));
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
      w.postMessage({ id: 0, kind: 'close' } satisfies MonthRequest);
      // A polite close lets the worker quit Redis; a busy or stuck one is stopped.
      const timer = setTimeout(() => void w.terminate(), 1000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The server's month builder: in a worker on the stores' Redis (same URL, prefix and retention),
 * or undefined with the memory log (local mode), where the console builds in-process.
 */
export function createMonthBuilder(
  { config, clock }: WiringContext,
  stores: Pick<Stores, 'redis'>,
): WorkerMonthBuilder | undefined {
  if (!stores.redis) return undefined;
  return createWorkerMonthBuilder({
    url: stores.redis.url,
    prefix: stores.redis.prefix,
    retentionMonths: config.staff.retentionMonths,
    clock,
  });
}
