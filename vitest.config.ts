import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // kuromoji takes ~1 s and ~330 MB per worker; two workers suit the 2-core CI machine.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // One real redis-server for the *.redis.test.ts files (see tests/setup/redis.ts).
    globalSetup: ['tests/setup/redis.ts'],
  },
});
