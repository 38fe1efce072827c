/** What every wiring factory gets: the checked configuration, the process logger and the clock. */
import type { Config } from '../config/index.js';
import type { AppLogger } from '../log/index.js';
import type { Clock } from '../ports.js';

export interface WiringContext {
  readonly config: Config;
  readonly logger: AppLogger;
  readonly clock: Clock;
}
