/**
 * The console's month cache with a `MonthBuilder` (src/http/admin/month-cache.ts): the warm-up
 * builds every month the builder lists, newest first and one at a time, and after it each
 * month's first view comes from memory; the default builder works in-process on the log.
 */
import { describe, expect, it } from 'vitest';
import { createMonthCache } from '../../src/http/admin/month-cache.js';
import type { MonthBuilder, MonthData } from '../../src/http/admin/month-cache.js';
import { buildMonthlyReport, previousMonth } from '../../src/reports/index.js';
import { createMemoryQuestionLog } from '../../src/store/question-log/index.js';
import { manualClock } from '../contract/manual-clock.js';
import { APRIL_LOG } from '../reports/fixture.js';
import { captureLogger } from '../setup/capture-logger.js';

const clock = manualClock(new Date('2026-05-10T03:00:00Z'));

/** A builder that records its calls and how many ran at once; `fail` months reject. */
function countingBuilder(months: string[], fail: string[] = []) {
  const calls: string[] = [];
  let running = 0;
  let most = 0;
  const builder: Required<MonthBuilder> = {
    async build(city, month): Promise<MonthData> {
      calls.push(month);
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setImmediate(r));
      running--;
      if (fail.includes(month)) throw new Error(`${month} could not be read`);
      return { report: buildMonthlyReport([], { city, month }), queue: [], builtAt: clock.now() };
    },
    monthsWithRecords: async () => months,
  };
  return { builder, calls, most: () => most };
}

describe('createMonthCache with a builder', () => {
  it('warms the listed months newest first, one at a time; their first view is from memory', async () => {
    const months = ['2026-05', '2026-04', '2026-03', '2025-12'];
    const { builder, calls, most } = countingBuilder(months, ['2026-03']);
    const logger = captureLogger();
    const cache = createMonthCache({
      questionLog: createMemoryQuestionLog({ clock }),
      builder,
      city: 'testcity',
      clock,
      logger,
    });
    expect(await cache.warmAll()).toEqual(['2026-05', '2026-04', '2025-12']);
    expect(calls).toEqual(months);
    expect(most()).toBe(1);
    expect(logger.messages('warn')).toEqual([
      'admin API: warming a month of the question log failed',
    ]);
    expect(logger.messages('info')).toEqual(['admin API: warmed 3 month(s) of the question log']);
    for (const month of ['2025-12', '2026-04', '2026-05']) {
      expect((await cache.get(month)).report.month).toBe(month);
    }
    expect(calls).toEqual(months); // no build for the views
    // A second warm-up leaves fresh months alone and retries the one that failed.
    expect(await cache.warmAll()).toEqual([]);
    expect(calls).toEqual([...months, '2026-03']);
  });

  it('keeps 14 months by default (a 13-month retention spans 14 calendar months)', async () => {
    const months = ['2026-05'];
    while (months.length < 14) months.push(previousMonth(months.at(-1)!));
    const { builder, calls } = countingBuilder(months);
    const cache = createMonthCache({
      questionLog: createMemoryQuestionLog({ clock }),
      builder,
      city: 'testcity',
      clock,
      logger: captureLogger(),
    });
    await cache.warmAll();
    for (const month of months) await cache.get(month);
    expect(calls).toHaveLength(14);
  });

  it('builds in-process from the log without a builder (this month and last at warm-up)', async () => {
    const questionLog = createMemoryQuestionLog({ clock });
    for (const { id: _id, ...r } of APRIL_LOG) await questionLog.append(r);
    const cache = createMonthCache({
      questionLog,
      city: 'testcity',
      clock,
      logger: captureLogger(),
    });
    expect(await cache.warmAll()).toEqual(['2026-05', '2026-04']);
    const april = await cache.get('2026-04');
    expect(april.report.overall.questions).toBeGreaterThan(0);
    expect(april.builtAt).toEqual(clock.now());
  });
});
