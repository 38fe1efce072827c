/**
 * The delivery engine in-process, without Redis: local mode (`REDIS_URL` unset) and tests. Same
 * use cases as the BullMQ engine (`startBroadcast`, then `runBatch` per batch) but one batch at
 * a time, paced to `rps` batches per second. With `auto: false` nothing
 * runs until `runDue()` is called, so tests control time with their clock.
 */
import { runBatch, startBroadcast } from '../app/index.js';
import type { BroadcastDeps } from '../app/index.js';
import { MadoguchiError } from '../errors.js';
import type { Clock, DeliveryQueue, Logger } from '../ports.js';

export interface InlineDeliveryOptions {
  clock: Clock;
  logger: Logger;
  /** Start broadcasts by themselves at their time (timers). Default true. */
  auto?: boolean;
  /** Attempts per batch for transient failures. Default 3. */
  maxAttempts?: number;
  /** At most this many batches start per second (a live LINE without Redis). Default 100. */
  rps?: number;
  /** How to wait before retrying a batch; tests pass one that does not sleep. */
  delay?: (ms: number) => Promise<void>;
}

export interface InlineDelivery extends DeliveryQueue {
  /** Connects the engine to the use cases (their deps include this queue). */
  bind(deps: BroadcastDeps): void;
  /** Runs every start whose time has come (by the clock) to its end. */
  runDue(): Promise<void>;
  /** Starts waiting for their time. */
  pending(): Array<{ id: string; at: Date }>;
  /** Resolves when nothing is running. */
  idle(): Promise<void>;
  close(): void;
}

/** Tries per batch (rate-limit waits included) before the in-process engine gives up on it. */
const MAX_ROUNDS = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export function createInlineDelivery(options: InlineDeliveryOptions): InlineDelivery {
  const { clock, logger } = options;
  const auto = options.auto ?? true;
  const maxAttempts = options.maxAttempts ?? 3;
  const delay = options.delay ?? sleep;
  const gapMs = 1000 / (options.rps ?? 100);
  let lastStart = -Infinity;
  const starts = new Map<string, { at: Date; timer?: NodeJS.Timeout }>();
  const running = new Set<Promise<void>>();
  let deps: BroadcastDeps | undefined;

  async function deliver(id: string): Promise<void> {
    if (!deps) {
      throw new MadoguchiError('queue/not-bound', 'inline delivery is not bound to the app');
    }
    const batches = await startBroadcast(deps, id);
    for (const batch of batches) {
      let attempt = 1;
      let settled = false;
      for (let round = 0; round < MAX_ROUNDS && !settled; round++) {
        const wait = lastStart + gapMs - performance.now();
        if (wait > 0) await delay(wait);
        lastStart = performance.now();
        const r = await runBatch(deps, { broadcastId: id, batch, attempt, maxAttempts });
        if (r.status === 'retry') {
          await delay(500 * 2 ** (attempt - 1));
          attempt++;
        } else if (r.status === 'rate-limited') {
          await delay(1000);
        } else settled = true;
      }
      // Without Redis nothing sweeps later: say so instead of leaving the batch unsent in silence.
      if (!settled) {
        logger.error(
          { broadcastId: id, batch, rounds: MAX_ROUNDS },
          'inline delivery gave up on a batch that never settled; it stays unsent',
        );
      }
    }
  }

  function launch(id: string): Promise<void> {
    starts.delete(id);
    const p = deliver(id).catch((err: unknown) => {
      logger.error({ err, broadcastId: id }, 'inline delivery failed');
    });
    running.add(p);
    void p.finally(() => running.delete(p));
    return p;
  }

  return {
    bind(d) {
      deps = d;
    },
    async start(id, at) {
      const existing = starts.get(id);
      if (existing?.timer) clearTimeout(existing.timer);
      const entry: { at: Date; timer?: NodeJS.Timeout } = { at };
      starts.set(id, entry);
      if (auto) {
        const wait = Math.max(0, at.getTime() - clock.now().getTime());
        entry.timer = setTimeout(() => void launch(id), Math.min(wait, 2 ** 31 - 1));
        entry.timer.unref();
      }
    },
    async cancel(id) {
      const entry = starts.get(id);
      if (entry?.timer) clearTimeout(entry.timer);
      starts.delete(id);
    },
    async runDue() {
      const now = clock.now().getTime();
      const due = [...starts].filter(([, s]) => s.at.getTime() <= now).map(([id]) => id);
      for (const id of due) await launch(id);
      await this.idle();
    },
    pending() {
      return [...starts].map(([id, s]) => ({ id, at: s.at }));
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
    close() {
      for (const s of starts.values()) if (s.timer) clearTimeout(s.timer);
      starts.clear();
    },
  };
}
