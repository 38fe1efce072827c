import { MadoguchiError } from '../../errors.js';

/**
 * An `Audience` call that cannot be served. Codes: `audience/no-snapshot` (reading a snapshot
 * that was never taken or was dropped), `audience/bad-argument` (batch size, batch number or
 * snapshot key out of range), `audience/bad-settings` (settings that do not match their schema).
 */
export class AudienceError extends MadoguchiError {
  override name = 'AudienceError';
}
