/** @module queue: the broadcast delivery engine: BullMQ workers on Redis, or in-process for local mode. */
export { createInlineDelivery } from './inline.js';
export type { InlineDelivery, InlineDeliveryOptions } from './inline.js';
