// The スマホ教室 scheduler on BullMQ: it ticks, and a restarted process replaces its job scheduler
// instead of adding a second one (so ticks do not double). Waits for ticks, never sleeps.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createBullClassScheduler } from '../../src/queue/index.js';
import { createKeys } from '../../src/store/index.js';
import { captureLogger } from '../setup/capture-logger.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../setup/redis-test.js';

const url = redisUrl();
const prefix = createKeys(uniquePrefix('class-scheduler')).queuePrefix();

afterAll(async () => {
  if (url) await deleteKeys(url, prefix);
});

function ticks(n: number) {
  let count = 0;
  let done!: () => void;
  const reached = new Promise<void>((resolve) => (done = resolve));
  return {
    reached,
    tick: async () => {
      if (++count === n) done();
    },
  };
}

describe.skipIf(!url)('the class scheduler on BullMQ', () => {
  it('ticks; a restart keeps one job scheduler', async () => {
    const logger = captureLogger();
    const first = createBullClassScheduler({ url, prefix, everyMs: 100, logger });
    const a = ticks(2);
    await first.start(a.tick);
    await a.reached;
    await first.close();

    const second = createBullClassScheduler({ url, prefix, everyMs: 100, logger });
    const b = ticks(1);
    await second.start(b.tick);
    await b.reached;
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    const queue = new Queue('classes', { connection, prefix });
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['classes-tick']);
    await queue.close();
    connection.disconnect();
    await second.close();
    expect(logger.messages('error')).toEqual([]);
  });
});
