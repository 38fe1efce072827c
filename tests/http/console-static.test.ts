/**
 * The built web console under /admin: SPA pages get index.html (revalidated), hashed assets are
 * cached for a year, every page carries the security headers, /admin/api/* stays JSON, and a
 * missing build answers 503 with a hint. A temp folder stands in for `vite build`'s output.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpApp, createMetricsRegistry } from '../../src/http/index.js';
import { captureLogger } from '../setup/capture-logger.js';
import { sessionWorld } from './session-fixture.js';

const INDEX =
  '<!doctype html><title>窓口 管理画面</title><script src="/admin/assets/app-3f9a.js"></script>';
const built = mkdtempSync(join(tmpdir(), 'madoguchi-console-'));
mkdirSync(join(built, 'assets'));
writeFileSync(join(built, 'index.html'), INDEX);
writeFileSync(join(built, 'assets', 'app-3f9a.js'), 'console.log("console")');
writeFileSync(join(built, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
const empty = mkdtempSync(join(tmpdir(), 'madoguchi-console-empty-'));
afterAll(() => {
  rmSync(built, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

const appFor = (dir: string) =>
  createHttpApp({
    dispatch: () => {},
    contentReady: () => true,
    checks: {},
    metrics: createMetricsRegistry(),
    logger: captureLogger(),
    console: { dir },
  });

const CSP =
  "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; " +
  "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const expectSecurityHeaders = (res: request.Response) => {
  expect(res.headers['content-security-policy']).toBe(CSP);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-frame-options']).toBe('DENY');
};

describe('the web console pages', () => {
  const app = appFor(built);

  it('redirects /admin to /admin/ (relative URLs need the slash), keeping the query', async () => {
    const res = await request(app).get('/admin');
    expect([res.status, res.headers['location']]).toEqual([301, '/admin/']);
    expect((await request(app).get('/admin?x=1')).headers['location']).toBe('/admin/?x=1');
  });

  it('answers index.html for the root and every SPA route, revalidated, with security headers', async () => {
    for (const path of [
      '/admin/',
      '/admin/broadcasts',
      '/admin/broadcasts/new',
      '/admin/broadcasts/20260401-k3f9qz',
      '/admin/faq',
      '/admin/unanswered',
      '/admin/reports',
      '/admin/audit',
    ]) {
      const res = await request(app).get(path);
      expect([path, res.status, res.text]).toEqual([path, 200, INDEX]);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expectSecurityHeaders(res);
    }
  });

  it('caches hashed assets for a year; a missing asset is a 404, not index.html', async () => {
    const js = await request(app).get('/admin/assets/app-3f9a.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(js);
    const missing = await request(app).get('/admin/assets/app-old.js');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<!doctype');
  });

  it('serves other built files, revalidated', async () => {
    const res = await request(app).get('/admin/favicon.svg');
    expect([res.status, res.headers['cache-control']]).toEqual([200, 'no-cache']);
  });

  it('never answers the SPA for /admin/api/*: unknown endpoints stay JSON 404s', async () => {
    for (const path of ['/admin/api', '/admin/api/', '/admin/api/nope']) {
      const res = await request(app).get(path);
      expect([path, res.status, res.headers['content-type']]).toEqual([
        path,
        404,
        expect.stringMatching(/^application\/json/),
      ]);
    }
    const w = await sessionWorld({ consoleDir: built });
    const res = await request(w.app)
      .get('/admin/api/nope')
      .set('Authorization', `Bearer ${'a'.repeat(32)}`);
    expect([res.status, res.body.code]).toEqual([404, 'admin/not-found']);
    expect((await request(w.app).get('/admin/broadcasts')).text).toBe(INDEX);
  });

  it('answers 503 with a hint (in Japanese) when the console is not built', async () => {
    for (const dir of [empty, join(empty, 'missing')]) {
      const res = await request(appFor(dir)).get('/admin/broadcasts');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('管理画面がビルドされていません（npm run build）');
    }
  });
});
