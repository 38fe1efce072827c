/** vitest globalSetup of the e2e project: one console build per run (always under CI). */
import { ensureConsoleBuilt } from '../lib/build-console.js';

export default function setup(): void {
  ensureConsoleBuilt({ force: Boolean(process.env.CI) });
}
