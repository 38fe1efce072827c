import { MadoguchiError } from '../../errors.js';
import type { LineEndpoint } from './line-api-error.js';

/**
 * No answer from LINE: a timeout or a network failure. `maybeDelivered` is false only when the
 * request cannot have reached LINE (the connection was never made), which is when a reply
 * (no retry key) may safely be sent again.
 */
export class LineNetworkError extends MadoguchiError {
  override name = 'LineNetworkError';
  constructor(
    readonly endpoint: LineEndpoint,
    readonly reason: 'timeout' | 'connect' | 'network',
    readonly maybeDelivered: boolean,
    options?: { cause?: unknown },
  ) {
    super('line/network', `LINE ${endpoint}: ${reason} error`, undefined, options);
  }
}
