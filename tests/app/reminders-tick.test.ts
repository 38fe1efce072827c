// One scheduler tick: nothing while the content loads; reminders then the announcement; one
// failing part never stops the other. And the in-process scheduler ticks without overlapping.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runClassTick, type ClassTickDeps } from '../../src/app/index.js';
import { createInlineClassScheduler } from '../../src/queue/index.js';
import { createMemoryReminderStore } from '../../src/store/reminders/index.js';
import { captureLogger } from '../setup/capture-logger.js';
import { createRecordingSender } from '../../src/app/index.js';
import { NOW } from '../classes/fixture.js';

function deps(over: Partial<ClassTickDeps> = {}): ClassTickDeps {
  return {
    reminders: createMemoryReminderStore(),
    sender: createRecordingSender(),
    clock: { now: () => NOW },
    logger: captureLogger(),
    content: () => {
      throw new Error('FAQ not loaded: loading');
    },
    ...over,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('runClassTick', () => {
  it('does nothing while the content loads', async () => {
    expect(await runClassTick(deps())).toEqual({});
  });

  it('a failing reminder store is logged; the announcement still runs', async () => {
    const logger = captureLogger();
    const reminders = createMemoryReminderStore();
    reminders.classIds = async () => {
      throw new Error('redis down');
    };
    const d = deps({
      logger,
      reminders,
      content: () => ({ city: { topics: [] }, classes: { classes: [] } }) as never,
      announce: { broadcasts: {} as never, audience: { count: async () => 0 } },
    });
    const r = await runClassTick(d);
    expect(r.reminders).toBeUndefined();
    expect(r.announce).toEqual({ status: 'no-topic' });
    expect(logger.messages('error')).toContain('class reminders failed; retried at the next tick');
  });
});

describe('the in-process scheduler', () => {
  it('ticks every interval, never two at once, and stops on close', async () => {
    vi.useFakeTimers();
    const logger = captureLogger();
    const s = createInlineClassScheduler({ everyMs: 1000, firstMs: 10, logger });
    let running = 0;
    let most = 0;
    let ticks = 0;
    let release!: () => void;
    await s.start(async () => {
      ticks++;
      running++;
      most = Math.max(most, running);
      await new Promise<void>((r) => (release = r));
      running--;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(ticks).toBe(1);
    await vi.advanceTimersByTimeAsync(5000); // the first tick is still running: no second
    expect(ticks).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(ticks).toBe(2);
    release();
    await s.close();
    await vi.advanceTimersByTimeAsync(5000);
    expect(ticks).toBe(2);
    expect(most).toBe(1);
  });
});
