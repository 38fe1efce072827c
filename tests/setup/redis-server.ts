/**
 * Starts a throw-away `redis-server` on 127.0.0.1 (no persistence) for tests and benchmarks.
 * Used by the vitest globalSetup, by tests that stop and restart Redis, and by bench/webhook.ts.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Thrown when the `redis-server` binary is not installed. */
export class RedisMissingError extends Error {
  override name = 'RedisMissingError';
}

/** A port the OS says is free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `redis-server` on `port` (a free one by default) and resolves once it accepts
 * connections. Rejects with `RedisMissingError` when the binary is missing.
 */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const p = port ?? (await freePort());
  const child = spawn(
    'redis-server',
    ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'ENOENT'
          ? new RedisMissingError('redis-server is not installed (apt-get install redis-server)')
          : err,
      );
    });
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited (${code}): ${out.slice(-500)}`)),
    );
  });
  // Keep draining output so the pipe never fills up and blocks the server.
  child.stdout?.resume();
  child.stderr?.resume();
  return { port: p, url: `redis://127.0.0.1:${p}`, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
