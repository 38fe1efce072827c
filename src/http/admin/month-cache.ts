/**
 * The month's report and unanswered queue, built from one read of the question log and kept for
 * the console. A month of 100,000 records takes ~2 s to read and group (bench/RESULTS.md,
 * report), far over the console's 300 ms per request; the log only grows at its end, so a past
 * month never changes and the current one changes slowly. Each month is therefore built once and
 * served from memory: fresh for `freshMs` (current month; past months for `pastFreshMs`), then
 * served stale while one rebuild runs in the background (stale-while-revalidate), so after the
 * first build no request waits for the log. Concurrent first requests share one build.
 * See src/reports/DESIGN.md ("Console speed").
 */
import type { Clock, Logger, QuestionLog } from '../../ports.js';
import {
  buildMonthlyReport,
  buildUnansweredQueue,
  jstMonth,
  monthRange,
} from '../../reports/index.js';
import type { MonthlyReport, QueueGroup } from '../../reports/index.js';

export interface MonthData {
  /** Built without entry questions (the FAQ may reload; they are added when answering). */
  report: MonthlyReport;
  /** The unanswered and 「役に立たなかった」 questions of the month, grouped. */
  queue: QueueGroup[];
  /** When the log was read. */
  builtAt: Date;
}

export interface MonthCacheOptions {
  questionLog: QuestionLog;
  city: string;
  clock: Clock;
  logger: Logger;
  /**
   * How long the current month's data is served without a rebuild. Default 5 min: a build
   * holds the event loop for up to ~0.25 s at a time (report, then queue), so not more often.
   */
  freshMs?: number;
  /** The same for past months (they only change by purges). Default 1 h. */
  pastFreshMs?: number;
  /** Months kept (least recently used dropped). Default 6. */
  maxMonths?: number;
}

export interface MonthCache {
  /** The month's data; builds it (rejects when the log cannot be read) unless cached. */
  get(month: string): Promise<MonthData>;
  /** Builds the month in the background (at startup), logging a failure instead of throwing. */
  warm(month: string): void;
}

interface Slot {
  data?: MonthData;
  building?: Promise<MonthData>;
}

/** Resolves after the event loop has served what is waiting (I/O and timers included). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createMonthCache(options: MonthCacheOptions): MonthCache {
  const { questionLog, city, clock, logger } = options;
  const freshMs = options.freshMs ?? 300_000;
  const pastFreshMs = options.pastFreshMs ?? 3_600_000;
  const maxMonths = options.maxMonths ?? 6;
  const slots = new Map<string, Slot>();

  async function build(month: string): Promise<MonthData> {
    const builtAt = clock.now();
    const range = monthRange(month);
    const records = await questionLog.read(city, range.from, range.to);
    // Both builds are synchronous (~0.2 s each on 100,000 records): let waiting requests and
    // webhooks run between them, so the loop is held for one build at a time, not both.
    await turn();
    const report = buildMonthlyReport(records, { city, month });
    await turn();
    const queue = buildUnansweredQueue(records, { city, since: range.from, until: range.to });
    return { report, queue, builtAt };
  }

  function slotOf(month: string): Slot {
    let slot = slots.get(month);
    if (slot) slots.delete(month); // re-inserted below: most recently used last
    slot ??= {};
    slots.set(month, slot);
    while (slots.size > maxMonths) slots.delete(slots.keys().next().value!);
    return slot;
  }

  function rebuild(month: string, slot: Slot): Promise<MonthData> {
    slot.building ??= build(month)
      .then((data) => {
        slot.data = data;
        return data;
      })
      .finally(() => {
        slot.building = undefined;
      });
    return slot.building;
  }

  const isStale = (month: string, data: MonthData): boolean => {
    const now = clock.now();
    const ttl = month === jstMonth(now) ? freshMs : pastFreshMs;
    return now.getTime() - data.builtAt.getTime() >= ttl;
  };

  return {
    async get(month) {
      const slot = slotOf(month);
      if (!slot.data) return rebuild(month, slot);
      if (isStale(month, slot.data)) {
        rebuild(month, slot).catch((err: unknown) =>
          logger.warn({ err, month }, 'admin API: refreshing a month of the question log failed'),
        );
      }
      return slot.data;
    },
    warm(month) {
      rebuild(month, slotOf(month)).catch((err: unknown) =>
        logger.warn({ err, month }, 'admin API: warming a month of the question log failed'),
      );
    },
  };
}
