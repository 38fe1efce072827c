import type { webhook } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/app/index.js';
import { captureLogger } from '../setup/capture-logger.js';
import { ev, USER_1, USER_2 } from './fixture.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const textOf = (e: webhook.Event) => ((e as webhook.MessageEvent).message as { text: string }).text;

describe('createDispatcher', () => {
  it('runs one chat’s events in order even when the first is slower, others in parallel', async () => {
    const gate = deferred();
    const done: string[] = [];
    const dispatcher = createDispatcher(async (e) => {
      if (textOf(e) === 'first') await gate.promise;
      done.push(textOf(e));
    }, captureLogger());
    dispatcher.dispatch([
      ev.text(USER_1, 'first'),
      ev.text(USER_1, 'second'),
      ev.text(USER_2, 'other'),
    ] as unknown as webhook.Event[]);
    expect(dispatcher.pending).toBe(3);

    // Let everything that can run, run: only the other resident's event can.
    await new Promise((r) => setImmediate(r));
    expect(done).toEqual(['other']);

    gate.resolve();
    await dispatcher.idle();
    expect(done).toEqual(['other', 'first', 'second']);
    expect(dispatcher.pending).toBe(0);
  });

  it('keeps the chain going when a handler throws, and logs it', async () => {
    const logger = captureLogger();
    const done: string[] = [];
    const dispatcher = createDispatcher(async (e) => {
      if (textOf(e) === 'boom') throw new Error('bug');
      done.push(textOf(e));
    }, logger);
    dispatcher.dispatch([
      ev.text(USER_1, 'boom'),
      ev.text(USER_1, 'after'),
    ] as unknown as webhook.Event[]);
    await dispatcher.idle();
    expect(done).toEqual(['after']);
    expect(logger.messages('error')).toEqual(['event handler failed']);
  });
});
