/**
 * vitest globalSetup: one real `redis-server` on a free 127.0.0.1 port for the whole run,
 * handed to tests as `inject('redisUrl')`. Each `*.redis.test.ts` file uses its own key prefix
 * and cleans up. Without `redis-server`: under CI the run fails; elsewhere the Redis tests are
 * skipped with a loud warning (never silently).
 */
import type { TestProject } from 'vitest/node';
import { RedisMissingError, startRedisServer } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>`, or '' when redis-server is missing outside CI. */
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const server = await startRedisServer();
    project.provide('redisUrl', server.url);
    return () => server.stop();
  } catch (err) {
    if (err instanceof RedisMissingError && !process.env.CI) {
      console.warn(
        `\n⚠️  ${err.message}: the *.redis.test.ts files are SKIPPED (they fail under CI).\n`,
      );
      project.provide('redisUrl', '');
      return async () => {};
    }
    throw err;
  }
}
