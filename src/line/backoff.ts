/** Exponential backoff with jitter for LINE retries. */

export interface BackoffOptions {
  /** Delay before the first retry, before jitter. Default 200 ms. */
  baseMs?: number;
  /** Upper bound of one delay. Default 5,000 ms. */
  maxMs?: number;
  /** Source of jitter in [0, 1). Default Math.random. */
  random?: () => number;
}

/**
 * The wait before retry number `retry` (1 = the first retry): base·2^(retry-1), capped, then
 * scaled by a random factor in [0.5, 1) so that many senders do not retry in lock-step.
 */
export function backoffDelay(retry: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 200;
  const max = options.maxMs ?? 5000;
  const random = options.random ?? Math.random;
  const exp = Math.min(max, base * 2 ** Math.max(0, retry - 1));
  return Math.round(exp * (0.5 + random() / 2));
}
