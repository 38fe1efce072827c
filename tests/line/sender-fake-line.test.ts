// The Sender against the fake LINE API (bench/fake-line) over a real socket: retry keys,
// 409 on a repeat, the monthly quota, scripted failures. No nock in this file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLine } from '../../bench/fake-line/server.js';
import type { FakeLine } from '../../bench/fake-line/server.js';
import { createLineSender, QuotaExceededError } from '../../src/line/index.js';
import type { Sender } from '../../src/ports.js';
import { captureLogger } from '../setup/capture-logger.js';

const KEY_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const KEY_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const hi = [{ type: 'text' as const, text: 'お知らせです' }];

let fake: FakeLine;
let sender: Sender;
const make = (f: FakeLine) =>
  createLineSender({
    channelAccessToken: 'token',
    baseURL: f.url,
    logger: captureLogger(),
    delay: async () => {},
  });

beforeEach(async () => {
  fake = await startFakeLine({ quota: 3 });
  sender = make(fake);
});
afterEach(() => fake.close());

describe('Sender ↔ fake LINE', () => {
  it('a push sent again with the same retry key is answered 409 and counted as sent', async () => {
    await sender.push('U1', hi, KEY_A);
    await sender.push('U1', hi, KEY_A);
    expect(fake.requests.map((r) => [r.endpoint, r.status, r.retryKey])).toEqual([
      ['push', 200, KEY_A],
      ['push', 409, KEY_A],
    ]);
    expect(fake.usage).toBe(1);
  });

  it('retries a 500 with the same key and body; LINE delivers once', async () => {
    fake.script('multicast', { status: 500, body: { message: 'Internal server error' } });
    await sender.multicast(['U1', 'U2'], hi, KEY_B);
    const [first, second] = fake.requests;
    expect([first?.status, second?.status]).toEqual([500, 200]);
    expect(second?.retryKey).toBe(KEY_B);
    expect(second?.body).toEqual(first?.body);
    expect(fake.usage).toBe(2);
  });

  it('stops at the monthly quota with QuotaExceededError, after one try', async () => {
    await sender.multicast(['U1', 'U2', 'U3'], hi, KEY_A);
    await expect(sender.push('U4', hi, KEY_B)).rejects.toBeInstanceOf(QuotaExceededError);
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(1);
    // Replies are free: the FAQ keeps answering.
    await expect(sender.reply('rt', hi)).resolves.toBeUndefined();
  });

  it('is refused without a token, and a retry key on a reply is refused (as LINE does)', async () => {
    const res = await fetch(`${fake.url}/v2/bot/message/push`, {
      method: 'POST',
      body: JSON.stringify({ to: 'U1', messages: hi }),
    });
    expect(res.status).toBe(401);
    const withKey = await fetch(`${fake.url}/v2/bot/message/reply`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'x-line-retry-key': KEY_A },
      body: JSON.stringify({ replyToken: 'rt', messages: hi }),
    });
    expect(withKey.status).toBe(400);
  });
});
