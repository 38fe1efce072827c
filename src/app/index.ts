/** @module app: the use cases: `handleEvent` (dedupe, state, dialog, reply, effects) and its dispatcher. */
export { handleEvent } from './handle-event.js';
export type { AppDeps, AppOptions, BotContent } from './handle-event.js';
export { createDispatcher } from './dispatcher.js';
export type { Dispatcher } from './dispatcher.js';
export { createRecordingSender } from './recording-sender.js';
export type { RecordingSender, SentRecord } from './recording-sender.js';
export { toTurnInput, conversationKey } from './turn-input.js';
export { retryKeyFor } from './retry-key.js';
export { createBotContent } from './bot-content.js';
export type { ContentParts } from './bot-content.js';
export { createBroadcastService } from './broadcast-service.js';
export type { BroadcastService } from './broadcast-service.js';
export type { Preview } from './broadcast-send.js';
export type { Actor, BroadcastDeps, BroadcastOptions } from './broadcast-deps.js';
export { startBroadcast, unfinishedBroadcasts } from './broadcast-start.js';
export { runBatch } from './run-batch.js';
export type { BatchJob, BatchResult } from './run-batch.js';
