/**
 * `GET /admin/api/reports?city=&month=` (role viewer or above): the monthly report of the
 * question log as JSON, the same data `madoguchi report` prints, for the web console.
 * `month` defaults to last month (JST); `city` to the city this server runs (the only one).
 */
import type { RequestHandler, Router } from 'express';
import type { Clock, Logger, QuestionLog } from '../../ports.js';
import { buildMonthlyReport, jstMonth, monthRange, previousMonth } from '../../reports/index.js';
import { MonthSchema } from '../../schema/index.js';

export interface AdminReportsDeps {
  questionLog: QuestionLog;
  /** The city this server runs. */
  city: string;
  /** The city's name in the content in service (it may be reloaded). */
  cityName?(): string | undefined;
  clock: Clock;
  /** The question of an entry id in the content in service, shown beside ids. */
  entryQuestion?(id: string): string | undefined;
  logger: Logger;
}

const one = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;

/** Adds the reports endpoint to the admin router, behind `viewer` (the role check). */
export function reportsRoutes(
  router: Router,
  deps: AdminReportsDeps,
  viewer: RequestHandler,
): void {
  router.get('/reports', viewer, async (req, res) => {
    const city = one(req.query['city']) ?? deps.city;
    const month = one(req.query['month']) ?? previousMonth(jstMonth(deps.clock.now()));
    const problems: string[] = [];
    if (!/^[a-z][a-z0-9-]*$/.test(city)) problems.push('city: must be a city id like komaki');
    if (!MonthSchema.safeParse(month).success) problems.push('month: use YYYY-MM, e.g. 2026-04');
    if (problems.length > 0) {
      res.status(400).json({ error: problems.join('; '), code: 'reports/bad-request', problems });
      return;
    }
    if (city !== deps.city) {
      res.status(404).json({
        error: `this server keeps the question log of "${deps.city}" only`,
        code: 'reports/unknown-city',
      });
      return;
    }
    const range = monthRange(month);
    let records;
    try {
      records = await deps.questionLog.read(city, range.from, range.to);
    } catch (err) {
      deps.logger.warn({ err }, 'admin API: the question log could not be read');
      res
        .status(503)
        .json({ error: 'the question log is not reachable now', code: 'reports/unavailable' });
      return;
    }
    const report = buildMonthlyReport(records, {
      city,
      month,
      ...(deps.entryQuestion ? { entryQuestion: deps.entryQuestion } : {}),
    });
    const cityName = deps.cityName?.();
    res.json({ ...(cityName ? { cityName } : {}), ...report });
  });
}
