import { afterAll, describe, expect, it } from 'vitest';
import { closeRedisConnection, createRedisConnection } from '../../src/store/index.js';
import { createRedisAudience } from '../../src/store/audience/index.js';
import { createRedisAuditLog } from '../../src/store/audit/index.js';
import { createRedisBroadcastStore } from '../../src/store/broadcasts/index.js';
import { createRedisQuestionLog } from '../../src/store/question-log/index.js';
import { createRedisReminderStore } from '../../src/store/reminders/index.js';
import { createRedisStore } from '../../src/store/state/index.js';
import { captureLogger } from '../setup/capture-logger.js';
import { freePort } from '../setup/redis-server.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../setup/redis-test.js';

const url = redisUrl();
const clock = { now: () => new Date('2026-04-15T00:00:00Z') };

describe.skipIf(!url)('one Redis connection shared by every store', () => {
  const prefix = uniquePrefix('shared');
  const client = createRedisConnection({ url });
  afterAll(async () => {
    await closeRedisConnection(client);
    await deleteKeys(url, prefix);
  });

  it('serves all six stores, and a store closing leaves the connection to its creator', async () => {
    const store = createRedisStore({ client, prefix });
    const audience = createRedisAudience({ client, prefix });
    const broadcasts = createRedisBroadcastStore({ client, prefix });
    const audit = createRedisAuditLog({ client, prefix });
    const questionLog = createRedisQuestionLog({ client, prefix, clock });
    const reminders = createRedisReminderStore({ client, prefix });
    await Promise.all([store.ready(), audience.ready(), questionLog.ready()]);

    expect(await store.claimEvent('E1', 60)).toBe(true);
    await audience.markFollowed('U1', { topics: [], stopped: false });
    expect(await audience.count({ all: true })).toBe(1);
    await questionLog.append({
      kind: 'question',
      at: '2026-04-10T00:00:00Z',
      city: 'komaki',
      query: 'ごみ',
      verdict: 'no_answer',
    });
    expect(await reminders.classIds()).toEqual([]);
    expect(await broadcasts.listActive()).toEqual([]);

    await Promise.all(
      [store, audience, broadcasts, audit, questionLog, reminders].map((s) => s.close()),
    );
    expect(client.status).toBe('ready');
    expect(await client.ping()).toBe('PONG');
    const read = await createRedisQuestionLog({ client, prefix, clock }).read(
      'komaki',
      new Date('2026-04-01T00:00:00Z'),
      new Date('2026-04-30T00:00:00Z'),
    );
    expect(read.map((r) => (r.kind === 'question' ? r.query : r.kind))).toEqual(['ごみ']);
  });
});

describe('a connection to a Redis that is not there', () => {
  it('logs each distinct error once, without the URL, and fails fast instead of queueing', async () => {
    const logger = captureLogger();
    const port = await freePort();
    const client = createRedisConnection({
      url: `redis://:secret-password@127.0.0.1:${port}`,
      logger,
      name: 'test',
    });
    try {
      await expect(client.ping()).rejects.toThrow();
      await expect.poll(() => logger.messages('warn')).toEqual(['redis: test connection error']);
      expect(JSON.stringify(logger.lines)).not.toContain('secret-password');
    } finally {
      await closeRedisConnection(client);
    }
  });

  it('makes a store own its connection when given a URL: ready() can fail on the first error', async () => {
    const port = await freePort();
    const log = createRedisQuestionLog({ url: `redis://127.0.0.1:${port}`, clock });
    try {
      await expect(log.ready(10_000)).rejects.toThrow(/redis not ready: /);
    } finally {
      await log.close();
    }
  });
});
