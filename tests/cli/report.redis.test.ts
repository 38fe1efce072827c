import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, run } from '../../src/cli/index.js';
import { createRedisQuestionLog } from '../../src/store/question-log/index.js';
import { manualClock } from '../contract/manual-clock.js';
import { APRIL_LOG } from '../reports/fixture.js';
import { deleteKeys, redisUrl, uniquePrefix } from '../setup/redis-test.js';
import { captureIo } from './capture-io.js';

const url = redisUrl();

describe.skipIf(!url)('madoguchi report on the server’s Redis', () => {
  const prefix = uniquePrefix('cli-report');
  afterAll(() => deleteKeys(url, prefix));

  it('reads the question log at REDIS_URL under REDIS_PREFIX', async () => {
    const log = createRedisQuestionLog({
      url,
      prefix,
      clock: manualClock(new Date('2026-05-02T00:00:00Z')),
    });
    await log.ready();
    for (const { id: _id, ...r } of APRIL_LOG) await log.append(r);
    await log.close();

    const c = captureIo({ REDIS_URL: url, REDIS_PREFIX: prefix });
    c.io.now = () => new Date('2026-05-02T00:00:00Z');
    expect(await run(['report', '--city', 'testcity', '--format', 'json'], c.io)).toBe(EXIT.ok);
    const report = JSON.parse(c.out.join('\n'));
    expect(report.month).toBe('2026-04');
    expect(report.overall).toMatchObject({ questions: 11, feedback: 5, helpful: 3 });
  });

  it('says so when Redis cannot be reached', async () => {
    const c = captureIo({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await run(['unanswered', '--city', 'testcity'], c.io)).toBe(EXIT.notFound);
    expect(c.err.join('\n')).toContain('cannot reach Redis');
  });
});
