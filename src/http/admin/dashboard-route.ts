/**
 * `GET /admin/api/dashboard` (viewer+): the console's home page in one request. Every figure is
 * read from counters kept as things happen, never by scanning: residents from the audience's
 * bitmaps (`Audience.stats`, BITCOUNT), segment sizes by `Audience.count` per topic and area,
 * questions from the log's per-day counts (`QuestionLog.daily`, 30 small hashes), and the
 * newest five broadcasts.
 */
import type { RequestHandler, Router } from 'express';
import type { BroadcastService } from '../../app/index.js';
import type { QuestionLogDay } from '../../ports.js';
import { jstDate } from '../../reports/index.js';
import { contentOr503 } from './console-deps.js';
import type { AdminConsoleDeps } from './console-deps.js';

const DAYS = 30;
const DAY_MS = 86_400_000;

/** The last `n` JST days up to today, oldest first (`YYYY-MM-DD`). */
export function lastDays(now: Date, n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    jstDate(new Date(now.getTime() - (n - 1 - i) * DAY_MS)),
  );
}

function questionFigures(days: string[], daily: QuestionLogDay[]) {
  const sum = (f: (d: QuestionLogDay) => number) => daily.reduce((n, d) => n + f(d), 0);
  const total = sum((d) => d.questions);
  const feedback = sum((d) => d.feedback);
  const helpful = sum((d) => d.helpful);
  const answered = sum((d) => d.answered);
  return {
    days,
    daily: daily.map((d) => d.questions),
    total,
    answered,
    ambiguous: sum((d) => d.ambiguous),
    noAnswer: sum((d) => d.noAnswer),
    answeredShare: total === 0 ? 0 : answered / total,
    feedback,
    helpful,
    helpfulShare: feedback === 0 ? null : helpful / feedback,
  };
}

export function dashboardRoute(
  router: Router,
  deps: AdminConsoleDeps,
  service: BroadcastService,
  viewer: RequestHandler,
): void {
  router.get('/dashboard', viewer, async (_req, res, next) => {
    const content = contentOr503(deps, res);
    if (!content) return;
    const { city } = content;
    const now = deps.clock.now();
    const days = lastDays(now, DAYS);
    const { audience, questionLog } = deps;
    try {
      const [residents, topics, areas, daily, broadcasts] = await Promise.all([
        audience.stats(),
        Promise.all(city.topics.map((t) => audience.count({ topics: [t.id] }))),
        Promise.all(city.areas.map((a) => audience.count({ areas: [a] }))),
        questionLog?.daily(city.id, days),
        service.list({ limit: 5 }),
      ]);
      res.json({
        generatedAt: now.toISOString(),
        residents,
        topics: city.topics.map((t, i) => ({ id: t.id, label: t.label, count: topics[i] })),
        areas: city.areas.map((a, i) => ({ id: a, label: a, count: areas[i] })),
        questions: daily ? questionFigures(days, daily) : null,
        broadcasts,
      });
    } catch (err) {
      next(err);
    }
  });
}
