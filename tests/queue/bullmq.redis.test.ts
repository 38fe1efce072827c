/**
 * The BullMQ delivery engine on a real Redis, with the real LINE sender against nock: a whole
 * broadcast, two workers sharing the work (every resident exactly once), a worker that died
 * after LINE accepted a batch, failed batch jobs retried when their broadcast starts again, LINE’s
 * rate limit, a cancel while sending, and a scheduled start.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBroadcastService } from '../../src/app/index.js';
import type { BroadcastDeps, BroadcastService } from '../../src/app/index.js';
import { createLineSender } from '../../src/line/index.js';
import { createBullDelivery } from '../../src/queue/index.js';
import type { BullDelivery } from '../../src/queue/index.js';
import { createKeys } from '../../src/store/index.js';
import { createRedisAudience } from '../../src/store/audience/index.js';
import type { RedisAudience } from '../../src/store/audience/index.js';
import { createRedisAuditLog } from '../../src/store/audit/index.js';
import type { RedisAuditLog } from '../../src/store/audit/index.js';
import { createRedisBroadcastStore } from '../../src/store/broadcasts/index.js';
import type { RedisBroadcastStore } from '../../src/store/broadcasts/index.js';
import { ADMIN, CITY, fakeLine, inArea, noticeBody, userId } from '../app/broadcast-fixture.js';
import type { FakeLine } from '../app/broadcast-fixture.js';
import { captureLogger } from '../setup/capture-logger.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../setup/redis-test.js';

const url = redisUrl();
const clock = { now: () => new Date() };

/** Waits for `check` to hold (polling), failing after `ms`. Not a timing assertion. */
async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Engine {
  delivery: BullDelivery;
  deps: BroadcastDeps;
  service: BroadcastService;
}

describe.skipIf(!url)('BullMQ delivery engine', () => {
  let prefix: string;
  let audience: RedisAudience;
  let broadcasts: RedisBroadcastStore;
  let audit: RedisAuditLog;
  let line: FakeLine;
  let engines: Engine[];

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => nock.enableNetConnect());

  beforeEach(async () => {
    prefix = uniquePrefix('bq');
    audience = createRedisAudience({ url, prefix });
    broadcasts = createRedisBroadcastStore({ url, prefix });
    audit = createRedisAuditLog({ url, prefix });
    await Promise.all([audience.ready(), broadcasts.ready(), audit.ready()]);
    line = fakeLine();
    engines = [];
  });
  afterEach(async () => {
    for (const e of engines) await e.delivery.close();
    await Promise.all([audience.close(), broadcasts.close(), audit.close()]);
    await deleteKeys(url, prefix);
    nock.cleanAll();
  });

  /** One "worker process": its own queue connections, sender and workers. */
  async function engine(workers = true, store: RedisBroadcastStore = broadcasts): Promise<Engine> {
    const logger = captureLogger();
    const delivery = createBullDelivery({
      url,
      prefix: createKeys(prefix).queuePrefix(),
      logger,
      rps: 200,
      concurrency: 4,
      attempts: 3,
      backoffMs: 10,
      rateLimitPauseMs: 20,
    });
    const deps: BroadcastDeps = {
      broadcasts: store,
      audit,
      audience,
      sender: createLineSender({
        channelAccessToken: 't',
        logger,
        delay: async () => {},
        backoff: { random: () => 0.5 },
      }),
      queue: delivery,
      clock,
      logger,
      city: () => CITY,
      options: { batchSize: 3, testUserIds: [] },
    };
    if (workers) await delivery.startWorkers(deps);
    const e = { delivery, deps, service: createBroadcastService(deps) };
    engines.push(e);
    return e;
  }

  async function confirmed(
    service: BroadcastService,
    residents: number,
    body = noticeBody(),
  ): Promise<string> {
    for (let i = 1; i <= residents; i++) await audience.markFollowed(userId(i), inArea('中部'));
    const b = await service.create(ADMIN, body);
    const { count } = await service.preview(b.id);
    await service.confirm(ADMIN, b.id, { count });
    return b.id;
  }

  const finished = (id: string) => async () => Boolean((await broadcasts.get(id))?.finishedAt);
  const deliveredTo = () => line.accepted.flatMap((c) => c.to);
  const everyoneOnce = (n: number) => {
    const got = deliveredTo();
    expect(got).toHaveLength(n);
    expect(new Set(got).size).toBe(n);
  };

  it('delivers a broadcast in batch jobs, once per resident, with one key per batch', async () => {
    const { service } = await engine();
    const id = await confirmed(service, 10);
    await until(finished(id));
    expect(await service.report(id)).toMatchObject({
      state: 'sent',
      recipients: 10,
      delivered: 10,
      batches: { total: 4 },
    });
    everyoneOnce(10);
    expect(new Set(line.calls.map((c) => c.retryKey)).size).toBe(4);
  });

  it('shares the work between two workers: every resident exactly once', async () => {
    const a = await engine();
    await engine();
    const id = await confirmed(a.service, 60);
    await until(finished(id));
    everyoneOnce(60);
    expect(line.calls).toHaveLength(20);
  });

  it('finishes the job of a worker that died after LINE accepted a batch: 409, nobody twice', async () => {
    const producer = await engine(false);
    const id = await confirmed(producer.service, 9);
    // The dead worker had frozen the recipients, taken up batch 1, and LINE had accepted it.
    const { startBroadcast } = await import('../../src/app/index.js');
    await startBroadcast(producer.deps, id);
    const key = '33333333-3333-4333-8333-333333333333';
    await broadcasts.claimBatch(id, 1, key, new Date().toISOString());
    const batch1 = [userId(4), userId(5), userId(6)];
    line.accepted.push({ retryKey: key, to: batch1, messages: [] });
    await engine(); // the restarted worker: its sweep picks the broadcast up
    await until(finished(id));
    expect(line.calls.find((c) => c.retryKey === key)?.to).toEqual(batch1);
    everyoneOnce(9);
    expect(await producer.service.report(id)).toMatchObject({ state: 'sent', delivered: 9 });
  });

  it('retries the failed batch jobs of the broadcast it starts again, and only those', async () => {
    // Every batch job gives up while the store refuses claims (an unexpected error each attempt).
    let broken = true;
    let refused = 0;
    const flaky: RedisBroadcastStore = Object.assign(Object.create(broadcasts), {
      claimBatch: (...args: Parameters<RedisBroadcastStore['claimBatch']>) => {
        if (!broken) return broadcasts.claimBatch(...args);
        refused++;
        return Promise.reject(new Error('store away'));
      },
    });
    const { service, delivery } = await engine(true, flaky);
    const a = await confirmed(service, 6); // 2 batches
    await until(async () => refused >= 2 * 3 && (await delivery.drained()));
    const b = await confirmed(service, 6); // the same 6 residents, 2 more batches
    await until(async () => refused >= 4 * 3 && (await delivery.drained()));
    expect(line.calls).toHaveLength(0);
    broken = false;

    await delivery.start(a, new Date());
    await until(finished(a));
    everyoneOnce(6);
    expect(await delivery.drained()).toBe(true);
    expect(await broadcasts.get(b)).toMatchObject({ state: 'sending' }); // b's jobs still failed

    await delivery.sweep();
    await until(finished(b));
    expect(deliveredTo()).toHaveLength(12);
  });

  it('pauses the queue on LINE’s rate limit and continues with the same keys', async () => {
    const { service } = await engine();
    line.answer = (call, i) =>
      i < 10
        ? [429, { message: 'Too many requests' }]
        : line.accepted.some((a) => a.retryKey === call.retryKey)
          ? [409, {}, { 'x-line-accepted-request-id': 'r' }]
          : [200];
    const id = await confirmed(service, 6);
    await until(finished(id));
    everyoneOnce(6);
    expect(new Set(line.calls.map((c) => c.retryKey)).size).toBe(2);
  });

  it('stops at the monthly quota and reports the rest as failed', async () => {
    const { service } = await engine();
    line.answer = (_c, i) =>
      i < 1 ? [200] : [429, { message: 'You have reached your monthly limit.' }];
    const id = await confirmed(service, 12);
    await until(finished(id));
    const report = await service.report(id);
    expect(report.delivered + report.failed).toBe(12);
    expect(report.failedByReason.quota).toBeGreaterThanOrEqual(3);
    expect(report.state).toBe('partly_failed');
  });

  it('cancels while sending: no batch is sent after the cancel, the report adds up', async () => {
    const { service } = await engine();
    let cancel: Promise<unknown> | undefined;
    let id = '';
    line.answer = (_c, i) => {
      if (i === 2) cancel = service.cancel(ADMIN, id);
      return [200];
    };
    id = await confirmed(service, 60);
    await until(finished(id));
    await cancel;
    const report = await service.report(id);
    expect(report.state).toBe('cancelled');
    expect(report.delivered + report.cancelled).toBe(60);
    expect(report.cancelled).toBeGreaterThan(0);
    expect(deliveredTo()).toHaveLength(report.delivered);
  });

  it('delays the start of a scheduled broadcast, and cancelling removes it', async () => {
    const { service, delivery } = await engine();
    const later = new Date(Date.now() + 3 * 3600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const jstLater = new Date(later.getTime() + 9 * 3600_000);
    const sendAt = `${jstLater.getUTCFullYear()}-${pad(jstLater.getUTCMonth() + 1)}-${pad(jstLater.getUTCDate())}T${pad(jstLater.getUTCHours())}:${pad(jstLater.getUTCMinutes())}`;
    const id = await confirmed(service, 3, noticeBody({ sendAt, urgent: true }));
    expect(await delivery.drained()).toBe(false); // one delayed start job
    expect(line.calls).toHaveLength(0);
    await service.cancel(ADMIN, id);
    expect(await delivery.drained()).toBe(true);
    expect(await broadcasts.get(id)).toMatchObject({ state: 'cancelled' });
  });
});
