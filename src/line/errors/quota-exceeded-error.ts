import { LineApiError } from './line-api-error.js';
import type { LineEndpoint } from './line-api-error.js';

/**
 * The channel has used up its monthly message quota (429 `You have reached your monthly
 * limit.`). Retrying cannot help until the quota resets or the plan changes: it is reported,
 * never retried. Replies do not count against the quota, so the FAQ keeps working.
 */
export class QuotaExceededError extends LineApiError {
  override name = 'QuotaExceededError';
  constructor(endpoint: LineEndpoint, lineMessage: string, requestId?: string) {
    super(endpoint, 429, lineMessage, requestId, 'line/quota-exceeded');
  }
}
