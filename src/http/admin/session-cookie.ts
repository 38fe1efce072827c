/**
 * The web console's session cookie: its value is 32 random bytes (base64url); the store keeps
 * the session under the SHA-256 of that value. `Path=/admin` keeps it off the webhook and health
 * routes; `SameSite=Strict` keeps other sites from sending it; `Secure` only over HTTPS (a
 * plain-HTTP local server would otherwise never get it back).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export const SESSION_COOKIE = 'madoguchi_session';

/** A fresh secret (cookie value or CSRF token): 32 random bytes, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** SHA-256 hex: the store id of a cookie value, the digest of a token. */
export const sha256Hex = (s: string): string =>
  createHash('sha256').update(s, 'utf8').digest('hex');

/** Compares two secrets in constant time (digests of equal length, whatever the inputs). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}

/** The session cookie's value in the request, or undefined. */
export function readSessionCookie(req: Request): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      // Only our own shape: anything else is not a session we could have made.
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** `Set-Cookie` for a new session living `maxAgeSeconds` (or clearing it with 0). */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attrs = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/admin',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

/** The origin this request was sent to, as the server sees it (behind a proxy: TRUST_PROXY). */
export const ownOrigin = (req: Request): string => `${req.protocol}://${req.host}`;

/** Whether a request that carries an `Origin` header comes from our own origin (absent: yes). */
export function sameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  return origin === undefined || origin === ownOrigin(req);
}

/**
 * The 403 body for a request from another origin. It names the origin the server sees, because
 * behind a TLS proxy without TRUST_PROXY (or without the Host forwarded) our own pages look
 * foreign too, and that is how an operator finds out.
 */
export const crossOriginBody = (req: Request) => ({
  error: `the request comes from another origin than ${ownOrigin(req)}`,
  code: 'session/csrf',
});
