/** @module queue: the broadcast delivery engine: BullMQ workers on Redis, or in-process for local mode. */
export { createInlineDelivery } from './inline.js';
export type { InlineDelivery, InlineDeliveryOptions } from './inline.js';
export { createBullDelivery } from './bullmq.js';
export type { BullDelivery, BullDeliveryOptions } from './bullmq.js';
export { createBullClassScheduler, createInlineClassScheduler } from './classes.js';
export type {
  BullClassSchedulerOptions,
  ClassScheduler,
  InlineClassSchedulerOptions,
} from './classes.js';
