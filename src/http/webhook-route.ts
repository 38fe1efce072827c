/**
 * `POST /webhook`. The signature is checked on the raw bytes before anything parses them
 * (`express.raw`, never `express.json`), then the body is parsed loosely, LINE gets its 200 at
 * once (it waits 2 s at most), and the events run afterwards, in order per chat.
 */
import express from 'express';
import type { Request, Response, Router } from 'express';
import type { webhook } from '@line/bot-sdk';
import { MadoguchiError } from '../errors.js';
import type { Logger, Metrics, WebhookReceiver } from '../ports.js';

export interface WebhookDeps {
  /** Absent in local mode without a channel secret: every request is refused (401). */
  receiver?: WebhookReceiver;
  /** Queues the events; must return at once. */
  dispatch(events: webhook.Event[]): void;
  /** False until the FAQ is loaded: events are then refused with 503 (LINE may redeliver). */
  contentReady(): boolean;
  metrics: Metrics;
  logger: Logger;
  /** Largest body accepted. Default 1 MB (LINE's bodies are a few KB). */
  limit?: string;
}

export function webhookRouter(deps: WebhookDeps): Router {
  const router = express.Router();
  const { logger, metrics } = deps;
  // res.end rather than res.json: no ETag hashing on a path that runs for every event.
  const answer = (res: Response, status: number, body: object) => {
    metrics.count('madoguchi_webhook_requests_total', { status });
    res.status(status).setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  };

  router.post(
    '/webhook',
    express.raw({ type: () => true, limit: deps.limit ?? '1mb' }),
    (req: Request, res: Response) => {
      const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!deps.receiver) {
        logger.warn({}, 'webhook refused: no LINE_CHANNEL_SECRET (local mode)');
        return answer(res, 401, { error: 'no channel secret configured' });
      }
      // Express header lookup is case-insensitive.
      if (!deps.receiver.verify(raw, req.get('x-line-signature'))) {
        logger.warn(
          { hasSignature: req.get('x-line-signature') !== undefined },
          'webhook refused: bad signature',
        );
        return answer(res, 401, { error: 'invalid signature' });
      }
      let events: webhook.Event[];
      try {
        const body = deps.receiver.parse(raw);
        events = body.events;
        if (body.dropped?.length) {
          metrics.count('madoguchi_events_dropped_total', {}, body.dropped.length);
          logger.warn({ dropped: body.dropped }, 'webhook events with malformed fields dropped');
        }
      } catch (err) {
        if (err instanceof MadoguchiError && err.code === 'line/bad-webhook-body') {
          logger.warn({ err }, 'webhook refused: malformed body');
          return answer(res, 400, { error: err.message });
        }
        throw err;
      }
      if (events.length === 0) return answer(res, 200, {});
      if (!deps.contentReady()) {
        logger.warn({ events: events.length }, 'webhook refused: FAQ not loaded yet');
        return answer(res, 503, { error: 'not ready' });
      }
      answer(res, 200, {});
      deps.dispatch(events);
    },
  );
  return router;
}
