/**
 * `GET /admin/api/unanswered?month=YYYY-MM&department=&format=json|csv` (role viewer or above):
 * the month's questions the bot could not answer or whose answer was marked 「役に立たなかった」,
 * grouped by wording, most frequent first; each group in the department most of its questions
 * went to. `month` defaults to this month (JST): the queue is work still to do.
 */
import type { RequestHandler, Router } from 'express';
import { jstMonth, queueToCsv } from '../../reports/index.js';
import type { MonthCache } from './month-cache.js';
import { departmentNames, monthData, monthQuery, sendCsv } from './month-query.js';
import type { AdminReportsDeps } from './month-query.js';

export function unansweredRoute(
  router: Router,
  deps: AdminReportsDeps,
  cache: MonthCache,
  viewer: RequestHandler,
): void {
  router.get('/unanswered', viewer, async (req, res) => {
    const q = monthQuery(req, res, deps, jstMonth(deps.clock.now()));
    if (!q) return;
    const data = await monthData(cache, q.month, res, deps.logger);
    if (!data) return;
    const groups = q.department
      ? data.queue.filter((g) => g.department === q.department)
      : data.queue;
    if (q.format === 'csv') {
      const name = `unanswered-${q.city}-${q.month}${q.department ? `-${q.department}` : ''}.csv`;
      sendCsv(res, name, queueToCsv(groups, { department: true }));
      return;
    }
    res.json({
      city: q.city,
      month: q.month,
      ...(q.department ? { department: q.department } : {}),
      departmentNames: departmentNames(deps, data.report),
      total: groups.reduce((n, g) => n + g.count, 0),
      groups,
      builtAt: data.builtAt.toISOString(),
    });
  });
}
