/**
 * Errors of the admin API as statuses and JSON: `{ error, code, problems?, … }`. Every 4xx
 * says what is wrong; zod issues arrive as `problems`, one line each (`department: must not be
 * empty`). Anything unexpected is logged and answered 500 without details.
 */
import type { NextFunction, Request, Response } from 'express';
import { MadoguchiError } from '../../errors.js';
import type { Logger } from '../../ports.js';

const STATUS: Record<string, number> = {
  'broadcast/not-found': 404,
  'broadcast/bad-request': 400,
  'broadcast/bad-notice': 400,
  'broadcast/send-time-passed': 400,
  'segment/bad-target': 400,
  'broadcast/bad-state': 409,
  'broadcast/count-changed': 409,
  'broadcast/no-recipients': 409,
  'broadcast/no-test-users': 409,
  'broadcast/busy': 409,
  'admin/not-ready': 503,
  // A store that did not answer (Redis down): try again, nothing is wrong with the request.
  'store/unavailable': 503,
};

export function adminErrorHandler(logger: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const status = (err as { status?: unknown; type?: unknown }).status;
    if ((err as { type?: unknown }).type === 'entity.parse.failed') {
      res.status(400).json({ error: 'the body is not valid JSON', code: 'admin/bad-json' });
      return;
    }
    if (
      typeof status === 'number' &&
      status >= 400 &&
      status < 500 &&
      !(err instanceof MadoguchiError)
    ) {
      res.status(status).json({ error: (err as Error).message, code: 'admin/bad-body' });
      return;
    }
    if (err instanceof MadoguchiError) {
      const known = STATUS[err.code];
      const line = err.code.startsWith('line/');
      if (known || line) {
        const e = err as MadoguchiError & { problems?: unknown; detail?: Record<string, unknown> };
        const problems =
          Array.isArray(e.problems) && e.problems.length > 0 ? { problems: e.problems } : {};
        if (line) logger.warn({ err }, 'admin API: LINE refused a call');
        if (err.code === 'store/unavailable') logger.warn({ err }, 'admin API: store unavailable');
        res
          .status(known ?? 502)
          .json({ error: err.message, code: err.code, ...problems, ...e.detail });
        return;
      }
    }
    logger.error({ err }, 'admin API request failed');
    res.status(500).json({ error: 'internal error', code: 'admin/internal' });
  };
}
