/**
 * The server wired as `src/main.ts` wires it (real LINE sender, real receiver, dispatcher,
 * handleEvent), with a test city, a store of the test's choice and helpers to post signed
 * webhooks through supertest. LINE itself is faked with nock (or a local server).
 */
import { createHmac } from 'node:crypto';
import supertest from 'supertest';
import type { Express } from 'express';
import { createDispatcher, handleEvent } from '../../src/app/index.js';
import type { AppDeps, Dispatcher } from '../../src/app/index.js';
import { createHttpApp, createMetricsRegistry } from '../../src/http/index.js';
import type { MetricsRegistry } from '../../src/http/index.js';
import { createLineSender, createWebhookReceiver } from '../../src/line/index.js';
import type { QuestionLog, Store } from '../../src/ports.js';
import { createMemoryQuestionLog } from '../../src/store/question-log/index.js';
import { createMemoryStore } from '../../src/store/state/index.js';
import { manualClock } from '../contract/manual-clock.js';
import type { ManualClock } from '../contract/manual-clock.js';
import { captureLogger } from '../setup/capture-logger.js';
import type { CaptureLogger } from '../setup/capture-logger.js';
import { testContent } from '../app/fixture.js';

export const SECRET = 'test-channel-secret';

export const sign = (raw: string | Buffer) =>
  createHmac('sha256', SECRET).update(raw).digest('base64');

export interface Harness {
  app: Express;
  dispatcher: Dispatcher;
  store: Store;
  /** Where questions and feedback are recorded (memory, as in local mode). */
  questionLog: QuestionLog;
  logger: CaptureLogger;
  metrics: MetricsRegistry;
  clock: ManualClock;
  /** Flip to false to simulate the FAQ still loading. */
  ready: { content: boolean };
  /** Posts `raw` (a string sent byte for byte, or an object as JSON) signed with SECRET. */
  post(raw: string | object, headers?: Record<string, string | undefined>): supertest.Test;
}

export async function harness(
  options: { store?: Store; lineBaseURL?: string } = {},
): Promise<Harness> {
  const content = await testContent();
  const logger = captureLogger();
  const metrics = createMetricsRegistry();
  const clock = manualClock();
  const store = options.store ?? createMemoryStore({ clock });
  const questionLog = createMemoryQuestionLog({ clock });
  const sender = createLineSender({
    channelAccessToken: 'test-token',
    logger,
    metrics,
    delay: async () => {},
    ...(options.lineBaseURL ? { baseURL: options.lineBaseURL } : {}),
  });
  const deps: AppDeps = {
    store,
    sender,
    clock,
    logger,
    metrics,
    content: () => content,
    questionLog,
  };
  const dispatcher = createDispatcher((e) => handleEvent(e, deps), logger);
  const ready = { content: true };
  const app = createHttpApp({
    receiver: createWebhookReceiver(SECRET),
    dispatch: (events) => dispatcher.dispatch(events),
    contentReady: () => ready.content,
    checks: {
      faq: async () => ({ ok: ready.content, detail: ready.content ? 'loaded' : 'loading' }),
      store: async () => {
        await store.ping();
        return { ok: true };
      },
    },
    metrics,
    logger,
  });
  return {
    app,
    dispatcher,
    store,
    questionLog,
    logger,
    metrics,
    clock,
    ready,
    post(raw, headers = {}) {
      const body = typeof raw === 'string' ? raw : JSON.stringify(raw);
      const req = supertest(app).post('/webhook').set('content-type', 'application/json');
      const all: Record<string, string | undefined> = {
        'x-line-signature': sign(body),
        ...headers,
      };
      for (const [k, v] of Object.entries(all)) if (v !== undefined) req.set(k, v);
      return req.send(body);
    },
  };
}
