import { MadoguchiError } from '../errors.js';

/**
 * A target or a settings change that does not fit the city. Codes: `segment/bad-target` (not a
 * target, or a topic/area the city does not have; the message lists every problem).
 */
export class SegmentError extends MadoguchiError {
  override name = 'SegmentError';
  constructor(
    code: string,
    message: string,
    readonly problems: string[] = [],
    userMessage?: string,
  ) {
    super(code, message, userMessage);
  }
}
