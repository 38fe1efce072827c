/**
 * The web console's sign-in and sign-out, before the token check of the other endpoints:
 *
 *   POST   /session  {token}  → 200 {name, role, csrfToken, expiresAt, idleMinutes} + cookie
 *   GET    /session           → 200 the same, or 401 session/none | session/expired
 *   DELETE /session           → 204, cookie cleared (X-CSRF-Token needed while the session lives)
 *
 * A wrong token, a missing one and a malformed body all get the same 401, so the answer says
 * nothing about which part was wrong. Sign-in, failed sign-in (actor '?') and sign-out go to
 * the audit log; the token text never goes anywhere but the digest comparison.
 */
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { Logger } from '../../ports.js';
import type { AuditInput, AdminToken } from '../../schema/index.js';
import { findToken, refuseCrossSite, sessionExpired } from './auth.js';
import type { SessionAuth } from './session-auth.js';
import { crossOriginBody, sameOrigin, sessionCookie } from './session-cookie.js';
import type { SignInThrottle } from './sign-in-throttle.js';

export interface SessionRouteDeps {
  tokens: readonly AdminToken[];
  sessions: SessionAuth;
  throttle: SignInThrottle;
  logger: Logger;
}

/** An error of `express.json` about the body (malformed, too large, wrong charset): a 4xx. */
function isBodyError(err: unknown): boolean {
  const status = (err as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function sessionRoutes(router: Router, deps: SessionRouteDeps): void {
  const { sessions, throttle, logger } = deps;
  const { audit, clock } = sessions.deps;
  const record = async (entry: Omit<AuditInput, 'at'>) => {
    await audit?.append({ at: clock.now().toISOString(), ...entry });
  };
  /** Audit entries of a failed sign-in or a sign-out must not turn the answer into a 500. */
  const recordQuietly = (entry: Omit<AuditInput, 'at'>) =>
    record(entry).catch((err: unknown) => {
      logger.warn({ err, action: entry.action }, 'admin API: audit entry not written');
    });

  router.post(
    '/session',
    express.json({ limit: '4kb' }),
    // A body that is not JSON is a failed sign-in like any other (same answer, same count).
    // Only the body parser's own errors: a store or audit failure while signing in must reach
    // the error handler (503/500), never pass for a wrong token.
    (err: unknown, req: Request, _res: Response, next: NextFunction) => {
      if (!isBodyError(err)) return next(err);
      req.body = undefined;
      next();
    },
    (req: Request, res: Response, next: NextFunction) => attempt(req, res, next),
  );

  function attempt(req: Request, res: Response, next: NextFunction): void {
    if (deps.tokens.length === 0) {
      res.status(503).json({ error: 'the admin API is off: no ADMIN_TOKENS are configured' });
      return;
    }
    // A sign-in from another site would plant that site's session in our browser.
    if (!sameOrigin(req)) {
      res.status(403).json(crossOriginBody(req));
      return;
    }
    const ip = req.ip ?? '?';
    const wait = throttle.retryAfter(ip);
    if (wait > 0) {
      res.status(429).set('Retry-After', String(wait)).json({
        error: 'too many failed sign-ins; try later',
        code: 'session/too-many-attempts',
      });
      return;
    }
    const given: unknown = (req.body as { token?: unknown } | undefined)?.token;
    const token = typeof given === 'string' ? findToken(given.trim(), deps.tokens) : undefined;
    if (!token) {
      throttle.fail(ip);
      void recordQuietly({
        actor: '?',
        action: 'session.sign_in_failed',
        result: 'session/bad-token',
      }).then(() =>
        res.status(401).json({ error: 'the token is not valid', code: 'session/bad-token' }),
      );
      return;
    }
    signIn(req, res, token).catch(next);
  }

  async function signIn(req: Request, res: Response, token: AdminToken): Promise<void> {
    const started = await sessions.start(token);
    try {
      await record({
        actor: token.name,
        role: token.role,
        action: 'session.sign_in',
        result: 'ok',
      });
    } catch (err) {
      // No sign-in goes unrecorded: without its audit entry the session is not handed out.
      await sessions.end(started.id).catch(() => {});
      throw err;
    }
    // A browser signing in again leaves no older session behind under a cookie it replaces.
    const previous = sessions.idOf(req);
    if (previous !== undefined) await sessions.end(previous);
    res
      .status(200)
      .set('Cache-Control', 'no-store')
      .append('Set-Cookie', sessionCookie(started.cookie, started.maxAgeSeconds, req.secure))
      .json(started.view);
  }

  router.get('/session', (req: Request, res: Response, next: NextFunction) => {
    sessions.lookup(req).then((found) => {
      if (found.kind === 'ok') {
        res.set('Cache-Control', 'no-store').json(sessions.view(found.session));
      } else if (found.kind === 'expired') sessionExpired(req, res);
      else res.status(401).json({ error: 'sign in first', code: 'session/none' });
    }, next);
  });

  router.delete('/session', (req: Request, res: Response, next: NextFunction) => {
    const clear = () =>
      res
        .status(204)
        .append('Set-Cookie', sessionCookie('', 0, req.secure))
        .end();
    sessions
      .lookup(req)
      .then(async (found) => {
        // No live session: nothing to protect, the cookie is cleared all the same.
        if (found.kind !== 'ok') return clear();
        if (refuseCrossSite(req, res, found.session.csrfToken)) return;
        await sessions.end(found.id);
        const { name, role } = found.session;
        await recordQuietly({ actor: name, role, action: 'session.sign_out', result: 'ok' });
        clear();
      })
      .catch(next);
  });
}
