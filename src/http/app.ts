/**
 * The express app: webhook, health and metrics routes, the admin API and web console, and the
 * mapping of errors to statuses.
 */
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import type { Logger } from '../ports.js';
import { healthRouter } from './health-routes.js';
import type { HealthDeps } from './health-routes.js';
import { webhookRouter } from './webhook-route.js';
import type { WebhookDeps } from './webhook-route.js';
import { adminRouter } from './admin/router.js';
import type { AdminDeps } from './admin/router.js';
import { consoleRouter, consoleSecurityHeaders } from './console/index.js';
import type { ConsoleDeps } from './console/index.js';

/** Express's `trust proxy`: off, `loopback`, a number of hops, or every proxy (`true`). */
export type TrustProxy = boolean | number | 'loopback';

/**
 * `admin` absent: no admin API (local tools without broadcasts). `console` absent: no web
 * console pages. `trustProxy`: who may tell us the client's IP and HTTPS (default: nobody).
 */
export type HttpDeps = WebhookDeps &
  HealthDeps & {
    logger: Logger;
    admin?: AdminDeps;
    console?: ConsoleDeps;
    trustProxy?: TrustProxy;
  };

export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS proxy, `req.secure` (the cookie's Secure flag) and `req.ip` (sign-in
  // throttling) come from X-Forwarded-* — believed only from the proxies configured here.
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(webhookRouter(deps));
  app.use(healthRouter(deps));
  // Every answer under /admin (pages, assets, redirect, API JSON and its errors) carries the
  // console's CSP and anti-framing / no-sniff headers.
  if (deps.admin || deps.console) app.use('/admin', consoleSecurityHeaders);
  if (deps.admin) app.use('/admin/api', adminRouter(deps.admin));
  if (deps.console) app.use('/admin', consoleRouter(deps.console));
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    // body-parser errors carry a 4xx status (413 too large, 400 aborted, 415 …).
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      deps.metrics.count('madoguchi_webhook_requests_total', { status });
      res.status(status).json({ error: (err as Error).message });
      return;
    }
    deps.logger.error({ err }, 'request failed');
    res.status(500).json({ error: 'internal error' });
  });
  return app;
}
