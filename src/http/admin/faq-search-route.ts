/**
 * `GET /admin/api/faq/search?q=&top=10` (viewer+): the FAQ tester. Runs the same search the bot
 * runs on the content in service (uncached, so `tookMs` is the engine's real time) and explains
 * each hit with the query's terms as searched (src/search/explain.ts).
 */
import type { RequestHandler, Router } from 'express';
import { explainSearch, search } from '../../search/index.js';
import { contentOr503 } from './console-deps.js';
import type { AdminConsoleDeps } from './console-deps.js';
import { one } from './month-query.js';

const MAX_QUERY = 500;
const MAX_TOP = 50;

export function faqSearchRoute(
  router: Router,
  deps: AdminConsoleDeps,
  viewer: RequestHandler,
): void {
  router.get('/faq/search', viewer, (req, res) => {
    const q = (one(req.query['q']) ?? '').trim();
    const topText = one(req.query['top']) ?? '10';
    const top = Number(topText);
    const problems: string[] = [];
    if (q === '') problems.push('q: 質問を入力してください');
    else if (q.length > MAX_QUERY) problems.push(`q: ${MAX_QUERY}文字以内で入力してください`);
    if (!/^\d+$/.test(topText) || top < 1 || top > MAX_TOP)
      problems.push(`top: 1から${MAX_TOP}までの数にしてください`);
    if (problems.length > 0) {
      res.status(400).json({ error: problems.join('; '), code: 'faq/bad-query', problems });
      return;
    }
    const content = contentOr503(deps, res);
    if (!content) return;
    const started = performance.now();
    const outcome = search(content.index, q, { top });
    const explained = explainSearch(content.index, q, outcome.results);
    const tookMs = Math.round((performance.now() - started) * 100) / 100;
    res.json({
      query: q,
      verdict: outcome.status,
      terms: explained.terms,
      repaired: explained.repaired,
      results: outcome.results.map((hit, i) => ({
        rank: i + 1,
        id: hit.entry.id,
        question: hit.entry.question,
        ...(hit.entry.department ? { department: hit.entry.department } : {}),
        status: hit.entry.status,
        score: hit.score,
        relevance: hit.relevance ?? 0,
        matched: explained.hits[i]?.matched ?? [],
      })),
      tookMs,
    });
  });
}
