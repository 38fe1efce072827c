/**
 * The world the console runs in, for the e2e tests, the screenshots and the console bench:
 * a throw-away redis-server, the fake LINE API (bench/fake-line), and the real server
 * (`node --import tsx src/main.ts`) in live mode pointed at the fake, with three staff tokens.
 * Everything listens on 127.0.0.1 and `stop()` ends what `startWorld` started.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeLine } from '../../../bench/fake-line/server.js';
import type { FakeLine } from '../../../bench/fake-line/server.js';
import { freePort, startRedisServer } from '../../setup/redis-server.js';
import type { RedisServer } from '../../setup/redis-server.js';
import { ROOT } from './build-console.js';

/** Staff tokens (ADMIN_TOKENS): one per role. */
export const STAFF = {
  admin: { name: 'kanri', token: 'e2e-admin-token-0123456789abcdef' },
  broadcaster: { name: 'haishin', token: 'e2e-broadcaster-token-0123456789ab' },
  viewer: { name: 'etsuran', token: 'e2e-viewer-token-0123456789abcdef' },
} as const;

/** The staff test accounts that receive test sends (never residents of the seed). */
export const TEST_USER_IDS = [
  'Uf00000000000000000000000000000a1',
  'Uf00000000000000000000000000000a2',
];

export const CHANNEL_SECRET = 'e2e-channel-secret';

export interface WorldOptions {
  /** Writes residents, logs… into Redis under `prefix` before the server starts. */
  seed?: (redisUrl: string, prefix: string) => Promise<void>;
  /** Extra or replaced server environment variables. */
  env?: Record<string, string>;
  /** Seconds to wait for /readyz (default 90). */
  readyTimeoutS?: number;
}

export interface World {
  /** `http://127.0.0.1:<port>` of the server. */
  readonly baseUrl: string;
  readonly redis: RedisServer;
  readonly fake: FakeLine;
  readonly prefix: string;
  /** The server's output so far (stdout and stderr). */
  serverLog(): string;
  /** Calls the admin API with a bearer token (no session, no CSRF). */
  api(token: string, method: string, apiPath: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

async function waitReady(base: string, server: ChildProcess, log: () => string, timeoutS: number) {
  const until = Date.now() + timeoutS * 1000;
  while (Date.now() < until) {
    if (server.exitCode !== null) {
      throw new Error(`the server exited (${server.exitCode}):\n${log().slice(-3000)}`);
    }
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server was not ready within ${timeoutS} s:\n${log().slice(-3000)}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const prefix = `e2e-${randomUUID().slice(0, 8)}:`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'madoguchi-e2e-'));
  const logFile = path.join(dir, 'server.log');
  const redis = await startRedisServer();
  let fake: FakeLine | undefined;
  let server: ChildProcess | undefined;
  const stop = async () => {
    if (server) await stopChild(server);
    await fake?.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await options.seed?.(redis.url, prefix);
    fake = await startFakeLine();
    const port = await freePort();
    const log = openSync(logFile, 'w');
    server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      stdio: ['ignore', log, log],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: '127.0.0.1',
        CITY: 'komaki',
        FAQ_DIR: path.join(ROOT, 'faq'),
        REDIS_URL: redis.url,
        REDIS_PREFIX: prefix,
        LINE_CHANNEL_SECRET: CHANNEL_SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: 'e2e-channel-access-token',
        LINE_API_BASE_URL: fake.url,
        LINE_DATA_API_BASE_URL: fake.url,
        LOG_LEVEL: 'info',
        USER_ID_HASH_KEY: 'e2e-user-id-hash-key-0123',
        ADMIN_TOKENS: Object.entries(STAFF)
          .map(([role, s]) => `${s.name}:${role}:${s.token}`)
          .join(','),
        ADMIN_TEST_USER_IDS: TEST_USER_IDS.join(','),
        FAQ_RELOAD: 'off',
        BROADCAST_QUIET_HOURS: 'off',
        BROADCAST_WORKERS: 'on',
        CLASS_ANNOUNCE_AT: 'off',
        ...options.env,
      },
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    const serverLog = () => readFileSync(logFile, 'utf8');
    await waitReady(baseUrl, server, serverLog, options.readyTimeoutS ?? 90);
    const started = fake;
    return {
      baseUrl,
      redis,
      fake: started,
      prefix,
      serverLog,
      api: (token, method, apiPath, body) =>
        fetch(`${baseUrl}/admin/api${apiPath}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
