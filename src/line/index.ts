/** @module line: the LINE boundary: webhook signature and parsing, and a retrying `Sender`. */
export { createLineSender, MAX_MESSAGES_PER_REQUEST, MAX_MULTICAST_RECIPIENTS } from './sender.js';
export type { LineSenderOptions } from './sender.js';
export { createWebhookReceiver } from './webhook-receiver.js';
export { signBody, verifySignature } from './signature.js';
export { LineApiError } from './errors/line-api-error.js';
export type { LineEndpoint } from './errors/line-api-error.js';
export { RateLimitError } from './errors/rate-limit-error.js';
export { QuotaExceededError } from './errors/quota-exceeded-error.js';
export { LineNetworkError } from './errors/line-network-error.js';
export { LineBadRequestError } from './errors/bad-request-error.js';
export { BadWebhookBodyError } from './errors/bad-webhook-body-error.js';
