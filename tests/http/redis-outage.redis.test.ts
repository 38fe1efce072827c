// Redis stopped mid-run and started again, with its own redis-server (the shared one of the
// run must stay up for other files). LINE is the fake server on 127.0.0.1.
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLine } from '../../bench/fake-line/server.js';
import type { FakeLine } from '../../bench/fake-line/server.js';
import { createRedisStore } from '../../src/store/state/index.js';
import type { RedisStore } from '../../src/store/state/index.js';
import { ev, USER_1 } from '../app/fixture.js';
import { startRedisServer } from '../setup/redis-server.js';
import type { RedisServer } from '../setup/redis-server.js';
import { redisUrl, uniquePrefix } from '../setup/redis-test.js';
import { harness } from './harness.js';
import type { Harness } from './harness.js';

describe.skipIf(!redisUrl())('when Redis goes away mid-run', () => {
  let redis: RedisServer;
  let store: RedisStore;
  let fake: FakeLine;
  let h: Harness;
  const answered = () => fake.requests.filter((r) => r.endpoint === 'reply').length;
  const readyz = async () =>
    (await supertest(h.app).get('/readyz')).body as Record<string, unknown>;

  beforeAll(async () => {
    redis = await startRedisServer();
    fake = await startFakeLine();
    store = createRedisStore({
      url: redis.url,
      prefix: uniquePrefix('outage'),
      commandTimeoutMs: 500,
    });
    await store.ready();
    h = await harness({ store, lineBaseURL: fake.url });
  });
  afterAll(async () => {
    await store.close();
    await redis.stop();
    await fake.close();
  });

  it('keeps answering FAQ questions, reports the fault on /readyz, and recovers without restart', async () => {
    await h.post({ events: [ev.text(USER_1, '粗大ごみ')] }).expect(200);
    await h.dispatcher.idle();
    expect(answered()).toBe(1);
    expect(await readyz()).toMatchObject({ ready: true });

    await redis.stop();
    await h.post({ events: [ev.text(USER_1, 'スマホ教室はある？')] }).expect(200);
    await h.dispatcher.idle();
    expect(answered()).toBe(2);
    expect(JSON.stringify(fake.requests[1]?.body)).toContain('スマホ教室を開いています');
    const down = await supertest(h.app).get('/readyz').expect(503);
    expect(down.body).toMatchObject({ ready: false, checks: { store: { ok: false } } });
    expect(h.metrics.render()).toMatch(/madoguchi_store_errors_total\{op="claimEvent"\} [1-9]/);

    // Same port: ioredis reconnects by itself.
    redis = await startRedisServer(redis.port);
    await expect.poll(readyz, { timeout: 15_000, interval: 200 }).toMatchObject({ ready: true });

    const again = ev.text(USER_1, 'コンビニで住民票');
    await h.post({ events: [again] }).expect(200);
    await h.dispatcher.idle();
    await h.post({ events: [{ ...again, deliveryContext: { isRedelivery: true } }] }).expect(200);
    await h.dispatcher.idle();
    expect(answered()).toBe(3); // dedup works again
    expect(await store.loadState(`user:${USER_1}`)).toMatchObject({
      lastEntryId: 'conveni-juminhyo',
    });
  });
});
