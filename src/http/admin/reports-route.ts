/**
 * `GET /admin/api/reports?city=&month=&department=&format=json|csv` (role viewer or above): the
 * monthly report of the question log, the same data `madoguchi report` prints, for the web
 * console; and `GET /unanswered` (unanswered-route.ts) from the same month data. `month`
 * defaults to last month (JST); `city` to the city this server runs (the only one). Months come
 * from a cache (month-cache.ts) so the console never waits for a month of records twice.
 */
import type { RequestHandler, Router } from 'express';
import { buildMonthlyReport, jstMonth, previousMonth, reportToCsv } from '../../reports/index.js';
import type { Figures, MonthlyReport } from '../../reports/index.js';
import { createMonthCache } from './month-cache.js';
import { departmentNames, monthData, monthQuery, sendCsv } from './month-query.js';
import type { AdminReportsDeps } from './month-query.js';
import { unansweredRoute } from './unanswered-route.js';

export type { AdminReportsDeps } from './month-query.js';

function withQuestions(f: Figures, question: AdminReportsDeps['entryQuestion']): Figures {
  if (!question) return f;
  const q = (id: string) => {
    const text = question(id);
    return text === undefined ? {} : { question: text };
  };
  return {
    ...f,
    topEntries: f.topEntries.map((e) => ({ ...e, ...q(e.id) })),
    worstEntries: f.worstEntries.map((e) => ({ ...e, ...q(e.id) })),
  };
}

/** The report of one department (as `overall`, and its only entry in `departments`). */
function forDepartment(report: MonthlyReport, department: string): MonthlyReport {
  const found = report.departments.find((d) => d.department === department);
  const figures =
    found?.figures ?? buildMonthlyReport([], { city: report.city, month: report.month }).overall;
  return { ...report, overall: figures, departments: [{ department, figures }] };
}

/** Adds the reports and unanswered endpoints to the admin router, behind `viewer`. */
export function reportsRoutes(
  router: Router,
  deps: AdminReportsDeps,
  viewer: RequestHandler,
): void {
  const cache = createMonthCache(deps);
  if (deps.warm) {
    // A moment after start, when the store is connected (its offline queue is off).
    setTimeout(() => void cache.warmAll(), 2000).unref();
  }
  router.get('/reports', viewer, async (req, res) => {
    const q = monthQuery(req, res, deps, previousMonth(jstMonth(deps.clock.now())));
    if (!q) return;
    const data = await monthData(cache, q.month, res, deps.logger);
    if (!data) return;
    const whole = data.report;
    const picked = q.department ? forDepartment(whole, q.department) : whole;
    const report: MonthlyReport = {
      ...picked,
      overall: withQuestions(picked.overall, deps.entryQuestion),
      departments: picked.departments.map((d) => ({
        department: d.department,
        figures: withQuestions(d.figures, deps.entryQuestion),
      })),
    };
    if (q.format === 'csv') {
      const name = `report-${q.city}-${q.month}${q.department ? `-${q.department}` : ''}.csv`;
      sendCsv(res, name, reportToCsv(report, { overall: !q.department }));
      return;
    }
    const cityName = deps.cityName?.();
    res.json({
      ...(cityName ? { cityName } : {}),
      ...report,
      ...(q.department ? { department: q.department } : {}),
      departmentNames: departmentNames(deps, whole),
      builtAt: data.builtAt.toISOString(),
    });
  });
  unansweredRoute(router, deps, cache, viewer);
}
