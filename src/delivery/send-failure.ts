/**
 * What a failed multicast means for its batch. The `Sender` (src/line) has already retried what
 * is safe to retry within the call; here the error it finally threw is sorted by its stable
 * `code` and `status` (developers.line.biz/en/docs/messaging-api/retrying-api-request/):
 * - rate limit (429) → wait and send again later, with the same retry key;
 * - monthly quota (429 `You have reached your monthly limit.`) → stop the whole broadcast;
 * - 5xx, timeouts, broken connections → retry with backoff, then fail with the reason;
 * - any other 4xx (or a request we refused to send) → fail at once, keeping LINE's message.
 * A 409 (retry key already accepted) never gets here: the Sender counts it as delivered.
 */
import type { FailureReason } from '../schema/index.js';

export type SendFailure =
  | { kind: 'rate-limited'; httpStatus?: number; lineMessage?: string }
  | { kind: 'quota'; httpStatus?: number; lineMessage?: string }
  | {
      kind: 'transient';
      reason: Extract<FailureReason, 'server-error' | 'network'>;
      httpStatus?: number;
      lineMessage?: string;
    }
  | { kind: 'rejected'; httpStatus?: number; lineMessage: string };

interface ErrorFacts {
  code?: unknown;
  status?: unknown;
  lineMessage?: unknown;
  message?: unknown;
}

/** Sorts an error thrown by `Sender.multicast`. Unknown errors count as network trouble. */
export function classifySendFailure(err: unknown): SendFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorFacts;
  const code = typeof e.code === 'string' ? e.code : '';
  const status = typeof e.status === 'number' ? e.status : undefined;
  const lineMessage = typeof e.lineMessage === 'string' ? e.lineMessage : undefined;
  const withMessage = lineMessage === undefined ? {} : { lineMessage };
  const withStatus = status === undefined ? {} : { httpStatus: status };
  const monthly = /monthly limit/i.test(lineMessage ?? '');
  if (code === 'line/quota-exceeded' || (status === 429 && monthly)) {
    return { kind: 'quota', ...withStatus, ...withMessage };
  }
  if (code === 'line/rate-limited' || status === 429)
    return { kind: 'rate-limited', ...withStatus, ...withMessage };
  if (code === 'line/bad-request') {
    return { kind: 'rejected', lineMessage: typeof e.message === 'string' ? e.message : code };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return { kind: 'rejected', httpStatus: status, lineMessage: lineMessage ?? `HTTP ${status}` };
  }
  if (status !== undefined && status >= 500) {
    return { kind: 'transient', reason: 'server-error', ...withStatus, ...withMessage };
  }
  return { kind: 'transient', reason: 'network' };
}
