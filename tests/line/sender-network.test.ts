// Timeouts and refused connections against real sockets on 127.0.0.1. This file does not load
// nock: its fetch interceptor turns passthrough network errors into a bare "TypeError: unusable".
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLineSender, LineNetworkError } from '../../src/line/index.js';
import type { Sender } from '../../src/ports.js';
import { captureLogger } from '../setup/capture-logger.js';
import type { CaptureLogger } from '../setup/capture-logger.js';
import { freePort } from '../setup/redis-server.js';

const KEY = '123e4567-e89b-12d3-a456-426614174000';
const hello = [{ type: 'text' as const, text: 'こんにちは' }];

let logger: CaptureLogger;
let waits: number[];

function makeSender(extra: Partial<Parameters<typeof createLineSender>[0]> = {}): Sender {
  return createLineSender({
    channelAccessToken: 'test-token',
    logger,
    delay: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  });
}

beforeEach(() => {
  logger = captureLogger();
  waits = [];
});

describe('network failures (a real socket on 127.0.0.1)', () => {
  let server: Server;
  let requests = 0;
  let hang = 0;
  let abandoned = 0;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++;
      if (hang > 0) {
        hang--;
        // Never answers: the client's timeout must fire and its abort must close the socket.
        req.on('close', () => abandoned++);
        return;
      }
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    requests = 0;
  });

  it('times out a push that gets no answer and retries it with the same key', async () => {
    hang = 1;
    const sender = makeSender({ baseURL: base, timeoutMs: 1000 });
    await sender.push('U1', hello, KEY);
    expect(requests).toBe(2);
    // The AbortSignal reached fetch: the hung request was really cancelled, not just abandoned.
    await expect.poll(() => abandoned).toBe(1);
    expect(logger.lines.find((l) => l.msg?.includes('retrying'))?.obj).toMatchObject({
      failure: 'timeout',
    });
  });

  it('does not send a reply again after a timeout: LINE may have delivered it', async () => {
    hang = 1;
    const sender = makeSender({ baseURL: base, timeoutMs: 1000 });
    const err = await sender.reply('rt-1', hello).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LineNetworkError);
    expect(err).toMatchObject({ reason: 'timeout', maybeDelivered: true });
    expect(requests).toBe(1);
  });

  it('retries a reply whose connection was refused (LINE never saw it)', async () => {
    const closed = await freePort();
    const sender = makeSender({ baseURL: `http://127.0.0.1:${closed}`, maxAttempts: 3 });
    const err = await sender.reply('rt-1', hello).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'line/network', reason: 'connect', maybeDelivered: false });
    expect(waits).toHaveLength(2);
  });
});
