/**
 * Where `report`, `report export` and `unanswered` read the question log: a JSON-lines export
 * (`--from FILE`, e.g. written by `report export --format jsonl`) or the server's Redis
 * (`REDIS_URL`, `REDIS_PREFIX`). Also the flags and dates those commands share.
 */
import { readFile } from 'node:fs/promises';
import { loadCity } from '../content/index.js';
import { MadoguchiError } from '../errors.js';
import type { QuestionLogRecord } from '../ports.js';
import { jstDayStart, jstMonth, previousMonth } from '../reports/index.js';
import { MonthSchema, QuestionLogRecordSchema } from '../schema/index.js';
import { createRedisQuestionLog } from '../store/question-log/index.js';
import { InputFileError, UsageError } from './cli-errors.js';
import type { CliIo } from './command.js';
import { defaultCity, faqRoot } from './paths.js';

/** A `--from` file line that is not a question-log record. */
export class BadLogFileError extends MadoguchiError {
  override name = 'BadLogFileError';
  constructor(file: string, line: number, problem: string) {
    super('cli/bad-log-file', `${file}:${line}: not a question-log record (${problem})`);
  }
}

/** The question log could not be reached. */
export class LogUnavailableError extends MadoguchiError {
  override name = 'LogUnavailableError';
  constructor(message: string) {
    super('cli/log-unavailable', message);
  }
}

export const SOURCE_FLAGS = {
  city: { type: 'string' },
  from: { type: 'string' },
} as const;

export const SOURCE_HELP = `  --city ID       the city (default: $CITY or komaki)
  --from FILE     read a JSON-lines export instead of the server's Redis
The log is read from Redis at $REDIS_URL (key prefix $REDIS_PREFIX, default madoguchi:).`;

/** The city of the command: `--city`, `CITY` or komaki. */
export function cityOf(flags: { city?: string }, io: CliIo): string {
  const city = flags.city ?? defaultCity(io);
  if (!/^[a-z][a-z0-9-]*$/.test(city))
    throw new UsageError(`--city must be a city id like komaki, got "${city}"`);
  return city;
}

/** `--month` or, by default, the month before this one (JST): the last complete month. */
export function monthOf(value: string | undefined, io: CliIo): string {
  if (value === undefined) return previousMonth(jstMonth(io.now()));
  if (!MonthSchema.safeParse(value).success)
    throw new UsageError(`--month must be YYYY-MM, got "${value}"`);
  return value;
}

/** A `YYYY-MM-DD` flag as the start of that day in Japan. */
export function dayOf(flag: string, value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new UsageError(`${flag} must be a date YYYY-MM-DD, got "${value}"`);
  }
  return jstDayStart(value);
}

/** Reads the city's records with from ≤ at < to, oldest first. */
export async function readLog(
  flags: { from?: string },
  io: CliIo,
  city: string,
  from: Date,
  to: Date,
): Promise<QuestionLogRecord[]> {
  if (flags.from !== undefined) {
    const records = await readExport(flags.from);
    return records
      .filter(
        (r) =>
          r.city === city && Date.parse(r.at) >= from.getTime() && Date.parse(r.at) < to.getTime(),
      )
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
  const url = io.env.REDIS_URL;
  if (!url) {
    throw new UsageError(
      'the question log lives in Redis: set REDIS_URL, or read an export with --from FILE',
    );
  }
  const months = Number(io.env.QUESTION_LOG_RETENTION_MONTHS || 13);
  const log = createRedisQuestionLog({
    url,
    ...(io.env.REDIS_PREFIX ? { prefix: io.env.REDIS_PREFIX } : {}),
    clock: { now: () => io.now() },
    retentionMonths: Number.isInteger(months) && months > 0 ? months : 13,
    commandTimeoutMs: 30_000,
  });
  try {
    await log.ready(5000).catch(() => {
      throw new LogUnavailableError('cannot reach Redis at REDIS_URL to read the question log');
    });
    return await log.read(city, from, to);
  } finally {
    await log.close();
  }
}

async function readExport(file: string): Promise<QuestionLogRecord[]> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InputFileError(file);
  });
  const out: QuestionLogRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BadLogFileError(file, i + 1, 'not JSON');
    }
    const parsed = QuestionLogRecordSchema.safeParse(value);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((x) => x.path.join('.') || 'record'))];
      throw new BadLogFileError(file, i + 1, `bad ${fields.join(', ')}`);
    }
    out.push(parsed.data);
  });
  return out;
}

/** The questions of the city's FAQ entries by id, to show beside ids; none if it does not load. */
export async function entryQuestions(
  city: string,
  io: CliIo,
): Promise<{ name?: string; question(id: string): string | undefined }> {
  try {
    const loaded = await loadCity(faqRoot(io), city);
    const byId = new Map(loaded.entries.map((e) => [e.id, e.question]));
    return {
      ...(loaded.config ? { name: loaded.config.name } : {}),
      question: (id) => byId.get(id),
    };
  } catch (err) {
    const why = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    io.err(`madoguchi: the FAQ of "${city}" did not load (${why}); entries are shown by id only`);
    return { question: () => undefined };
  }
}
