/**
 * The `Sender` on the real LINE Messaging API: @line/bot-sdk 11's `MessagingApiClient` with
 * timeouts, retries and our errors around it.
 *
 * Retry policy (developers.line.biz/en/docs/messaging-api/retrying-api-request/):
 * - push and multicast carry an `X-Line-Retry-Key` from the first try, so every retry is safe:
 *   they are retried on 5xx, 429 rate limits, timeouts and network errors, with the same key and
 *   body; a 409 with `x-line-accepted-request-id` means an earlier try got through: success.
 * - reply has no retry key (LINE answers 400 to one). A reply that LINE may have processed
 *   (5xx, timeout, a broken connection) is NOT sent again, so a resident never gets an answer
 *   twice; it is retried only when LINE provably did not process it: a 429 rate limit (refused)
 *   or a connection that was never made.
 * - the monthly-quota 429 is never retried: `QuotaExceededError`, logged at error level.
 * - other 4xx are not retried; LINE's error body is logged (Flex 400s say nothing otherwise).
 */
import { messagingApi } from '@line/bot-sdk';
import type { Logger, Metrics, Sender } from '../ports.js';
import { backoffDelay } from './backoff.js';
import type { BackoffOptions } from './backoff.js';
import { LineBadRequestError } from './errors/bad-request-error.js';
import { LineApiError } from './errors/line-api-error.js';
import type { LineEndpoint } from './errors/line-api-error.js';
import { LineNetworkError } from './errors/line-network-error.js';
import { QuotaExceededError } from './errors/quota-exceeded-error.js';
import { RateLimitError } from './errors/rate-limit-error.js';
import { classifyFailure } from './failure.js';
import type { Failure } from './failure.js';
import { withTimeout } from './fetch-timeout.js';

export interface LineSenderOptions {
  channelAccessToken: string;
  /** Default `https://api.line.me`; the bench and tests point it at a local server. */
  baseURL?: string;
  /** Per attempt. Default 5,000 ms. */
  timeoutMs?: number;
  /** Tries in all, the first included. Default 4. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** How to wait between tries; tests pass one that does not sleep. */
  delay?: (ms: number) => Promise<void>;
  logger: Logger;
  metrics?: Metrics;
}

/** LINE's per-request limits (developers.line.biz/en/reference/messaging-api/#send-multicast-request-body). */
export const MAX_MESSAGES_PER_REQUEST = 5;
export const MAX_MULTICAST_RECIPIENTS = 500;
const RETRY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether a failure of `endpoint` may be retried without risking a double delivery. */
function retryable(endpoint: LineEndpoint, failure: Failure): boolean {
  if (failure.kind === 'rate-limit' || failure.kind === 'connect') return true;
  if (endpoint === 'reply') return false;
  return failure.kind === 'server' || failure.kind === 'timeout' || failure.kind === 'network';
}

function toError(endpoint: LineEndpoint, failure: Failure, cause: unknown): Error {
  switch (failure.kind) {
    case 'quota':
      return new QuotaExceededError(endpoint, failure.message, failure.requestId);
    case 'rate-limit':
      return new RateLimitError(endpoint, failure.message, failure.requestId);
    case 'server':
    case 'client':
      return new LineApiError(endpoint, failure.status, failure.message, failure.requestId);
    case 'timeout':
    case 'network':
      return new LineNetworkError(endpoint, failure.kind, true, { cause });
    case 'connect':
      return new LineNetworkError(endpoint, 'connect', false, { cause });
    case 'accepted':
      return new Error('unreachable: an accepted request is a success');
  }
}

function statusLabel(failure: Failure): string {
  return 'status' in failure
    ? String(failure.status)
    : failure.kind === 'quota' || failure.kind === 'rate-limit'
      ? '429'
      : failure.kind;
}

function checkMessages(messages: messagingApi.Message[]): void {
  if (messages.length < 1 || messages.length > MAX_MESSAGES_PER_REQUEST) {
    throw new LineBadRequestError(
      `a request carries 1-${MAX_MESSAGES_PER_REQUEST} messages, not ${messages.length}`,
    );
  }
}

function checkRetryKey(retryKey: string): void {
  if (!RETRY_KEY.test(retryKey)) throw new LineBadRequestError('the retry key must be a UUID');
}

export function createLineSender(options: LineSenderOptions): Sender {
  const client = new messagingApi.MessagingApiClient({
    channelAccessToken: options.channelAccessToken,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
  });
  const { logger, metrics } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const delay = options.delay ?? sleep;

  async function call(endpoint: LineEndpoint, send: () => Promise<unknown>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        await withTimeout(timeoutMs, send);
        metrics?.observe(
          'madoguchi_line_api_duration_seconds',
          (performance.now() - started) / 1000,
          { endpoint },
        );
        return;
      } catch (err) {
        metrics?.observe(
          'madoguchi_line_api_duration_seconds',
          (performance.now() - started) / 1000,
          { endpoint },
        );
        const failure = classifyFailure(err);
        if (failure.kind === 'accepted') {
          logger.info(
            { endpoint, acceptedRequestId: failure.requestId },
            'LINE: retry key already accepted (409), counted as sent',
          );
          return;
        }
        metrics?.count('madoguchi_line_api_errors_total', {
          endpoint,
          status: statusLabel(failure),
        });
        if (failure.kind === 'quota') {
          metrics?.count('madoguchi_line_quota_exceeded_total', { endpoint });
          logger.error(
            { endpoint, requestId: failure.requestId, lineMessage: failure.message },
            'LINE: monthly message quota reached; not retried (replies still work)',
          );
          throw toError(endpoint, failure, err);
        }
        // A refused reply is logged once, by its caller (handleEvent), with the event it answered.
        if (failure.kind === 'client' && endpoint !== 'reply') {
          logger.warn(
            {
              endpoint,
              status: failure.status,
              requestId: failure.requestId,
              lineMessage: failure.message,
            },
            'LINE refused the request',
          );
        }
        if (!retryable(endpoint, failure) || attempt >= maxAttempts)
          throw toError(endpoint, failure, err);
        const wait = backoffDelay(attempt, options.backoff);
        logger.warn(
          {
            endpoint,
            attempt,
            failure: failure.kind,
            status: statusLabel(failure),
            retryInMs: wait,
          },
          'LINE call failed; retrying',
        );
        await delay(wait);
      }
    }
  }

  return {
    async reply(replyToken, messages) {
      checkMessages(messages);
      await call('reply', () => client.replyMessage({ replyToken, messages }));
    },
    async push(to, messages, retryKey) {
      checkMessages(messages);
      checkRetryKey(retryKey);
      await call('push', () => client.pushMessage({ to, messages }, retryKey));
    },
    async multicast(to, messages, retryKey) {
      checkMessages(messages);
      checkRetryKey(retryKey);
      if (to.length < 1 || to.length > MAX_MULTICAST_RECIPIENTS) {
        throw new LineBadRequestError(
          `a multicast goes to 1-${MAX_MULTICAST_RECIPIENTS} users, not ${to.length}`,
        );
      }
      await call('multicast', () => client.multicast({ to, messages }, retryKey));
    },
  };
}
