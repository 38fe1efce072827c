// Per-user ordering against a real fake LINE server on 127.0.0.1 (bench/fake-line), whose
// answers a test can hold back: no sleeps, a deferred promise decides who is slow.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeLine } from '../../bench/fake-line/server.js';
import type { FakeLine } from '../../bench/fake-line/server.js';
import { ev, USER_1, USER_2 } from '../app/fixture.js';
import { harness } from './harness.js';

let fake: FakeLine;
beforeAll(async () => {
  fake = await startFakeLine();
});
afterAll(() => fake.close());

it('replies to one user in the order sent, even when the first reply is slower', async () => {
  const h = await harness({ lineBaseURL: fake.url });
  const first = ev.text(USER_1, '粗大ごみ') as { replyToken: string };
  const second = ev.text(USER_1, 'スマホ教室') as { replyToken: string };
  const other = ev.text(USER_2, 'スマホ教室') as { replyToken: string };
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  fake.hold((_endpoint, body) => (body.replyToken === first.replyToken ? gate : undefined));

  await h.post({ events: [first, second, other] }).expect(200);
  // The other resident is answered while the first resident's reply is held back…
  await expect.poll(() => fake.requests.map((r) => r.body.replyToken)).toEqual([other.replyToken]);
  // …and the first resident's second message waits for the first one.
  await expect.poll(() => h.dispatcher.pending).toBe(2);

  release();
  await h.dispatcher.idle();
  expect(fake.requests.map((r) => r.body.replyToken)).toEqual([
    other.replyToken,
    first.replyToken,
    second.replyToken,
  ]);
  expect(fake.requests.every((r) => r.status === 200)).toBe(true);
});
