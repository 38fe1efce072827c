/** A clock tests move by hand: TTLs and timestamps without sleeping. */
import type { Clock } from '../../src/ports.js';

export interface ManualClock extends Clock {
  advance(seconds: number): void;
  set(date: Date): void;
}

export function manualClock(start = new Date('2026-04-01T09:00:00.000Z')): ManualClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (seconds) => {
      t += seconds * 1000;
    },
    set: (date) => {
      t = date.getTime();
    },
  };
}
