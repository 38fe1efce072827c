/**
 * Serves the built web console (`vite build` → CONSOLE_DIR, with `base: '/admin/'`) under
 * `/admin`. Hashed files under `assets/` are cached for a year (a new build has new names);
 * every other path that is not `/admin/api/…` is a page of the single-page app and gets
 * `index.html`, revalidated on each load so a deployment shows at once. Without a build, pages
 * answer 503 with a hint instead of a bare 404. The security headers are set for all of
 * `/admin` by the app (security-headers.ts).
 */
import { join, resolve } from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';

export interface ConsoleDeps {
  /** The folder with the built `index.html` and `assets/`. */
  dir: string;
}

const NOT_BUILT = `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>管理画面</title></head>
<body><h1>管理画面がビルドされていません（npm run build）</h1>
<p>The admin console is not built: run <code>npm run build</code>.</p></body></html>
`;

const YEAR_SECONDS = 31_536_000;

/** Mount at `/admin`. Paths under `/api` pass through (the API answers them, 404 included). */
export function consoleRouter(deps: ConsoleDeps): Router {
  const dir = resolve(deps.dir);
  const index = join(dir, 'index.html');
  const router = express.Router({ strict: true });

  // `/admin` (no slash): relative asset URLs in index.html need the trailing slash.
  router.get('/', (req, res, next) => {
    if (req.originalUrl.split('?')[0] !== '/admin') return next();
    const query = req.originalUrl.slice('/admin'.length);
    res.redirect(301, `/admin/${query}`);
  });
  router.use((req, _res, next) => {
    // '/api' and '/api/…' belong to the admin API (its own 404 when unknown), never the SPA.
    if (req.path === '/api' || req.path.startsWith('/api/')) return next('router');
    next();
  });
  router.use(
    '/assets',
    express.static(join(dir, 'assets'), {
      index: false,
      redirect: false,
      immutable: true,
      maxAge: YEAR_SECONDS * 1000,
    }),
    // A missing asset is a 404, never index.html (a browser would run HTML as a script).
    (_req: Request, res: Response) => {
      res.status(404).type('text').send('not found');
    },
  );
  // Other built files (favicon and the like), revalidated like index.html.
  router.use(
    express.static(dir, {
      index: false,
      redirect: false,
      cacheControl: false,
      setHeaders: (res) => res.set('Cache-Control', 'no-cache'),
    }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index, { cacheControl: false }, (err?: NodeJS.ErrnoException) => {
      if (!err) return;
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') {
        if (res.headersSent) return;
        res.status(503).type('html').send(NOT_BUILT);
        return;
      }
      next(err);
    });
  });
  return router;
}
