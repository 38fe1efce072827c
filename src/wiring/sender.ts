/** The `Sender`: LINE's Messaging API in live mode, or a log line per message in local mode. */
import { createRecordingSender } from '../app/index.js';
import type { SentRecord } from '../app/index.js';
import { createLineSender } from '../line/index.js';
import type { Metrics, Sender } from '../ports.js';
import type { WiringContext } from './context.js';

/** What local mode logs instead of sending: the kind and a short preview of each message. */
function preview(record: SentRecord): object {
  return {
    kind: record.kind,
    messages: record.messages.map((m) =>
      m.type === 'text' ? m.text.slice(0, 200) : `[${m.type}] ${'altText' in m ? m.altText : ''}`,
    ),
  };
}

/** `maxAttempts`: tries per call (the LINE sender's default when omitted). */
export function createSender(
  { config, logger }: WiringContext,
  metrics?: Metrics,
  maxAttempts?: number,
): Sender {
  if (config.line.mode === 'live') {
    return createLineSender({
      channelAccessToken: config.line.channelAccessToken,
      baseURL: config.line.apiBaseUrl,
      timeoutMs: config.line.timeoutMs,
      logger,
      ...(metrics ? { metrics } : {}),
      ...(maxAttempts ? { maxAttempts } : {}),
    });
  }
  return createRecordingSender((record) => {
    logger.info(preview(record), 'local mode: not sent to LINE');
  });
}
