import { MadoguchiError } from '../errors.js';

/**
 * A store failure. Codes: `store/bad-state` (a stored value no longer matches its schema),
 * `store/bad-prefix` (configuration), `store/unavailable` (the backing store did not answer).
 */
export class StoreError extends MadoguchiError {
  override name = 'StoreError';
}
