/**
 * The read endpoints of the web console (issue 8), registered on the admin router:
 *
 *   GET  /meta                 city, lists, templates, quiet hours, departments   viewer
 *   GET  /dashboard            residents, segment sizes, 30 days of questions     viewer
 *   GET  /faq/search?q=&top=   ranked entries with the terms that matched          viewer
 *   POST /notices/render       a draft notice as the LINE messages it would send   broadcaster
 *
 * (`/reports` and `/unanswered` are in reports-route.ts.) Each reads only what the page needs
 * and answers within the console's 300 ms budget on 100,000 residents (bench/console-api.ts).
 */
import type { RequestHandler, Router } from 'express';
import type { BroadcastService } from '../../app/index.js';
import type { AdminConsoleDeps } from './console-deps.js';
import { dashboardRoute } from './dashboard-route.js';
import { faqSearchRoute } from './faq-search-route.js';
import { metaRoute } from './meta-route.js';
import { noticesRoute } from './notices-route.js';

export type { AdminConsoleDeps } from './console-deps.js';

export function consoleRoutes(
  router: Router,
  deps: AdminConsoleDeps,
  service: BroadcastService,
  roles: { viewer: RequestHandler; broadcaster: RequestHandler },
): void {
  metaRoute(router, deps, roles.viewer);
  dashboardRoute(router, deps, service, roles.viewer);
  faqSearchRoute(router, deps, roles.viewer);
  noticesRoute(router, deps, roles.broadcaster);
}
