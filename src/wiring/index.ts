/** @module wiring: builds the edges `main.ts` starts and stops (stores, sender, FAQ, broadcasts, classes). */
export type { WiringContext } from './context.js';
export { createStores } from './stores.js';
export { createSender } from './sender.js';
export { createLiveContent } from './live-content.js';
export { createBroadcasting } from './broadcasting.js';
export { startClassTicks } from './class-ticks.js';
