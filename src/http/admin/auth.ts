/**
 * Who is calling the admin API: a bearer token from configuration (`ADMIN_TOKENS="name:role:
 * token,…"`, scripts and the CLI) or a web console session cookie (see session-auth.ts).
 * A presented token is compared with every configured one in constant time (SHA-256 digests
 * of equal length, `timingSafeEqual`, no early exit), so timing reveals neither which token
 * nor how much of one matched. Roles nest: viewer ⊂ broadcaster ⊂ admin.
 *
 * Cookies ride along on any request the browser makes, so a cookie request that changes
 * something must also carry the session's CSRF token (`X-CSRF-Token`) and, when the browser
 * sends an `Origin`, come from our own origin. Bearer requests need neither: no browser adds
 * an Authorization header by itself.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../../app/index.js';
import type { AdminRole, AdminToken } from '../../schema/index.js';
import { actorOfSession } from './session-auth.js';
import type { SessionAuth } from './session-auth.js';
import {
  SESSION_COOKIE,
  crossOriginBody,
  sameOrigin,
  sameSecret,
  sessionCookie,
} from './session-cookie.js';

const RANK: Record<AdminRole, number> = { viewer: 1, broadcaster: 2, admin: 3 };

/** The configured token equal to `given`, compared with every one in constant time. */
export function findToken(given: string, tokens: readonly AdminToken[]): AdminToken | undefined {
  let found: AdminToken | undefined;
  for (const t of tokens) if (sameSecret(given, t.token)) found = t;
  return found;
}

/** The actor a bearer token belongs to, or undefined. */
export function authenticate(
  header: string | undefined,
  tokens: readonly AdminToken[],
): Actor | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const found = findToken(m?.[1] ?? '', tokens);
  return found && m ? { name: found.name, role: found.role } : undefined;
}

/** Who is calling (set by `requireToken`). */
export function actorOf(res: Response): Actor {
  return res.locals['actor'] as Actor;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * A cookie request that writes: 403 unless it comes from our origin and carries the session's
 * CSRF token. Returns true when it answered.
 */
export function refuseCrossSite(req: Request, res: Response, csrfToken: string): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  if (!sameOrigin(req)) {
    res.status(403).json(crossOriginBody(req));
    return true;
  }
  if (!sameSecret(req.get('x-csrf-token') ?? '', csrfToken)) {
    res.status(403).json({
      error: 'a write needs the X-CSRF-Token header of the session',
      code: 'session/csrf',
    });
    return true;
  }
  return false;
}

/** 401 for a cookie that names no live session; the cookie is cleared. */
export function sessionExpired(req: Request, res: Response): void {
  res
    .status(401)
    .append('Set-Cookie', sessionCookie('', 0, req.secure))
    .json({ error: 'the session has ended; sign in again', code: 'session/expired' });
}

/**
 * Lets a request in with a valid bearer token, or (when `sessions` is given and there is no
 * Authorization header) a live session cookie; sets the actor for the handlers.
 */
export function requireToken(tokens: readonly AdminToken[], sessions?: SessionAuth) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (tokens.length === 0) {
      res.status(503).json({ error: 'the admin API is off: no ADMIN_TOKENS are configured' });
      return;
    }
    const header = req.get('authorization');
    if (header === undefined && sessions && req.get('cookie')?.includes(SESSION_COOKIE)) {
      bySession(req, res, next, sessions);
      return;
    }
    const actor = authenticate(header, tokens);
    if (!actor) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer realm="madoguchi-admin"')
        .json({
          error: 'a valid admin token is required (Authorization: Bearer <token>)',
          code: header === undefined ? 'session/none' : 'admin/bad-token',
        });
      return;
    }
    res.locals['actor'] = actor;
    next();
  };
}

function bySession(req: Request, res: Response, next: NextFunction, sessions: SessionAuth): void {
  sessions.lookup(req).then((found) => {
    if (found.kind !== 'ok') {
      if (found.kind === 'expired') sessionExpired(req, res);
      else res.status(401).json({ error: 'sign in first', code: 'session/none' });
      return;
    }
    if (refuseCrossSite(req, res, found.session.csrfToken)) return;
    res.locals['actor'] = actorOfSession(found.session);
    next();
  }, next);
}

/** Lets the request through when the caller's role is at least `role`; else 403. */
export function requireRole(role: AdminRole) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const actor = actorOf(res);
    if (RANK[actor.role] >= RANK[role]) {
      next();
      return;
    }
    res
      .status(403)
      .json({ error: `the ${actor.role} role cannot do this; it needs ${role} or above` });
  };
}
