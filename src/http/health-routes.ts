/**
 * `GET /healthz` (the process answers), `GET /readyz` (FAQ loaded, store reachable: JSON detail,
 * 503 when not ready) and `GET /metrics` (Prometheus text).
 */
import express from 'express';
import type { Router } from 'express';
import type { MetricsRegistry } from './metrics.js';

export interface CheckResult {
  ok: boolean;
  detail?: string;
}
export type ReadinessCheck = () => Promise<CheckResult>;

export interface HealthDeps {
  /** Named checks, e.g. `faq` and `store`; each gets `checkTimeoutMs` to answer. */
  checks: Record<string, ReadinessCheck>;
  metrics: MetricsRegistry;
  /** Facts shown by /healthz (mode, city). */
  info?: Record<string, string>;
  checkTimeoutMs?: number;
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([
      check().catch((err: unknown) => ({
        ok: false,
        detail: err instanceof Error ? err.message : String(err),
      })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRouter(deps: HealthDeps): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', ...deps.info });
  });
  router.get('/readyz', async (_req, res) => {
    const names = Object.keys(deps.checks);
    const results = await Promise.all(
      names.map((n) => runCheck(deps.checks[n]!, deps.checkTimeoutMs ?? 1000)),
    );
    const checks = Object.fromEntries(names.map((n, i) => [n, results[i]]));
    const ready = results.every((r) => r.ok);
    res.status(ready ? 200 : 503).json({ ready, checks });
  });
  router.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4; charset=utf-8').send(deps.metrics.render());
  });
  return router;
}
