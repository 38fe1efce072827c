/**
 * The month's report and unanswered queue, built from one read of the question log and kept for
 * the console. A month of 100,000 records takes ~2 s to read and group (bench/RESULTS.md,
 * report), far over the console's 300 ms per request; the log only grows at its end, so a past
 * month never changes and the current one changes slowly. Each month is therefore built once and
 * served from memory: fresh for `freshMs` (current month; past months for `pastFreshMs`), then
 * served stale while one rebuild runs in the background (stale-while-revalidate), so after the
 * first build no request waits for the log. Concurrent first requests share one build. The build
 * itself is a `MonthBuilder`: in this thread by default (the memory log), in a worker thread on
 * Redis (src/wiring/month-builder.ts), which also lists the months worth warming at start.
 * See src/reports/DESIGN.md ("Console speed").
 */
import type { Clock, Logger, QuestionLog } from '../../ports.js';
import {
  buildMonthlyReport,
  buildUnansweredQueue,
  jstMonth,
  monthRange,
  previousMonth,
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

/** Reads a month of the question log and builds its report and queue. */
export interface MonthBuilder {
  /** The month's data; rejects when the log cannot be read or the build fails. */
  build(city: string, month: string): Promise<MonthData>;
  /**
   * The months (`YYYY-MM`) still within the retention that have records, newest first: what the
   * warm-up builds. Without it the warm-up builds this month and last month.
   */
  monthsWithRecords?(city: string): Promise<string[]>;
}

export interface MonthCacheOptions {
  questionLog: QuestionLog;
  /** Default: {@link inProcessMonthBuilder} on `questionLog`. */
  builder?: MonthBuilder;
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
  /**
   * Months kept (least recently used dropped). Default 14: a retention of 13 months (the
   * default) spans 14 calendar months, the oldest in part, and the warm-up builds them all.
   * One month of 100,000 questions holds ~0.7 MB (src/reports/DESIGN.md).
   */
  maxMonths?: number;
}

export interface MonthCache {
  /** The month's data; builds it (rejects when the log cannot be read) unless cached. */
  get(month: string): Promise<MonthData>;
  /**
   * Builds every month the builder lists (this month and last without a list), newest first, one
   * at a time; logs failures and resolves when done (never rejects). Returns the months built.
   */
  warmAll(): Promise<string[]>;
}

interface Slot {
  data?: MonthData;
  building?: Promise<MonthData>;
}

/** Resolves after the event loop has served what is waiting (I/O and timers included). */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Builds in this thread: reads the month, then the report and the queue, yielding to the event
 * loop between the three (each holds it for up to ~0.25 s on 100,000 records).
 */
export function inProcessMonthBuilder(questionLog: QuestionLog, clock: Clock): MonthBuilder {
  return {
    async build(city, month) {
      const builtAt = clock.now();
      const range = monthRange(month);
      const records = await questionLog.read(city, range.from, range.to);
      await turn();
      const report = buildMonthlyReport(records, { city, month });
      await turn();
      const queue = buildUnansweredQueue(records, { city, since: range.from, until: range.to });
      return { report, queue, builtAt };
    },
  };
}

export function createMonthCache(options: MonthCacheOptions): MonthCache {
  const { questionLog, city, clock, logger } = options;
  const builder = options.builder ?? inProcessMonthBuilder(questionLog, clock);
  const freshMs = options.freshMs ?? 300_000;
  const pastFreshMs = options.pastFreshMs ?? 3_600_000;
  const maxMonths = options.maxMonths ?? 14;
  const slots = new Map<string, Slot>();

  function slotOf(month: string): Slot {
    let slot = slots.get(month);
    if (slot) slots.delete(month); // re-inserted below: most recently used last
    slot ??= {};
    slots.set(month, slot);
    while (slots.size > maxMonths) slots.delete(slots.keys().next().value!);
    return slot;
  }

  function rebuild(month: string, slot: Slot): Promise<MonthData> {
    slot.building ??= builder
      .build(city, month)
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
    async warmAll() {
      const started = performance.now();
      let months: string[];
      try {
        const now = jstMonth(clock.now());
        months = builder.monthsWithRecords
          ? await builder.monthsWithRecords(city)
          : [now, previousMonth(now)];
      } catch (err) {
        logger.warn({ err }, 'admin API: listing the months of the question log failed');
        return [];
      }
      const built: string[] = [];
      for (const month of months) {
        const slot = slots.get(month) ?? slotOf(month);
        if (slot.data && !isStale(month, slot.data)) continue;
        try {
          await rebuild(month, slot);
          built.push(month);
        } catch (err) {
          logger.warn({ err, month }, 'admin API: warming a month of the question log failed');
        }
      }
      logger.info(
        { months: built, ms: Math.round(performance.now() - started) },
        `admin API: warmed ${built.length} month(s) of the question log`,
      );
      return built;
    },
  };
}
