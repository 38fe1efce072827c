/**
 * The question log on Redis: one sorted set per city, scored by the record's time in ms, each
 * member the record's JSON with its id first (unique, and in append order within one writer).
 * Retention is exact: reads never return records older than the cutoff, and a purge (started at
 * most once an hour by `append`, by the injected clock) removes them with ZREMRANGEBYSCORE. That
 * purge runs in the background, so a resident's event never waits for it; if it fails, the next
 * `append` (after storing its record) or `close` rejects with the failure, so it gets logged.
 */
import { randomBytes } from 'node:crypto';
import type { Clock, QuestionLog, QuestionLogDay } from '../../ports.js';
import { jstDate, jstDayStart, retentionCutoff } from '../../reports/index.js';
import { DEFAULT_RETENTION_MONTHS, QuestionLogRecordSchema } from '../../schema/index.js';
import type { QuestionLogRecord } from '../../schema/index.js';
import { decode } from '../codec.js';
import { createKeys } from '../keys.js';
import type { QuestionLogKeys } from '../keys.js';
import { parseQuestionLogInput } from './question-log-record.js';
import { StoreError } from '../store-error.js';
import { openStoreConnection, whenReady } from '../redis-connection.js';
import type { RedisSource } from '../redis-connection.js';

/** With a `url`, the log's own connection; commands time out after 5,000 ms by default. */
export type RedisQuestionLogOptions = RedisSource & {
  /** Key prefix (see `keys.ts`); default `madoguchi:`. */
  prefix?: string;
  clock: Clock;
  /** Months a record is kept. Default 13. */
  retentionMonths?: number;
  /** Records fetched per ZRANGEBYSCORE page when reading. Default 10,000. */
  pageSize?: number;
};

export interface RedisQuestionLog extends QuestionLog {
  readonly keys: QuestionLogKeys;
  /** Resolves once connected; rejects on the first connection error or after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;
  /** Resolves once a background purge in flight has finished (whether or not it failed). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const PURGE_EVERY_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** A day's hash as figures (absent fields are 0). */
function dayFigures(day: string, raw: Record<string, string>): QuestionLogDay {
  const n = (field: string) => Number(raw[field] ?? 0) || 0;
  return {
    day,
    questions: n('questions'),
    answered: n('answered'),
    ambiguous: n('ambiguous'),
    noAnswer: n('no_answer'),
    feedback: n('feedback'),
    helpful: n('helpful'),
  };
}

export function createRedisQuestionLog(options: RedisQuestionLogOptions): RedisQuestionLog {
  const keys = createKeys(options.prefix).questionLog;
  const months = options.retentionMonths ?? DEFAULT_RETENTION_MONTHS;
  const pageSize = options.pageSize ?? 10_000;
  const connection = openStoreConnection(options, { name: 'question log', commandTimeoutMs: 5000 });
  const { redis } = connection;

  const now = () => options.clock.now().getTime();
  const cutoff = () => retentionCutoff(options.clock.now(), months).getTime();
  let lastPurge = -Infinity;
  let seq = 0;
  /** Time (base 36, fixed width) + a per-writer sequence + randomness: unique and ordered. */
  const newId = (ms: number) => {
    seq = (seq + 1) % 36 ** 4;
    return `${ms.toString(36).padStart(9, '0')}${seq.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
  };

  async function purge(): Promise<number> {
    lastPurge = now();
    // The cutoff of the moment the purge was asked for, even if it finishes later.
    const limit = cutoff();
    const cities = await redis.smembers(keys.cities());
    if (cities.length === 0) return 0;
    const multi = redis.multi();
    for (const city of cities) multi.zremrangebyscore(keys.records(city), '-inf', `(${limit}`);
    const results = (await multi.exec()) ?? [];
    return results.reduce((n, [err, removed]) => n + (err ? 0 : Number(removed)), 0);
  }

  let purging: Promise<void> | undefined;
  let purgeFailure: { cause: unknown } | undefined;
  function purgeInBackground(): void {
    purging = purge().then(
      () => {
        purging = undefined;
      },
      (cause: unknown) => {
        purging = undefined;
        purgeFailure = { cause };
      },
    );
  }
  /** Rejects, once, with the failure of the last background purge. */
  function reportPurgeFailure(): void {
    if (!purgeFailure) return;
    const { cause } = purgeFailure;
    purgeFailure = undefined;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new StoreError(
      'store/unavailable',
      `question log: the background retention purge failed (${reason}); old records stay until the next purge`,
      undefined,
      { cause },
    );
  }

  return {
    keys,
    ready: (timeoutMs) => whenReady(redis, timeoutMs, { failOnError: true }),
    async append(input) {
      const ms = Date.parse(input.at);
      const record = parseQuestionLogInput(input, newId(Number.isFinite(ms) ? ms : 0));
      if (Date.parse(record.at) < cutoff()) return;
      const { id, ...rest } = record;
      const member = JSON.stringify({ id, ...rest });
      // The day's counts change in the same MULTI as the record: they never disagree with it.
      const at = Date.parse(record.at);
      const dayKey = keys.day(record.city, jstDate(new Date(at)));
      const field =
        record.kind === 'question' ? record.verdict : record.helpful ? 'helpful' : undefined;
      const multi = redis
        .multi()
        .zadd(keys.records(record.city), at, member)
        .sadd(keys.cities(), record.city)
        .hincrby(dayKey, record.kind === 'question' ? 'questions' : 'feedback', 1);
      if (field) multi.hincrby(dayKey, field, 1);
      // Kept as long as the day's records can be read, then Redis forgets it by itself.
      await multi.pexpireat(dayKey, at + (months * 31 + 2) * DAY_MS).exec();
      if (now() - lastPurge >= PURGE_EVERY_MS) purgeInBackground();
      reportPurgeFailure();
    },
    async read(city, from, to) {
      const min = Math.max(from.getTime(), cutoff());
      const max = `(${to.getTime()}`;
      const out: QuestionLogRecord[] = [];
      for (let offset = 0; ; offset += pageSize) {
        const page = await redis.zrangebyscore(
          keys.records(city),
          min,
          max,
          'LIMIT',
          offset,
          pageSize,
        );
        for (const raw of page)
          out.push(decode(QuestionLogRecordSchema, raw, 'question-log record'));
        if (page.length < pageSize) return out;
      }
    },
    purge,
    async daily(city, days) {
      const limit = cutoff();
      const pipeline = redis.pipeline();
      for (const day of days) pipeline.hgetall(keys.day(city, day));
      const replies = (await pipeline.exec()) ?? [];
      return days.map((day, i) => {
        const [err, raw] = replies[i] ?? [null, {}];
        if (err) throw err;
        // A day wholly older than the retention counts nothing, as `read` returns nothing.
        const expired = jstDayStart(day).getTime() + DAY_MS <= limit;
        return dayFigures(day, expired ? {} : (raw as Record<string, string>));
      });
    },
    idle: async () => {
      await purging;
    },
    async close() {
      await purging;
      await connection.close();
      reportPurgeFailure();
    },
  };
}
