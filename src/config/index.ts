/** @module config: `readConfig(env)`: a typed Config, or every problem at once. */
export { readConfig } from './read-config.js';
export type { Config, ConfigResult, LineConfig } from './read-config.js';
