/**
 * Batches and retry keys. LINE's multicast takes at most 500 user ids per request
 * (developers.line.biz/en/reference/messaging-api/#send-multicast-request-body), and keeps a
 * retry key for 24 hours only (#retry-api-request): after that the same key is a new request.
 */

/** Recipients per multicast request (LINE's maximum). */
export const BATCH_SIZE = 500;

/** How long LINE remembers an `X-Line-Retry-Key`. */
export const RETRY_KEY_LIFETIME_MS = 24 * 3_600_000;

/**
 * A batch whose key is older than this is not sent again: one hour of margin below LINE's 24 h
 * for clock differences and for the request itself.
 */
export const RETRY_KEY_SAFE_AGE_MS = RETRY_KEY_LIFETIME_MS - 3_600_000;

/** Number of batches for `recipients` residents. */
export function batchCount(recipients: number, size = BATCH_SIZE): number {
  return Math.ceil(recipients / size);
}

/** True when a retry key made at `keyAt` may no longer protect against a double delivery. */
export function retryKeyTooOld(keyAt: Date, now: Date, maxAgeMs = RETRY_KEY_SAFE_AGE_MS): boolean {
  return now.getTime() - keyAt.getTime() > maxAgeMs;
}

/** The name of a broadcast's frozen recipient list (`Audience.snapshot`). */
export function snapshotKeyOf(broadcastId: string): string {
  return `bc:${broadcastId}`;
}

/**
 * The queue job that owns batch `n` of a broadcast. One id per batch means the queue never holds
 * two jobs for one batch, whichever worker adds it.
 */
export function batchJobId(broadcastId: string, n: number): string {
  return `bc:${broadcastId}:${n}`;
}

/** The queue job that starts a broadcast (snapshot, then one job per batch). */
export function startJobId(broadcastId: string): string {
  return `bc:${broadcastId}:start`;
}
