/**
 * Bearer tokens for the admin API, from configuration (`ADMIN_TOKENS="name:role:token,…"`).
 * A presented token is compared with every configured one in constant time (SHA-256 digests
 * of equal length, `timingSafeEqual`, no early exit), so timing reveals neither which token
 * nor how much of one matched. Roles nest: viewer ⊂ broadcaster ⊂ admin.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../../app/index.js';
import type { AdminRole, AdminToken } from '../../schema/index.js';

const RANK: Record<AdminRole, number> = { viewer: 1, broadcaster: 2, admin: 3 };
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The actor a bearer token belongs to, or undefined. */
export function authenticate(
  header: string | undefined,
  tokens: readonly AdminToken[],
): Actor | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = digest(m?.[1] ?? '');
  let found: AdminToken | undefined;
  for (const t of tokens) {
    if (timingSafeEqual(given, digest(t.token)) && m) found = t;
  }
  return found ? { name: found.name, role: found.role } : undefined;
}

/** Who is calling (set by `requireToken`). */
export function actorOf(res: Response): Actor {
  return res.locals['actor'] as Actor;
}

export function requireToken(tokens: readonly AdminToken[]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (tokens.length === 0) {
      res.status(503).json({ error: 'the admin API is off: no ADMIN_TOKENS are configured' });
      return;
    }
    const actor = authenticate(req.get('authorization'), tokens);
    if (!actor) {
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer realm="madoguchi-admin"')
        .json({ error: 'a valid admin token is required (Authorization: Bearer <token>)' });
      return;
    }
    res.locals['actor'] = actor;
    next();
  };
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
