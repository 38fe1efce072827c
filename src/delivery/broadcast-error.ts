import { MadoguchiError } from '../errors.js';

/**
 * A broadcast request that cannot be served. Codes (the admin API maps them to statuses):
 * `broadcast/not-found` (404), `broadcast/bad-notice` (400: `problems` lists every one),
 * `broadcast/send-time-passed` (400), `broadcast/bad-state` (409: not allowed in this state),
 * `broadcast/count-changed` (409: the audience changed since the preview),
 * `broadcast/no-recipients` (409), `broadcast/no-test-users` (409: none configured),
 * `broadcast/bad-request` (400: the request body; `problems` lists every zod issue).
 * `detail` carries what the caller needs next (a fresh preview after `count-changed`).
 */
export class BroadcastError extends MadoguchiError {
  override name = 'BroadcastError';
  constructor(
    code: string,
    message: string,
    readonly problems: string[] = [],
    readonly detail?: Readonly<Record<string, unknown>>,
  ) {
    super(code, message);
  }
}
