/** @module wiring: builds the edges `main.ts` starts and stops (stores, sender, FAQ, broadcasts, classes). */
export type { WiringContext } from './context.js';
export { createStores } from './stores.js';
export { createSender } from './sender.js';
export { createLiveContent } from './live-content.js';
export { createBroadcasting } from './broadcasting.js';
export { startClassTicks } from './class-ticks.js';
// The console's month builds off the main thread (a worker on the question log's Redis).
export { createMonthBuilder, createWorkerMonthBuilder, MonthBuildError } from './month-builder.js';
export type { BuiltMonth, WorkerMonthBuilder, WorkerMonthBuilderOptions } from './month-builder.js';
