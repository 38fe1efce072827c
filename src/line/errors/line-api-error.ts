import { MadoguchiError } from '../../errors.js';

/** Which LINE endpoint a call went to (also the `endpoint` label of the metrics). */
export type LineEndpoint = 'reply' | 'push' | 'multicast';

/**
 * LINE answered with an error status that we do not retry (or no longer retry). `lineMessage`
 * is LINE's own `message` (and `details`, which make Flex 400s readable); it never holds a
 * user id, because LINE's error bodies name properties, not recipients.
 */
export class LineApiError extends MadoguchiError {
  override name = 'LineApiError';
  constructor(
    readonly endpoint: LineEndpoint,
    readonly status: number,
    readonly lineMessage: string,
    readonly requestId?: string,
    code = 'line/api-error',
  ) {
    super(code, `LINE ${endpoint} answered ${status}: ${lineMessage}`);
  }
}
