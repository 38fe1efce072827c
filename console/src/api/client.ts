/**
 * The console's only door to the server: `fetch` on `/admin/api/*` with the session cookie
 * (same origin), the CSRF token on every write, and refusals turned into `ApiError` with a
 * Japanese message and problems by form field. A 401 tells the session to go to sign-in; the
 * page's draft stays where it is (state + sessionStorage), so nothing typed is lost.
 */
import { messageFor, problemsByField } from './problems.js';
import type { Problems } from './problems.js';

export const API = '/admin/api';

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The API's stable code (`broadcast/count-changed`), when it gave one. */
    readonly code: string | undefined,
    message: string,
    /** Japanese problems by form field (`''` = not tied to a field). */
    readonly problems: Problems,
    /** The whole answer, for codes that carry data (count-changed carries a fresh preview). */
    readonly body: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ClientHooks {
  /** The session's CSRF token, sent on every write. */
  csrfToken(): string | undefined;
  /** The session ended (401): show sign-in; `code` says why (`session/expired`). */
  signedOut(code: string | undefined): void;
}

let hooks: ClientHooks = { csrfToken: () => undefined, signedOut: () => undefined };

/** Wires the client to the session (done once by session.ts, which owns both). */
export function configureClient(h: ClientHooks): void {
  hooks = h;
}

type Query = Record<string, string | number | undefined>;

/** `/admin/api/<path>?<query>`, leaving out empty values. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API}${path}${qs ? `?${qs}` : ''}`;
}

async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; body?: unknown; quiet401?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = hooks.csrfToken();
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError(0, undefined, messageFor(0, undefined, ''), {}, {});
  }
  if (res.status === 204) return undefined as T;
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page, an empty body: the status alone has to speak.
  }
  if (res.ok) return body as T;
  const code = typeof body['code'] === 'string' ? body['code'] : undefined;
  const error = typeof body['error'] === 'string' ? body['error'] : '';
  if (res.status === 401 && !options.quiet401) hooks.signedOut(code);
  throw new ApiError(
    res.status,
    code,
    messageFor(res.status, code, error),
    problemsByField(body['problems']),
    body,
  );
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, query ? { query } : {}),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** For the session endpoints themselves: a 401 is an answer there, not a signed-out event. */
  session: <T>(method: 'GET' | 'POST' | 'DELETE', body?: unknown) =>
    request<T>(method, '/session', { quiet401: true, ...(body !== undefined ? { body } : {}) }),
};

/** An error in a form's terms: a message for the top and problems by field. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, undefined, 'エラーが起きました。もう一度お試しください。', {}, {});
}
