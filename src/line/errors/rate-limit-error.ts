import { LineApiError } from './line-api-error.js';
import type { LineEndpoint } from './line-api-error.js';

/** LINE kept answering 429 (rate limit, not the monthly quota) after every retry. */
export class RateLimitError extends LineApiError {
  override name = 'RateLimitError';
  constructor(endpoint: LineEndpoint, lineMessage: string, requestId?: string) {
    super(endpoint, 429, lineMessage, requestId, 'line/rate-limited');
  }
}
