/**
 * What the month endpoints (`/reports`, `/unanswered`) share: their deps, the checked query
 * (`city`, `month`, `department`, `format`), reading the month from the cache with a 503 when
 * the log is down, CSV for Excel, and the department names for the console's select.
 */
import type { Request, Response } from 'express';
import type { Clock, Logger, QuestionLog } from '../../ports.js';
import type { MonthlyReport } from '../../reports/index.js';
import { MonthSchema } from '../../schema/index.js';
import type { MonthBuilder, MonthCache, MonthData } from './month-cache.js';

export interface AdminReportsDeps {
  questionLog: QuestionLog;
  /** The city this server runs. */
  city: string;
  /** The city's name in the content in service (it may be reloaded). */
  cityName?(): string | undefined;
  clock: Clock;
  /** The question of an entry id in the content in service, shown beside ids. */
  entryQuestion?(id: string): string | undefined;
  /** The departments of the content in service (city.yaml, then FAQ entries), for selects. */
  departments?(): string[];
  /**
   * Builds a month (read + report + queue). Default: in this thread, on `questionLog`; the
   * server gives a worker thread's on Redis (src/wiring/month-builder.ts).
   */
  builder?: MonthBuilder;
  /**
   * Build the months the builder lists (every retained month with records, newest first; this
   * month and last without a list) in the background 2 s after start (the server; not tests).
   */
  warm?: boolean;
  logger: Logger;
}

export const one = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;

/** A month's query, checked: `{ city, month, department?, format }` or a 400/404 already sent. */
export interface MonthQuery {
  city: string;
  month: string;
  department?: string;
  format: 'json' | 'csv';
}

/** Reads and checks `city`, `month`, `department` and `format`; answers 400/404 itself. */
export function monthQuery(
  req: Request,
  res: Response,
  deps: AdminReportsDeps,
  defaultMonth: string,
): MonthQuery | undefined {
  const city = one(req.query['city']) ?? deps.city;
  const month = one(req.query['month']) ?? defaultMonth;
  const department = one(req.query['department'])?.trim() || undefined;
  const format = one(req.query['format']) ?? 'json';
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9-]*$/.test(city)) problems.push('city: must be a city id like komaki');
  if (!MonthSchema.safeParse(month).success) problems.push('month: use YYYY-MM, e.g. 2026-04');
  if (department !== undefined && department.length > 40)
    problems.push('department: must be at most 40 characters');
  if (format !== 'json' && format !== 'csv') problems.push('format: must be json or csv');
  if (problems.length > 0) {
    res.status(400).json({ error: problems.join('; '), code: 'reports/bad-request', problems });
    return undefined;
  }
  if (city !== deps.city) {
    res.status(404).json({
      error: `this server keeps the question log of "${deps.city}" only`,
      code: 'reports/unknown-city',
    });
    return undefined;
  }
  return { city, month, format: format as 'json' | 'csv', ...(department ? { department } : {}) };
}

/** The month's data, or a 503 already sent when the log cannot be read. */
export async function monthData(
  cache: MonthCache,
  month: string,
  res: Response,
  logger: Logger,
): Promise<MonthData | undefined> {
  try {
    return await cache.get(month);
  } catch (err) {
    logger.warn({ err }, 'admin API: the question log could not be read');
    res
      .status(503)
      .json({ error: 'the question log is not reachable now', code: 'reports/unavailable' });
    return undefined;
  }
}

/**
 * Sends CSV for Excel as Japanese offices use it: UTF-8 with a byte-order mark (without one,
 * Excel reads the file as Shift_JIS and shows mojibake), as a download named `filename`
 * (non-ASCII department names go in `filename*`, RFC 6266).
 */
export function sendCsv(res: Response, filename: string, csv: string): void {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const star = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  res.set(
    'Content-Disposition',
    ascii === filename
      ? `attachment; filename="${filename}"`
      : `attachment; filename="${ascii}"; filename*=UTF-8''${star}`,
  );
  res.type('text/csv; charset=utf-8').send(`\uFEFF${csv}`);
}

/** Department names for a select: the city's, then any others the month's log names. */
export function departmentNames(deps: AdminReportsDeps, report: MonthlyReport): string[] {
  const names = [...(deps.departments?.() ?? [])];
  for (const d of report.departments) if (!names.includes(d.department)) names.push(d.department);
  return names;
}
