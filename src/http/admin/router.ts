/**
 * `/admin/api`: segmented broadcasts for city staff. Bearer tokens with roles (viewer reads,
 * broadcaster writes, admin also reads the audit log); JSON in and out; every write lands in
 * the append-only audit log (the use cases record it).
 *
 *   GET    /me                          who am I                       viewer
 *   POST   /audience/count              {target} → count               viewer
 *   GET    /broadcasts?state=&limit=    newest first                   viewer
 *   POST   /broadcasts                  create a draft (notice)        broadcaster
 *   GET    /broadcasts/:id                                             viewer
 *   PATCH  /broadcasts/:id              edit a draft                   broadcaster
 *   GET    /broadcasts/:id/preview      messages + exact count         viewer
 *   POST   /broadcasts/:id/test         send to the staff test ids     broadcaster
 *   POST   /broadcasts/:id/confirm      {count} → scheduled (409 stale) broadcaster
 *   POST   /broadcasts/:id/cancel                                      broadcaster
 *   GET    /broadcasts/:id/report       delivery report                viewer
 *   GET    /audit?limit=&before=        the audit log, newest first    admin
 *   GET    /reports?city=&month=        question-log monthly report    viewer  (reports-route.ts)
 *   GET    /unanswered?month=           unanswered queue (json|csv)    viewer  (unanswered-route.ts)
 *   GET    /meta, /dashboard, /faq/search; POST /notices/render (broadcaster): console-routes.ts
 *   POST/GET/DELETE /session             web console sign-in/out        —       (session-route.ts)
 */
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { BroadcastService } from '../../app/index.js';
import type { Logger } from '../../ports.js';
import { BroadcastIdSchema } from '../../schema/index.js';
import type { AdminToken } from '../../schema/index.js';
import { actorOf, requireRole, requireToken } from './auth.js';
import { createSessionAuth } from './session-auth.js';
import type { AdminSessionDeps } from './session-auth.js';
import { sessionRoutes } from './session-route.js';
import { createSignInThrottle } from './sign-in-throttle.js';
import { adminErrorHandler } from './errors.js';
import { reportsRoutes } from './reports-route.js';
import type { AdminReportsDeps } from './reports-route.js';
import { consoleRoutes } from './console-routes.js';
import type { AdminConsoleDeps } from './console-routes.js';

export interface AdminDeps {
  service: BroadcastService;
  tokens: readonly AdminToken[];
  logger: Logger;
  /** The question-log reports; absent: no `/reports` endpoint. */
  reports?: AdminReportsDeps;
  /** The console's read endpoints (meta, dashboard, FAQ tester, notice preview); absent: none. */
  console?: AdminConsoleDeps;
  /** Web console sessions (cookie + CSRF); absent: bearer tokens only, no `/session`. */
  sessions?: AdminSessionDeps;
}

type Handler = (req: Request, res: Response) => Promise<unknown>;

/** Runs an async handler and answers its result as JSON (`status` for creations). */
const json =
  (handler: Handler, status = 200) =>
  (req: Request, res: Response, next: NextFunction): void => {
    handler(req, res).then((body) => res.status(status).json(body), next);
  };

/** Answers 400 for an id that cannot be a broadcast id, before anything reads the store. */
function checkId(req: Request, res: Response, next: NextFunction): void {
  if (BroadcastIdSchema.safeParse(req.params['id']).success) {
    next();
    return;
  }
  res.status(400).json({
    error: `"${String(req.params['id']).slice(0, 60)}" is not a broadcast id (like 20260401-k3f9qz)`,
    code: 'broadcast/bad-request',
  });
}

export function adminRouter(deps: AdminDeps): Router {
  const { service } = deps;
  const router = express.Router();
  const viewer = requireRole('viewer');
  const broadcaster = requireRole('broadcaster');
  const id = (req: Request) => String(req.params['id']);

  const sessions = deps.sessions && createSessionAuth(deps.sessions, deps.tokens);
  if (sessions) {
    const throttle = createSignInThrottle({ clock: sessions.deps.clock });
    sessionRoutes(router, { tokens: deps.tokens, sessions, throttle, logger: deps.logger });
  }
  router.use(requireToken(deps.tokens, sessions));
  router.use(express.json({ limit: '100kb' }));
  router.param('id', (req, res, next) => checkId(req, res, next));

  router.get(
    '/me',
    viewer,
    json(async (_req, res) => actorOf(res)),
  );
  router.post(
    '/audience/count',
    viewer,
    json(async (req) => service.count(req.body)),
  );
  router.get(
    '/broadcasts',
    viewer,
    json(async (req) => ({ broadcasts: await service.list(req.query) })),
  );
  router.post(
    '/broadcasts',
    broadcaster,
    json(async (req, res) => service.create(actorOf(res), req.body), 201),
  );
  router.get(
    '/broadcasts/:id',
    viewer,
    json(async (req) => service.get(id(req))),
  );
  router.patch(
    '/broadcasts/:id',
    broadcaster,
    json(async (req, res) => service.update(actorOf(res), id(req), req.body)),
  );
  router.get(
    '/broadcasts/:id/preview',
    viewer,
    json(async (req) => service.preview(id(req))),
  );
  router.post(
    '/broadcasts/:id/test',
    broadcaster,
    json(async (req, res) => service.test(actorOf(res), id(req))),
  );
  router.post(
    '/broadcasts/:id/confirm',
    broadcaster,
    json(async (req, res) => service.confirm(actorOf(res), id(req), req.body)),
  );
  router.post(
    '/broadcasts/:id/cancel',
    broadcaster,
    json(async (req, res) => service.cancel(actorOf(res), id(req))),
  );
  router.get(
    '/broadcasts/:id/report',
    viewer,
    json(async (req) => service.report(id(req))),
  );
  router.get(
    '/audit',
    requireRole('admin'),
    json(async (req) => ({ entries: await service.audit(req.query) })),
  );
  if (deps.reports) reportsRoutes(router, deps.reports, viewer);
  if (deps.console) consoleRoutes(router, deps.console, service, { viewer, broadcaster });
  router.use((req, res) => {
    res
      .status(404)
      .json({ error: `no admin endpoint ${req.method} ${req.path}`, code: 'admin/not-found' });
  });
  router.use(adminErrorHandler(deps.logger));
  return router;
}
