import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createLineSender,
  LineApiError,
  LineBadRequestError,
  QuotaExceededError,
  RateLimitError,
} from '../../src/line/index.js';
import type { Sender } from '../../src/ports.js';
import { captureLogger } from '../setup/capture-logger.js';
import type { CaptureLogger } from '../setup/capture-logger.js';

const LINE = 'https://api.line.me';
const KEY = '123e4567-e89b-12d3-a456-426614174000';
const hello = [{ type: 'text' as const, text: 'こんにちは' }];

let logger: CaptureLogger;
let waits: number[];
let sender: Sender;

function makeSender(extra: Partial<Parameters<typeof createLineSender>[0]> = {}): Sender {
  return createLineSender({
    channelAccessToken: 'test-token',
    logger,
    delay: async (ms) => {
      waits.push(ms);
    },
    backoff: { random: () => 0.5 },
    ...extra,
  });
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.enableNetConnect();
});
beforeEach(() => {
  logger = captureLogger();
  waits = [];
  sender = makeSender();
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('push and multicast (with a retry key)', () => {
  it('retries a 500 with the same retry key and the same body, then succeeds', async () => {
    const body = { to: 'U1234', messages: hello };
    nock(LINE)
      .post('/v2/bot/message/push', body)
      .matchHeader('x-line-retry-key', KEY)
      .matchHeader('authorization', 'Bearer test-token')
      .reply(500, { message: 'An error occurred in the server' });
    nock(LINE)
      .post('/v2/bot/message/push', body)
      .matchHeader('x-line-retry-key', KEY)
      .reply(200, { sentMessages: [{ id: '1', quoteToken: 'q' }] });
    await sender.push('U1234', hello, KEY);
    expect(waits).toEqual([150]); // base 200 ms × jitter factor 0.75
  });

  it('retries a 429 rate limit, backing off exponentially, then succeeds', async () => {
    nock(LINE)
      .post('/v2/bot/message/multicast')
      .matchHeader('x-line-retry-key', KEY)
      .times(2)
      .reply(429, { message: 'Too many requests' });
    nock(LINE)
      .post('/v2/bot/message/multicast', { to: ['U1', 'U2'], messages: hello })
      .matchHeader('x-line-retry-key', KEY)
      .reply(200, {});
    await sender.multicast(['U1', 'U2'], hello, KEY);
    expect(waits).toEqual([150, 300]);
  });

  it('gives up after maxAttempts with a RateLimitError', async () => {
    sender = makeSender({ maxAttempts: 3 });
    nock(LINE).post('/v2/bot/message/push').times(3).reply(429, { message: 'Too many requests' });
    const err = await sender.push('U1', hello, KEY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ code: 'line/rate-limited', status: 429 });
    expect(waits).toHaveLength(2);
  });

  it('reports the monthly quota 429 and does not retry it', async () => {
    nock(LINE)
      .post('/v2/bot/message/push')
      .reply(
        429,
        { message: 'You have reached your monthly limit.' },
        { 'x-line-request-id': 'req-q' },
      );
    const err = await sender.push('U1', hello, KEY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QuotaExceededError);
    expect(err).toMatchObject({ code: 'line/quota-exceeded', requestId: 'req-q' });
    expect(waits).toEqual([]);
    expect(logger.messages('error').join()).toMatch(/monthly message quota/);
  });

  it('counts a 409 with x-line-accepted-request-id as success', async () => {
    nock(LINE)
      .post('/v2/bot/message/push')
      .matchHeader('x-line-retry-key', KEY)
      .reply(
        409,
        { message: 'The retry key is already accepted', sentMessages: [{ id: '1' }] },
        { 'x-line-accepted-request-id': 'req-first' },
      );
    await expect(sender.push('U1', hello, KEY)).resolves.toBeUndefined();
    expect(logger.lines.find((l) => l.msg?.includes('409'))?.obj).toMatchObject({
      acceptedRequestId: 'req-first',
    });
  });

  it('does not retry a 400 and logs LINE’s error body (Flex 400s are opaque otherwise)', async () => {
    nock(LINE)
      .post('/v2/bot/message/push')
      .reply(400, {
        message: 'A message (messages[0]) in the request body is invalid',
        details: [{ message: 'must be specified', property: 'messages[0].altText' }],
      });
    const err = await sender.push('U1', hello, KEY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LineApiError);
    expect(err).toMatchObject({ status: 400, code: 'line/api-error' });
    expect((err as LineApiError).lineMessage).toContain('messages[0].altText: must be specified');
    const warn = logger.lines.find((l) => l.level === 'warn');
    expect(JSON.stringify(warn?.obj)).toContain('messages[0].altText');
    expect(waits).toEqual([]);
  });

  it('refuses bad requests before calling LINE', async () => {
    const six = Array.from({ length: 6 }, () => hello[0]!);
    await expect(sender.push('U1', six, KEY)).rejects.toBeInstanceOf(LineBadRequestError);
    await expect(sender.push('U1', hello, 'not-a-uuid')).rejects.toBeInstanceOf(
      LineBadRequestError,
    );
    const many = Array.from({ length: 501 }, (_, i) => `U${i}`);
    await expect(sender.multicast(many, hello, KEY)).rejects.toThrow(/1-500 users/);
  });
});

describe('reply (no retry key)', () => {
  it('sends the reply token and messages', async () => {
    nock(LINE)
      .post('/v2/bot/message/reply', { replyToken: 'rt-1', messages: hello })
      .reply(200, { sentMessages: [] });
    await sender.reply('rt-1', hello);
  });

  it('does not send a reply again after a 500: LINE may have delivered it', async () => {
    nock(LINE).post('/v2/bot/message/reply').reply(500, { message: 'Internal error' });
    const err = await sender.reply('rt-1', hello).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 500, code: 'line/api-error' });
    expect(waits).toEqual([]);
  });

  it('retries a reply refused by the rate limit (429): it was not processed', async () => {
    nock(LINE).post('/v2/bot/message/reply').reply(429, { message: 'Too many requests' });
    nock(LINE).post('/v2/bot/message/reply').reply(200, {});
    await sender.reply('rt-1', hello);
    expect(waits).toHaveLength(1);
  });

  it('does not retry an invalid reply token (400)', async () => {
    nock(LINE).post('/v2/bot/message/reply').reply(400, { message: 'Invalid reply token' });
    await expect(sender.reply('rt-old', hello)).rejects.toMatchObject({
      status: 400,
      lineMessage: 'Invalid reply token',
    });
    // A refused reply is logged once, by handleEvent (tests/app/handle-event.test.ts).
    expect(logger.lines).toEqual([]);
  });
});
