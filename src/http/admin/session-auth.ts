/**
 * Web console sessions at the HTTP edge: starting one after a token sign-in, finding the live
 * session of a request's cookie (sliding its idle time), and ending it. A session only works
 * while the token it was made with is still configured with the same role: a token removed
 * from ADMIN_TOKENS (or given another role) ends its sessions at their next request.
 */
import type { Request } from 'express';
import type { Actor } from '../../app/index.js';
import type { AuditLog, Clock, SessionStore } from '../../ports.js';
import type { AdminSession, AdminToken } from '../../schema/index.js';
import { newSecret, readSessionCookie, sha256Hex } from './session-cookie.js';

export interface AdminSessionDeps {
  store: SessionStore;
  clock: Clock;
  /** Idle time before a session ends (sliding), ADMIN_SESSION_IDLE_MINUTES. */
  idleMinutes: number;
  /** Absolute lifetime of a session, ADMIN_SESSION_MAX_HOURS. */
  maxHours: number;
  /** Where sign-in, failed sign-in and sign-out are recorded; absent: not recorded. */
  audit?: AuditLog;
}

/** What the console learns about its session (sign-in and `GET /session` answer the same). */
export interface SessionView {
  name: string;
  role: AdminSession['role'];
  csrfToken: string;
  expiresAt: string;
  idleMinutes: number;
}

export type SessionLookup =
  /** The request has no session cookie. */
  | { kind: 'none' }
  /** A cookie, but no live session: idle or absolute end, signed out, or its token revoked. */
  | { kind: 'expired' }
  | { kind: 'ok'; id: string; session: AdminSession };

export interface StartedSession {
  /** The store id (SHA-256 of the cookie value). */
  id: string;
  cookie: string;
  view: SessionView;
  maxAgeSeconds: number;
}

export interface SessionAuth {
  readonly deps: AdminSessionDeps;
  /** Starts a session for a configured token; returns the cookie value and the view. */
  start(token: AdminToken): Promise<StartedSession>;
  /** The store id of the request's session cookie (live or not), or undefined. */
  idOf(req: Request): string | undefined;
  /** The request's live session (its idle time restarts), or why there is none. */
  lookup(req: Request): Promise<SessionLookup>;
  end(id: string): Promise<void>;
  view(session: AdminSession): SessionView;
}

export function createSessionAuth(
  deps: AdminSessionDeps,
  tokens: readonly AdminToken[],
): SessionAuth {
  const idleSeconds = deps.idleMinutes * 60;
  const maxSeconds = deps.maxHours * 3600;
  const view = (s: AdminSession): SessionView => ({
    name: s.name,
    role: s.role,
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt,
    idleMinutes: deps.idleMinutes,
  });
  /** True while the session's token is configured as it was at sign-in. */
  const stillValid = (s: AdminSession) => {
    const t = tokens.find((x) => x.name === s.name);
    return t !== undefined && t.role === s.role && sha256Hex(t.token) === s.tokenDigest;
  };

  const idOf = (req: Request) => {
    const cookie = readSessionCookie(req);
    return cookie === undefined ? undefined : sha256Hex(cookie);
  };

  return {
    deps,
    view,
    async start(token) {
      const now = deps.clock.now();
      const session: AdminSession = {
        name: token.name,
        role: token.role,
        tokenDigest: sha256Hex(token.token),
        csrfToken: newSecret(),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + maxSeconds * 1000).toISOString(),
      };
      const cookie = newSecret();
      const id = sha256Hex(cookie);
      await deps.store.create(id, session, idleSeconds);
      return { id, cookie, view: view(session), maxAgeSeconds: maxSeconds };
    },
    idOf,
    async lookup(req) {
      const id = idOf(req);
      if (id === undefined) return { kind: 'none' };
      const session = await deps.store.touch(id, idleSeconds);
      if (!session) return { kind: 'expired' };
      if (!stillValid(session)) {
        await deps.store.delete(id);
        return { kind: 'expired' };
      }
      return { kind: 'ok', id, session };
    },
    end: (id) => deps.store.delete(id),
  };
}

/** The caller a session stands for. */
export const actorOfSession = (s: AdminSession): Actor => ({ name: s.name, role: s.role });
