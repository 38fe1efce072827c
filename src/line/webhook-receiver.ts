import type { WebhookReceiver } from '../ports.js';
import { verifySignature } from './signature.js';
import { parseWebhookBody } from './webhook-body.js';

/** The `WebhookReceiver` port for one channel: signature check, then loose parsing. */
export function createWebhookReceiver(channelSecret: string): WebhookReceiver {
  return {
    verify: (rawBody, signature) => verifySignature(rawBody, signature, channelSecret),
    parse: (rawBody) => parseWebhookBody(rawBody),
  };
}
