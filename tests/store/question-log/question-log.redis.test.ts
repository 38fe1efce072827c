import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { QuestionLogInput } from '../../../src/ports.js';
import { createRedisQuestionLog } from '../../../src/store/question-log/index.js';
import { manualClock } from '../../contract/manual-clock.js';
import { questionLogContract } from '../../contract/question-log.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../../setup/redis-test.js';

const url = redisUrl();

describe.skipIf(!url)('redis question log', () => {
  questionLogContract('redis', async ({ retentionMonths, start }) => {
    const prefix = uniquePrefix('qlog');
    const clock = manualClock(start);
    const log = createRedisQuestionLog({
      url,
      prefix,
      clock,
      ...(retentionMonths ? { retentionMonths } : {}),
    });
    await log.ready();
    return {
      log,
      clock,
      cleanup: async () => {
        await log.close();
        await deleteKeys(url, prefix);
      },
    };
  });

  describe('Redis specifics', () => {
    const prefix = uniquePrefix('qlog-x');
    const clock = manualClock(new Date('2026-04-15T00:00:00Z'));
    const log = createRedisQuestionLog({ url, prefix, clock, pageSize: 1000 });
    const raw = new Redis(url);
    afterAll(async () => {
      await log.close();
      await deleteKeys(url, prefix);
      raw.disconnect();
    });
    const q = (at: string, query: string): QuestionLogInput => ({
      kind: 'question',
      at,
      city: 'komaki',
      query,
      verdict: 'no_answer',
    });

    it('keeps one sorted set per city, scored by time, the set of cities and day counts', async () => {
      await log.ready();
      await log.append(q('2026-04-10T00:00:00Z', 'a'));
      expect((await raw.keys(`${prefix}*`)).sort()).toEqual([
        `${prefix}qlog:cities`,
        `${prefix}qlog:{komaki}`,
        `${prefix}qlog:{komaki}:day:2026-04-10`,
      ]);
      const day = `${prefix}qlog:{komaki}:day:2026-04-10`;
      expect(await raw.hgetall(day)).toEqual({ questions: '1', no_answer: '1' });
      // Expires by itself once the retention (13 months) is past the day.
      expect(Number(await raw.call('pexpiretime', day))).toBe(
        Date.parse('2026-04-10T00:00:00Z') + (13 * 31 + 2) * 86_400_000,
      );
      const [member, score] = await raw.zrange(`${prefix}qlog:{komaki}`, '0', '0', 'WITHSCORES');
      expect(score).toBe(String(Date.parse('2026-04-10T00:00:00Z')));
      expect(member!.startsWith('{"id":"')).toBe(true);
    });

    it('reads more records than one page, in order', async () => {
      const base = Date.parse('2026-04-11T00:00:00Z');
      const multi = [];
      for (let i = 0; i < 2500; i++) {
        multi.push(log.append(q(new Date(base + i * 1000).toISOString(), `q${i}`)));
      }
      await Promise.all(multi);
      const got = await log.read('komaki', new Date(base), new Date(base + 2500 * 1000));
      expect(got).toHaveLength(2500);
      expect(got.every((r, i) => r.kind === 'question' && r.query === `q${i}`)).toBe(true);
    });

    it('purges on append once an hour has passed, by the injected clock', async () => {
      const key = `${prefix}qlog:{komaki}`;
      const before = await raw.zcard(key);
      clock.set(new Date('2027-06-11T00:00:00Z'));
      await log.append(q('2027-06-11T00:00:00Z', 'new'));
      await log.idle(); // the purge runs in the background
      expect(await raw.zcard(key)).toBe(1);
      expect(before).toBeGreaterThan(1);
    });

    it('reports a failed background purge with the next append, which still stores its record', async () => {
      const p = uniquePrefix('qlog-p');
      const broken = createRedisQuestionLog({ url, prefix: p, clock: manualClock(new Date()) });
      await raw.set(`${p}qlog:cities`, 'not a set'); // SMEMBERS fails: WRONGTYPE
      try {
        await broken.ready();
        const now = new Date().toISOString();
        await broken.append(q(now, 'first')); // starts the purge, does not wait for it
        await broken.idle();
        await expect(broken.append(q(now, 'second'))).rejects.toMatchObject({
          code: 'store/unavailable',
          message: expect.stringContaining('background retention purge failed (WRONGTYPE'),
        });
        await broken.append(q(now, 'third')); // reported once
        expect(await raw.zcard(`${p}qlog:{komaki}`)).toBe(3);
      } finally {
        await broken.close();
        await deleteKeys(url, p);
      }
    });

    it('rejects a stored record that no longer matches the schema', async () => {
      await raw.zadd(`${prefix}qlog:{komaki}`, Date.parse('2027-06-11T01:00:00Z'), '{"id":"x"}');
      await expect(
        log.read('komaki', new Date('2027-06-11T00:30:00Z'), new Date('2027-06-12T00:00:00Z')),
      ).rejects.toMatchObject({ code: 'store/bad-state' });
    });
  });
});
