import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // kuromoji takes ~1 s and ~330 MB per worker; two workers suit the 2-core CI machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
          // One real redis-server for the *.redis.test.ts files (see tests/setup/redis.ts).
          globalSetup: ['tests/setup/redis.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The admin console in a real chromium against the real server (tests/e2e/README.md).
          // Each file starts its own world (redis-server, fake LINE, server, browser); one file
          // at a time so two servers and two browsers never share the 2 cores.
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Builds dist/console once when it is missing or older than console/ (always in CI).
          globalSetup: ['tests/e2e/setup/build-console.ts'],
        },
      },
    ],
  },
});
