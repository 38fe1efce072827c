/**
 * The admin API as the `madoguchi broadcast` commands see it: `MADOGUCHI_ADMIN_URL` (default
 * http://127.0.0.1:3000) and `MADOGUCHI_ADMIN_TOKEN`, JSON over fetch. The token is never
 * printed; a refused request becomes an `AdminApiError` with the API's message and problems.
 */
import { MadoguchiError } from '../errors.js';
import { UsageError } from './cli-errors.js';
import type { CliIo } from './command.js';

/** The admin API answered with an error (or could not be reached: status 0). */
export class AdminApiError extends MadoguchiError {
  override name = 'AdminApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly apiCode: string | undefined,
    readonly problems: string[],
    readonly body: Record<string, unknown>,
  ) {
    super('cli/admin-api', message);
  }
}

export interface AdminClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

export function adminClient(io: CliIo): AdminClient {
  const base = (io.env.MADOGUCHI_ADMIN_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const token = io.env.MADOGUCHI_ADMIN_TOKEN;
  if (!token) {
    throw new UsageError(
      'set MADOGUCHI_ADMIN_TOKEN to your admin API token (and MADOGUCHI_ADMIN_URL)',
    );
  }
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${base}/admin/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      const why =
        err instanceof Error
          ? ((err.cause as Error | undefined)?.message ?? err.message)
          : String(err);
      throw new AdminApiError(
        0,
        `cannot reach the admin API at ${base}: ${why}`,
        undefined,
        [],
        {},
      );
    }
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      json = { error: text.slice(0, 200) };
    }
    if (!res.ok) {
      const problems = Array.isArray(json['problems']) ? json['problems'].map(String) : [];
      const message = typeof json['error'] === 'string' ? json['error'] : `HTTP ${res.status}`;
      const code = typeof json['code'] === 'string' ? json['code'] : undefined;
      throw new AdminApiError(res.status, message, code, problems, json);
    }
    return json as T;
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
  };
}
