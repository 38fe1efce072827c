/**
 * Sorts what went wrong in a LINE call into the cases the retry policy needs, from the sdk's
 * `HTTPFetchError` (status, headers, raw body) or a fetch failure.
 * Facts: developers.line.biz/en/docs/messaging-api/retrying-api-request/ and
 * developers.line.biz/en/reference/messaging-api/#status-codes, #error-messages.
 */
import { HTTPFetchError } from '@line/bot-sdk';
import { FetchTimeoutError } from './fetch-timeout.js';

export type Failure =
  /** 409 with `x-line-accepted-request-id`: an earlier try with this retry key was accepted. */
  | { kind: 'accepted'; requestId?: string }
  /** 429 `You have reached your monthly limit.` */
  | { kind: 'quota'; message: string; requestId?: string }
  /** Any other 429: too many requests per second (or concurrent operations). */
  | { kind: 'rate-limit'; message: string; requestId?: string }
  | { kind: 'server'; status: number; message: string; requestId?: string }
  | { kind: 'client'; status: number; message: string; requestId?: string }
  | { kind: 'timeout' }
  /** The connection was never made: LINE cannot have seen the request. */
  | { kind: 'connect' }
  /** The connection broke: LINE may or may not have processed the request. */
  | { kind: 'network' };

/** undici/libuv codes that mean no byte of the request reached the server. */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** LINE's `{message, details:[{message, property}]}`, flattened to one line (≤ 1,000 chars). */
export function lineMessageOf(body: string): string {
  let text = body;
  try {
    const parsed = JSON.parse(body) as {
      message?: unknown;
      details?: Array<{ message?: unknown; property?: unknown }>;
    };
    if (typeof parsed.message === 'string') {
      const details = Array.isArray(parsed.details)
        ? parsed.details.map((d) => `${String(d.property ?? '?')}: ${String(d.message ?? '')}`)
        : [];
      text = details.length ? `${parsed.message} (${details.join('; ')})` : parsed.message;
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): the raw text is the best description we have.
  }
  return text.length > 1000 ? `${text.slice(0, 1000)}…` : text;
}

function causeCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Classifies an error thrown by a LINE call; anything unrecognised counts as `network`. */
export function classifyFailure(err: unknown): Failure {
  if (err instanceof HTTPFetchError) {
    const requestId = err.headers.get('x-line-request-id') ?? undefined;
    const message = lineMessageOf(err.body);
    const accepted = err.headers.get('x-line-accepted-request-id');
    if (err.status === 409 && accepted) return { kind: 'accepted', requestId: accepted };
    if (err.status === 429) {
      return /monthly limit/i.test(message)
        ? { kind: 'quota', message, requestId }
        : { kind: 'rate-limit', message, requestId };
    }
    if (err.status >= 500) return { kind: 'server', status: err.status, message, requestId };
    return { kind: 'client', status: err.status, message, requestId };
  }
  if (err instanceof FetchTimeoutError || (err instanceof Error && err.name === 'TimeoutError')) {
    return { kind: 'timeout' };
  }
  const code = causeCode(err);
  if (code && CONNECT_CODES.has(code)) return { kind: 'connect' };
  return { kind: 'network' };
}
