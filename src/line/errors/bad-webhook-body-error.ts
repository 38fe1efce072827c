import { MadoguchiError } from '../../errors.js';

/** A signed webhook request whose body is not JSON or has no `events` list (HTTP 400). */
export class BadWebhookBodyError extends MadoguchiError {
  override name = 'BadWebhookBodyError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('line/bad-webhook-body', message, undefined, options);
  }
}
