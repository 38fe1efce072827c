/**
 * The question log in memory: the default without `REDIS_URL` (lost on restart) and the log of
 * tests. Records are kept per city in time order; retention follows the injected clock.
 */
import type { Clock, QuestionLog } from '../../ports.js';
import { jstDayStart, retentionCutoff } from '../../reports/index.js';
import { DEFAULT_RETENTION_MONTHS } from '../../schema/index.js';
import type { QuestionLogRecord } from '../../schema/index.js';
import { parseQuestionLogInput } from './question-log-record.js';

export interface QuestionLogOptions {
  clock: Clock;
  /** Months a record is kept. Default 13. */
  retentionMonths?: number;
}

const DAY_MS = 86_400_000;

interface Kept {
  ms: number;
  record: QuestionLogRecord;
}

export function createMemoryQuestionLog(options: QuestionLogOptions): QuestionLog {
  const months = options.retentionMonths ?? DEFAULT_RETENTION_MONTHS;
  const byCity = new Map<string, Kept[]>();
  let seq = 0;
  const cutoff = () => retentionCutoff(options.clock.now(), months).getTime();

  /** Index of the first record at or after `ms` (binary search). */
  function lowerBound(list: Kept[], ms: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.ms < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function purgeNow(): number {
    const limit = cutoff();
    let removed = 0;
    for (const list of byCity.values()) {
      const n = lowerBound(list, limit);
      if (n > 0) list.splice(0, n);
      removed += n;
    }
    return removed;
  }

  return {
    async append(input) {
      seq += 1;
      const record = parseQuestionLogInput(input, `m${seq.toString(36).padStart(8, '0')}`);
      const ms = Date.parse(record.at);
      const limit = cutoff();
      if (ms < limit) return;
      let list = byCity.get(record.city);
      if (!list) byCity.set(record.city, (list = []));
      if (list.length > 0 && list[0]!.ms < limit) purgeNow();
      // After every record at the same time: ties keep the append order.
      list.splice(lowerBound(list, ms + 1), 0, { ms, record });
    },
    async read(city, from, to) {
      const list = byCity.get(city) ?? [];
      const start = lowerBound(list, Math.max(from.getTime(), cutoff()));
      const end = lowerBound(list, to.getTime());
      return list.slice(start, Math.max(start, end)).map((k) => structuredClone(k.record));
    },
    async purge() {
      return purgeNow();
    },
    async daily(city, days) {
      const list = byCity.get(city) ?? [];
      const limit = cutoff();
      return days.map((day) => {
        const from = jstDayStart(day).getTime();
        const figures = {
          day,
          questions: 0,
          answered: 0,
          ambiguous: 0,
          noAnswer: 0,
          feedback: 0,
          helpful: 0,
        };
        // As on Redis: a day counts whole unless it is wholly older than the retention.
        if (from + DAY_MS <= limit) return figures;
        const end = lowerBound(list, from + DAY_MS);
        for (let i = lowerBound(list, from); i < end; i++) {
          const r = list[i]!.record;
          if (r.kind === 'feedback') {
            figures.feedback++;
            if (r.helpful) figures.helpful++;
            continue;
          }
          figures.questions++;
          if (r.verdict === 'answered') figures.answered++;
          else if (r.verdict === 'ambiguous') figures.ambiguous++;
          else figures.noAnswer++;
        }
        return figures;
      });
    },
  };
}
