import { MadoguchiError } from '../../errors.js';

/** A send we refuse before calling LINE (too many messages or recipients, a bad retry key). */
export class LineBadRequestError extends MadoguchiError {
  override name = 'LineBadRequestError';
  constructor(message: string) {
    super('line/bad-request', message);
  }
}
