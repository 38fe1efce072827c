import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CITY, ev, USER_1, USER_2 } from '../app/fixture.js';
import { harness, sign } from './harness.js';
import type { Harness } from './harness.js';

const LINE = 'https://api.line.me';
let h: Harness;
let replies: Array<{ replyToken: string; messages: Array<{ type: string; text?: string }> }>;

/** Records every reply LINE receives. */
function lineAcceptsReplies() {
  return nock(LINE)
    .persist()
    .post('/v2/bot/message/reply', (body) => {
      replies.push(body);
      return true;
    })
    .matchHeader('authorization', 'Bearer test-token')
    .reply(200, { sentMessages: [] });
}

const textsOf = () => replies.map((r) => r.messages.map((m) => m.text ?? m.type).join('\n'));
/** Every record of the question log (questions and feedback), oldest first. */
const logged = () => h.questionLog.read(CITY.id, new Date(0), new Date('2100-01-01'));

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
beforeEach(async () => {
  h = await harness();
  replies = [];
  lineAcceptsReplies();
});
afterEach(() => nock.cleanAll());

describe('POST /webhook: the signature', () => {
  it('accepts a valid signature, answers 200, then replies from the FAQ', async () => {
    await h.post({ destination: 'U0', events: [ev.text(USER_1, '粗大ごみの出し方')] }).expect(200);
    await h.dispatcher.idle();
    expect(textsOf()).toEqual([expect.stringContaining('粗大ごみは申し込みが必要です')]);
  });

  it('reads the signature header case-insensitively', async () => {
    const body = JSON.stringify({ events: [ev.text(USER_1, '粗大ごみ')] });
    await h
      .post(body, { 'x-line-signature': undefined, 'X-LINE-SIGNATURE': sign(body) })
      .expect(200);
  });

  it('refuses a wrong or missing signature with 401 and does nothing', async () => {
    const body = { events: [ev.follow(USER_1), ev.text(USER_1, '粗大ごみ')] };
    await h.post(body, { 'x-line-signature': sign('{"events":[]}') }).expect(401);
    await h.post(body, { 'x-line-signature': undefined }).expect(401);
    await h.post(body, { 'x-line-signature': '' }).expect(401);
    await h.dispatcher.idle();
    expect(replies).toEqual([]);
    expect(await h.store.getUser(USER_1)).toBeUndefined();
    expect(await logged()).toEqual([]);
    expect(h.metrics.render()).toContain('madoguchi_webhook_requests_total{status="401"} 3');
  });

  it('verifies the raw bytes of a body with emoji sent as \\uD83D escapes', async () => {
    // LINE escapes emoji; a body re-serialised by a JSON parser would not match the signature.
    const raw = JSON.stringify({ events: [ev.text(USER_1, 'X')] }).replace(
      '"text":"X"',
      '"text":"\\uD83D\\uDE00 粗大ごみ \\uD83D\\uDC4D"',
    );
    expect(raw).toContain('\\uD83D');
    await h.post(raw).expect(200);
    await h.dispatcher.idle();
    expect(textsOf()[0]).toContain('粗大ごみは申し込みが必要です');
    const [asked] = await logged();
    expect(asked).toMatchObject({ kind: 'question', query: expect.stringContaining('😀') });
  });
});

describe('POST /webhook: the body', () => {
  it('answers 400 to malformed JSON (signed)', async () => {
    await h.post('{"events": [').expect(400);
    await h.post('{"destination":"U0"}').expect(400);
  });

  it('answers 200 to an empty events list (LINE’s connectivity check)', async () => {
    await h.post({ destination: 'U0', events: [] }).expect(200);
  });

  it('answers 503 while the FAQ is still loading, so LINE can redeliver', async () => {
    h.ready.content = false;
    await h.post({ events: [ev.text(USER_1, '粗大ごみ')] }).expect(503);
    await h.post({ events: [] }).expect(200);
  });

  it('ignores unknown event types and fields, and still runs the known events', async () => {
    const future = { ...ev.unknown(USER_1), brandNewField: { x: 1 } };
    await h.post({ events: [future, ev.text(USER_2, '粗大ごみ')], newTopLevel: true }).expect(200);
    await h.dispatcher.idle();
    expect(replies).toHaveLength(1);
    expect(h.metrics.render()).toContain('madoguchi_events_total{type="hologram",mode="active"} 1');
  });
});

describe('redelivery and ordering', () => {
  it('answers a redelivered event once', async () => {
    const event = ev.text(USER_1, '粗大ごみ');
    await h.post({ events: [event] }).expect(200);
    await h.dispatcher.idle();
    await h.post({ events: [{ ...event, deliveryContext: { isRedelivery: true } }] }).expect(200);
    await h.dispatcher.idle();
    expect(replies).toHaveLength(1);
    expect(h.metrics.render()).toContain('madoguchi_events_duplicate_total 1');
  });
});
